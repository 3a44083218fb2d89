package org.meterguard.core.vee;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.meterguard.core.MeterId;

/**
 * What a VEE step made of a series: the series to write back, what the rules found, and every changed value with
 * the value it replaced. Qualifying a raw value as valid or questionable changes only its quality and is not a
 * revision; the findings say why a value is questionable.
 *
 * @param series the series after the step
 * @param findings findings in rule order, then time order
 * @param revisions value changes in the order they were made
 */
public record VeeResult(IntervalSeries series, List<Finding> findings, List<Revision> revisions) {
    public VeeResult {
        Objects.requireNonNull(series, "series");
        findings = List.copyOf(findings);
        revisions = List.copyOf(revisions);
    }

    /** The meter the series belongs to. */
    public MeterId meterId() {
        return series.meterId();
    }

    /** This step followed by {@code later}, which ran on this step's series: its series, both steps' records. */
    public VeeResult then(VeeResult later) {
        return new VeeResult(
                later.series,
                Stream.concat(findings.stream(), later.findings.stream()).toList(),
                Stream.concat(revisions.stream(), later.revisions.stream()).toList());
    }
}
