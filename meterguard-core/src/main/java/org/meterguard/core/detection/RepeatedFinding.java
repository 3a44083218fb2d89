package org.meterguard.core.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Findings of one kind about one subject from one examined batch, taken together: what raising them one by one
 * would leave in their alert (the last one's detail, the most urgent severity, every occurrence counted, their
 * evidence without repeats), raised at once. A user scraping accounts at night or a collector replaying frames
 * makes a finding per record; raised one by one, each its own transaction, they are what would put the detector
 * behind exactly when it matters.
 *
 * @param kind what they are
 * @param severity the most urgent of theirs
 * @param subject whom or what they concern
 * @param detail the last one's sentence
 * @param first when the first one happened
 * @param last when the last one happened (the latest of their times)
 * @param evidence what they rest on, in order, each once, at most the limit given to {@link #of}
 * @param occurrences how many findings these are
 */
public record RepeatedFinding(
        FindingKind kind,
        Severity severity,
        String subject,
        String detail,
        Instant first,
        Instant last,
        List<Evidence> evidence,
        int occurrences) {
    public RepeatedFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        evidence = List.copyOf(evidence);
        if (occurrences < 1) {
            throw new IllegalArgumentException(occurrences + " occurrences of a finding");
        }
    }

    /**
     * {@code findings} taken together per kind and subject, in the order each kind and subject first appears, each
     * keeping at most {@code evidenceLimit} pieces of evidence (the first ones).
     */
    public static List<RepeatedFinding> of(List<Finding> findings, int evidenceLimit) {
        Map<List<Object>, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            groups.computeIfAbsent(List.of(finding.kind(), finding.subject()), k -> new ArrayList<>())
                    .add(finding);
        }
        List<RepeatedFinding> out = new ArrayList<>(groups.size());
        for (List<Finding> group : groups.values()) {
            Finding first = group.get(0);
            Finding latest = group.get(group.size() - 1);
            Severity severity = first.severity();
            Instant last = first.at();
            Set<Evidence> evidence = new LinkedHashSet<>();
            for (Finding finding : group) {
                severity = severity.atLeast(finding.severity());
                last = finding.at().isAfter(last) ? finding.at() : last;
                for (Evidence e : finding.evidence()) {
                    if (evidence.size() < evidenceLimit) {
                        evidence.add(e);
                    }
                }
            }
            out.add(new RepeatedFinding(
                    first.kind(),
                    severity,
                    first.subject(),
                    latest.detail(),
                    first.at(),
                    last,
                    List.copyOf(evidence),
                    group.size()));
        }
        return out;
    }
}
