package org.meterguard.core.vee;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.meterguard.core.ReadingQuality;

/**
 * Fills runs of missing slots (and of questionable ones where configured) whose intervals have ended: a run no
 * longer than {@code maxLinearGap} with a valid or edited value on both sides by linear interpolation (ESPI 9),
 * any other run from the typical profile (ESPI 8, see {@link ReferenceDay}). Edited values and earlier estimates
 * are never replaced. A slot with no typical value stays as it was, and a warning says so.
 *
 * <p>Linear interpolation across a run of {@code n} slots between left value {@code L} and right value {@code R}
 * gives slot {@code k} (1 to {@code n}) the value {@code L + (R − L) × k / (n + 1)}, rounded to the nearest
 * integer with halves rounded up (toward positive infinity): between 10 and 11 a single slot gets 11; between 0
 * and 2 three slots get 1, 1, 2.
 */
final class Estimation {
    static final String NAME = "estimation";

    private final IntervalSeries series;
    private final VeeContext context;
    private final ReferenceDay referenceDay;
    private final Draft draft;
    private final List<Revision> revisions = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    private Estimation(IntervalSeries series, VeeContext context) {
        this.series = series;
        this.context = context;
        this.referenceDay = new ReferenceDay(series, context.profile());
        this.draft = new Draft(series);
    }

    static VeeResult apply(IntervalSeries series, VeeContext context) {
        context.profile().ifPresent(profile -> profile.requireFits(series));
        Estimation estimation = new Estimation(series, context);
        estimation.candidateRuns().forEach(estimation::fill);
        return new VeeResult(estimation.draft.toSeries(), estimation.findings, estimation.revisions);
    }

    private List<Run> candidateRuns() {
        List<Run> runs = new ArrayList<>();
        int from = -1;
        for (int i = 0; i <= series.size(); i++) {
            boolean candidate = i < series.size() && isCandidate(i);
            if (candidate && from < 0) {
                from = i;
            } else if (!candidate && from >= 0) {
                runs.add(new Run(from, i));
                from = -1;
            }
        }
        return runs;
    }

    private boolean isCandidate(int i) {
        boolean ended = !series.start(i).plus(series.interval()).isAfter(context.now());
        boolean replaceable = !series.isPresent(i)
                || (context.config().estimateQuestionable() && series.quality(i) == ReadingQuality.QUESTIONABLE);
        return ended && replaceable;
    }

    private void fill(Run run) {
        boolean fitsLinear = run.length() <= context.config().maxLinearSlots(series.interval());
        if (fitsLinear && ReferenceDay.isAnchor(series, run.from() - 1) && ReferenceDay.isAnchor(series, run.to())) {
            interpolate(run);
        } else {
            fillFromProfile(run);
        }
    }

    private void interpolate(Run run) {
        long left = series.value(run.from() - 1);
        long right = series.value(run.to());
        long rise = Arithmetic.subtractSaturated(right, left);
        String reason =
                "linear interpolation between " + series.describe(run.from() - 1) + " and " + series.describe(run.to());
        for (int k = 1; k <= run.length(); k++) {
            long step = Arithmetic.divideHalfUp(Arithmetic.multiplySaturated(rise, k), run.length() + 1L);
            record(run.from() + k - 1, Arithmetic.addSaturated(left, step), ReadingQuality.ESTIMATED_LINEAR, reason);
        }
    }

    private void fillFromProfile(Run run) {
        int unfilled = 0;
        for (int i = run.from(); i < run.to(); i++) {
            OptionalLong estimate = referenceDay.estimate(i);
            if (estimate.isPresent()) {
                record(i, estimate.getAsLong(), ReadingQuality.ESTIMATED_REFERENCE_DAY, referenceDay.reason(i));
            } else {
                unfilled++;
            }
        }
        if (unfilled > 0) {
            findings.add(Finding.warning(
                    NAME,
                    series.start(run.from()),
                    run.length(),
                    unfilled + " of "
                            + run.length() + " intervals from " + series.describe(run.from())
                            + " not estimated: no typical value for their time of day and day type"));
        }
    }

    private void record(int i, long value, ReadingQuality quality, String reason) {
        boolean had = series.isPresent(i);
        revisions.add(new Revision(
                series.start(i),
                had ? OptionalLong.of(series.value(i)) : OptionalLong.empty(),
                had ? Optional.of(series.quality(i)) : Optional.empty(),
                value,
                quality,
                Revision.VEE,
                context.now(),
                reason));
        draft.set(i, value, quality);
    }

    /** Slots {@code from} (inclusive) to {@code to} (exclusive). */
    private record Run(int from, int to) {
        int length() {
            return to - from;
        }
    }
}
