package org.meterguard.core.vee;

import java.util.List;
import java.util.Objects;

/**
 * Validation, estimation and editing of one meter channel's series: the entry point. {@link #run} takes the
 * series a caller loaded, widens it to whole local days of the meter's zone, then
 *
 * <ol>
 *   <li>validates it: each configured rule in order reports findings ({@link #standard()}: gaps, clock, negative,
 *       maximum, spike, register sum); then every raw value an error finding covers becomes {@code QUESTIONABLE}
 *       and every other raw value {@code VALID}; no other quality changes and no value does;
 *   <li>estimates it: missing intervals that have ended (and questionable ones, if configured) are filled; edited
 *       values and earlier estimates stay as they are.
 * </ol>
 *
 * The result holds the series to write back, the findings of both steps and a revision per estimated value.
 * Edits are applied separately ({@link #edit}), and survive later runs. Stateless and thread-safe.
 *
 * <p><b>Estimation.</b> A run of at most {@link VeeConfig#maxLinearGap()} with a valid or edited value on both sides
 * is interpolated linearly ({@code ESTIMATED_LINEAR}, ESPI 9): across {@code n} slots between left value {@code L}
 * and right value {@code R}, slot {@code k} (1 to {@code n}) gets {@code L + (R − L) × k / (n + 1)} rounded to the
 * nearest integer, halves up (toward positive infinity): one slot between 10 and 11 gets 11; three between 0 and 2
 * get 1, 1, 2; three between 2 and 0 get 2, 1, 1. Any other run is filled like-day ({@code
 * ESTIMATED_REFERENCE_DAY}, ESPI 8): the typical profile's value (median of prior days of the same day type at the
 * same wall-clock slot) times the day's scale, rounded half up. The scale of a local day is the sum of its valid
 * and edited values over the sum of the typical values at those same slots, so a day running 10% above typical is
 * estimated 10% above typical; with fewer than four such slots, a typical sum that is not positive, or a negative
 * actual sum, the scale is 1. A slot without a typical value stays missing (or questionable), with a warning.
 */
public final class Vee {
    private final List<ValidationRule> rules;

    /** A VEE that validates with {@code rules}, in that order. */
    public Vee(List<ValidationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A VEE with every rule of {@link ValidationRule#standard()}. */
    public static Vee standard() {
        return new Vee(ValidationRule.standard());
    }

    /** The rules, in the order they run. */
    public List<ValidationRule> rules() {
        return rules;
    }

    /** Validates, then estimates, the whole local days {@code series} touches. */
    public VeeResult run(IntervalSeries series, VeeContext context) {
        VeeResult validated = validate(series.coveringLocalDays(), context);
        return validated.then(estimate(validated.series(), context));
    }

    /** Runs the rules over {@code series} as given and qualifies its raw values. */
    public VeeResult validate(IntervalSeries series, VeeContext context) {
        Objects.requireNonNull(context, "context");
        List<Finding> findings = rules.stream()
                .flatMap(rule -> rule.check(series, context).stream())
                .toList();
        return new VeeResult(Qualification.apply(series, findings), findings, List.of());
    }

    /** Fills what {@code series} is missing, as described above; validates nothing. */
    public VeeResult estimate(IntervalSeries series, VeeContext context) {
        return Estimation.apply(series, context);
    }

    /** Applies {@code edits} in order: each slot edited becomes {@code EDITED}, with a revision keeping the original. */
    public static VeeResult edit(IntervalSeries series, List<Edit> edits) {
        return Editing.apply(series, edits);
    }
}
