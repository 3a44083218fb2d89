package org.meterguard.server.headend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the head-end listens.
 *
 * @param port the TCP port; 4059 is DLMS/COSEM's registered port; 0 picks a free one (tests)
 * @param bindAddress the address to bind
 * @param maxFramePayload the largest wrapper payload accepted; longer frames close the connection
 * @param workerThreads threads that verify frames and write them to the store
 */
@ConfigurationProperties("meterguard.headend")
public record HeadEndProperties(
        @DefaultValue("4059") int port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("65535") int maxFramePayload,
        @DefaultValue("4") int workerThreads) {}
