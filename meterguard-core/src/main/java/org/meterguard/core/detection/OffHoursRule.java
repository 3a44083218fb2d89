package org.meterguard.core.detection;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** Covered reads of customers outside working hours, by roles that do not work around the clock. */
final class OffHoursRule implements AccessRule {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm");

    private final DetectionSettings settings;

    OffHoursRule(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void observe(AccessRecord record, List<Finding> findings) {
        if (!record.coveredRead()
                || record.denied()
                || !record.concernsCustomer()
                || settings.offHoursExemptRoles().contains(record.role())
                || settings.workingHours().contains(record.at())) {
            return;
        }
        String local = record.at().atZone(settings.workingHours().zone()).format(LOCAL);
        findings.add(new Finding(
                FindingKind.OFF_HOURS_ACCESS,
                Severity.WARNING,
                record.actorSubject(),
                record.actor() + " (" + record.role() + ") read " + record.subject() + " at " + local + " "
                        + settings.workingHours().zone() + ", outside working hours",
                record.at(),
                List.of(record.evidence())));
    }
}
