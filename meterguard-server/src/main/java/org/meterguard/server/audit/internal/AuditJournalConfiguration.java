package org.meterguard.server.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.meterguard.audit.AuditJournal;
import org.meterguard.audit.JournalDescriptor;
import org.meterguard.audit.TreeHeadSigner;
import org.meterguard.server.audit.AuditProperties;
import org.meterguard.server.keys.KeyEncryptionKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Opens the audit journal (recovering a torn tail) with the installation's signing key, and before anything can
 * append to it, adopts the entries an older installation kept only in PostgreSQL, or checks that the projection
 * belongs to this journal. Closed last, on shutdown, after a final signed head.
 */
@Configuration(proxyBeanMethods = false)
class AuditJournalConfiguration {

    @Bean(destroyMethod = "close")
    AuditJournal auditJournal(AuditProperties properties, KeyEncryptionKey kek, JdbcClient jdbc) {
        Path directory = properties.directory().toAbsolutePath();
        TreeHeadSigner signer =
                new TreeHeadSigner(SigningKeyFile.loadOrCreate(properties.signingKey(), kek, !hasSegments(directory)));
        AuditJournal journal = AuditJournal.open(directory, signer, properties.journalSettings());
        try {
            new ProjectionStart(journal, jdbc).reconcile();
            return journal;
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
    }

    private static boolean hasSegments(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(JournalDescriptor.SEGMENT_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the audit journal directory " + directory, e);
        }
    }
}
