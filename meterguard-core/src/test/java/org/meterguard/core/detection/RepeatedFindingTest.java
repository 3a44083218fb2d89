package org.meterguard.core.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedFindingTest {
    private static final Instant T = Instant.parse("2026-06-02T03:00:00Z");

    private static Finding finding(FindingKind kind, Severity severity, String subject, int second, long... seqs) {
        return new Finding(
                kind,
                severity,
                subject,
                subject + " at " + second,
                T.plusSeconds(second),
                java.util.Arrays.stream(seqs).mapToObj(Evidence::auditEntry).toList());
    }

    @Test
    void findingsOfOneKindAboutOneSubjectAreTakenTogetherAsTheirAlertWouldHaveThem() {
        List<RepeatedFinding> merged = RepeatedFinding.of(
                List.of(
                        finding(FindingKind.OFF_HOURS_ACCESS, Severity.WARNING, "user:mallory", 1, 1),
                        finding(FindingKind.REPEATED_DENIALS, Severity.WARNING, "user:mallory", 2, 2, 3),
                        finding(FindingKind.OFF_HOURS_ACCESS, Severity.WARNING, "user:eve", 3, 4),
                        finding(FindingKind.REPEATED_DENIALS, Severity.CRITICAL, "user:mallory", 5, 2, 3, 5),
                        finding(FindingKind.OFF_HOURS_ACCESS, Severity.WARNING, "user:mallory", 4, 6)),
                10);

        assertThat(merged)
                .extracting(RepeatedFinding::kind, RepeatedFinding::subject, RepeatedFinding::occurrences)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FindingKind.OFF_HOURS_ACCESS, "user:mallory", 2),
                        org.assertj.core.groups.Tuple.tuple(FindingKind.REPEATED_DENIALS, "user:mallory", 2),
                        org.assertj.core.groups.Tuple.tuple(FindingKind.OFF_HOURS_ACCESS, "user:eve", 1));
        RepeatedFinding denials = merged.get(1);
        assertThat(denials.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(denials.detail()).isEqualTo("user:mallory at 5");
        assertThat(denials.first()).isEqualTo(T.plusSeconds(2));
        assertThat(denials.last()).isEqualTo(T.plusSeconds(5));
        assertThat(denials.evidence())
                .containsExactly(Evidence.auditEntry(2), Evidence.auditEntry(3), Evidence.auditEntry(5));
        RepeatedFinding offHours = merged.get(0);
        assertThat(offHours.detail()).as("the last one's, as repeats leave it").isEqualTo("user:mallory at 4");
        assertThat(offHours.last()).isEqualTo(T.plusSeconds(4));
    }

    @Test
    void evidenceStopsAtTheLimitWhileEveryOccurrenceCounts() {
        List<Finding> flood = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flood.add(finding(FindingKind.OFF_HOURS_ACCESS, Severity.WARNING, "user:mallory", i, i));
        }

        RepeatedFinding merged = RepeatedFinding.of(flood, 10).get(0);

        assertThat(merged.occurrences()).isEqualTo(50);
        assertThat(merged.evidence()).hasSize(10).first().isEqualTo(Evidence.auditEntry(0));
        assertThat(RepeatedFinding.of(List.of(), 10)).isEmpty();
    }
}
