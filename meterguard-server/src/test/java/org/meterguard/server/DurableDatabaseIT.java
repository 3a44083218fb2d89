package org.meterguard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded database as the demo runs it: the library underneath starts PostgreSQL with fsync and
 * synchronous commit off; ours must run with both on, since it is the system of record.
 */
@SpringBootTest(properties = {"meterguard.headend.port=0", "meterguard.demo.enabled=false"})
class DurableDatabaseIT {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("meterguard-durable").toString();
        registry.add("meterguard.data-dir", () -> directory);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsWithFsyncAndSynchronousCommitOn() {
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");
    }

    @Test
    void refusesToChangeOrRemoveAuditEntries() {
        jdbc.sql("""
                        INSERT INTO audit_entry VALUES (1000000, now(), 'a', 'r', 'x', 'res', 's', 'p', '', 'PERMIT',
                                                        '', '', '\\x00', '\\x00')""").update();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("UPDATE audit_entry SET actor = 'b'").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("DELETE FROM audit_entry").update())
                .hasMessageContaining("append-only");
    }

    private String setting(String name) {
        return jdbc.sql("SELECT current_setting(?)")
                .param(name)
                .query(String.class)
                .single();
    }
}
