package org.meterguard.core.vee;

import java.util.List;

/**
 * One validation check over a series. A rule only reports: it changes no value and no quality. Value checks look
 * at measured values only (raw, valid, questionable); estimates and edits are not the meter's and are not
 * re-checked. {@link Vee} turns the findings into qualities.
 */
public interface ValidationRule {
    /** The rule's stable name, used in findings and reports. */
    String name();

    /** What the rule finds in {@code series}, in time order. */
    List<Finding> check(IntervalSeries series, VeeContext context);

    /**
     * Intervals of the series' local days that have ended by {@code now} and hold no value, one finding per run;
     * a day whose series holds fewer slots than its local length shows its missing intervals here.
     */
    static ValidationRule gaps() {
        return new GapRule();
    }

    /** Values off the interval grid, for intervals starting after {@code now}, or flagged clock-invalid. */
    static ValidationRule clock() {
        return new ClockRule();
    }

    /** Negative values on a delta (energy per interval) channel. */
    static ValidationRule negativeValues() {
        return new NegativeValueRule();
    }

    /** Values above the context's maximum per interval. */
    static ValidationRule aboveMaximum() {
        return new MaximumRule();
    }

    /** Values far above the typical profile's value for their profile slot and day type. */
    static ValidationRule spikes() {
        return new SpikeRule();
    }

    /** Register advances between two reads that the intervals between them do not add up to. */
    static ValidationRule registerSum() {
        return new RegisterSumRule();
    }

    /** Every rule, in the order {@link Vee#standard()} runs them: gaps, clock, negative, maximum, spike, register. */
    static List<ValidationRule> standard() {
        return List.of(gaps(), clock(), negativeValues(), aboveMaximum(), spikes(), registerSum());
    }
}
