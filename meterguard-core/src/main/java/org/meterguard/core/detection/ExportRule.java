package org.meterguard.core.detection;

import java.time.Duration;
import java.util.List;

/** Bulk exports: more export or download actions by one user within an hour than the threshold. */
final class ExportRule implements AccessRule {
    private final DetectionSettings settings;
    private final SlidingWindow exports = new SlidingWindow(Duration.ofHours(1));

    ExportRule(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void observe(AccessRecord record, List<Finding> findings) {
        if (record.denied() || !record.exportOrDownload()) {
            return;
        }
        int count = exports.add(record.actor(), record.at(), record.evidence());
        if (count >= settings.exportThreshold()) {
            findings.add(new Finding(
                    FindingKind.BULK_EXPORT,
                    Severity.WARNING,
                    record.actorSubject(),
                    record.actor() + " (" + record.role() + ") made " + count + " exports or downloads within an hour",
                    record.at(),
                    exports.evidence(record.actor(), settings.evidenceLimit())));
        }
        exports.prune(record.at());
    }
}
