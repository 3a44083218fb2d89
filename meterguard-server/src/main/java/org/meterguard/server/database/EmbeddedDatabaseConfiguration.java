package org.meterguard.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL 17 when no external database is configured ({@code spring.datasource.url} and
 * {@code MG_DB_URL} both unset). The library behind it runs PostgreSQL with fsync and synchronous commit off;
 * ours turns both back on unless told otherwise, because it is the demo's system of record.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws Exception {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        OrphanedPostmaster.find(dataDirectory).ifPresent(orphan -> stop(orphan, properties));
        String durable = properties.durable() ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(properties.startupWait())
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // Ingest writes in large batches: fewer checkpoints mean fewer full-page images in the WAL, and a
                // larger buffer pool keeps the indexes of recent days in memory. Durability is unchanged.
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

    private static void stop(OrphanedPostmaster orphan, EmbeddedDatabaseProperties properties) {
        try {
            orphan.stop(properties.startupWait());
        } catch (IOException e) {
            throw new IllegalStateException("could not stop the orphaned PostgreSQL (pid " + orphan.pid() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
        }
    }
}
