package org.meterguard.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Meterguard server: head-end, meter data store, access control, audit log and APIs in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MeterguardApplication {
    public static void main(String[] args) {
        SpringApplication.run(MeterguardApplication.class, args);
    }
}
