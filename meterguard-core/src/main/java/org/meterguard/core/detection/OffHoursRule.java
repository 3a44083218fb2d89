package org.meterguard.core.detection;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.meterguard.core.StaffRole;

/**
 * Covered reads of customers outside working hours by members of staff whose roles do not work around the clock.
 * Only staff have working hours: a customer reading their own data at night, or a third party fetching it on a
 * customer's authorization, is no finding (else every customer's evening visit to the portal would raise one).
 */
final class OffHoursRule implements AccessRule {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE HH:mm");
    private static final Set<String> STAFF =
            Arrays.stream(StaffRole.values()).map(StaffRole::name).collect(Collectors.toUnmodifiableSet());

    private final DetectionSettings settings;

    OffHoursRule(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void observe(AccessRecord record, List<Finding> findings) {
        if (!record.coveredRead()
                || record.denied()
                || !record.concernsCustomer()
                || !STAFF.contains(record.role())
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
