package org.meterguard.core.detection;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The unusual-activity detector: feed it audited accesses and meters' security events in order, and it answers
 * with findings. It keeps sliding windows in memory; what must outlive a restart (reads per user and hour, and
 * changes to users) it hands back in each {@link Observation} for the caller to keep and {@link #restore} later.
 * Time comes only from the records. Not thread-safe: one thread feeds it.
 */
public final class UnusualActivity {
    private final List<AccessRule> rules;
    private final BulkAccessRule bulk;
    private final UserChangeRule userChanges;
    private final MeterSecurityRule meterSecurity;

    /** A detector with {@code settings}, reading flags and third parties' grants through the lookups given. */
    public UnusualActivity(DetectionSettings settings, FlaggedSubjects flags, ThirdPartyGrants grants) {
        Objects.requireNonNull(settings, "settings");
        this.rules = List.of(
                new OffHoursRule(settings),
                new MissingBasisRule(settings),
                new PurposeRule(settings),
                new SignInRule(settings),
                new FlaggedSubjectRule(Objects.requireNonNull(flags, "flags")),
                new ExportRule(settings),
                new ThirdPartyRule(settings, Objects.requireNonNull(grants, "grants")));
        this.bulk = new BulkAccessRule(settings);
        this.userChanges = new UserChangeRule();
        this.meterSecurity = new MeterSecurityRule(settings);
    }

    /** Replaces the bulk-access baselines (recomputed by the caller, e.g. hourly, from kept touches). */
    public void baselines(Baselines baselines) {
        bulk.baselines(Objects.requireNonNull(baselines, "baselines"));
    }

    /** Puts back what was kept before a restart: the current hour's touches and changes to users, oldest first. */
    public void restore(List<Touch> touches, List<UserChange> changes) {
        touches.forEach(bulk::restore);
        changes.forEach(userChanges::restore);
    }

    /** Checks one audited access or change. */
    public Observation observe(AccessRecord record) {
        Objects.requireNonNull(record, "record");
        List<Finding> findings = new ArrayList<>();
        Optional<UserChange> change = userChanges.observe(record, findings);
        Optional<Touch> touch = bulk.observe(record, findings);
        for (AccessRule rule : rules) {
            rule.observe(record, findings);
        }
        bulk.prune(record.at().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS));
        return new Observation(findings, touch, change);
    }

    /** Turns one meter security event into its finding. */
    public Finding observe(MeterSecurityEvent event) {
        return meterSecurity.observe(Objects.requireNonNull(event, "event"));
    }

    /** The bulk-access threshold that applies now to {@code actor} in {@code role}, for reports and tests. */
    public int bulkThreshold(String actor, String role) {
        return bulk.threshold(actor, role);
    }
}
