package org.meterguard.server.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param durable fsync and synchronous commit on; only tests turn this off, for speed
 * @param startupWait how long to wait for the postmaster to accept connections
 */
@ConfigurationProperties("meterguard.database.embedded")
public record EmbeddedDatabaseProperties(
        Path dataDirectory,
        @DefaultValue("true") boolean durable,
        @DefaultValue("30s") Duration startupWait) {}
