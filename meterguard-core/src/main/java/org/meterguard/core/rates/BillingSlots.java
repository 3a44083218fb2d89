package org.meterguard.core.rates;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The slots of one billing period on one {@link TouCalendar}: for each UTC day whose row holds some of the period,
 * the runs of consecutive slots with one season-period, cut to the period's first and last instants. Immutable;
 * worked out once per billing period and walked for every meter.
 *
 * <pre>
 *   day d owns runs dayRun[d] .. dayRun[d + 1] - 1;  run r covers slots runFrom[r] .. runTo[r] - 1 of its day
 *   and falls in season-period runPeriod[r].  July in America/Los_Angeles (UTC-7), a weekday plan:
 *
 *   day 0 (07-01 UTC)  slots 28..91 off-peak | 92..95 on-peak          (slots 0..27 are still June)
 *   day 1 (07-02 UTC)  slots 0..15 on-peak   | 16..91 off-peak | 92..95 on-peak
 *   ...
 *   day 31 (08-01 UTC) slots 0..27 off-peak                            (the rest is August)
 * </pre>
 */
final class BillingSlots {
    private static final long SECONDS_PER_DAY = 86_400;

    final long firstEpochDay;
    final int[] dayRun;
    final int[] runFrom;
    final int[] runTo;
    final int[] runPeriod;
    /** Intervals of the billing period per season-period. */
    final int[] intervals;

    BillingSlots(TouCalendar calendar, BillingPeriod period) {
        long intervalSeconds = calendar.grid().interval().getSeconds();
        int slotsPerDay = calendar.grid().slotsPerDay();
        long start = calendar.startOf(period.from()).getEpochSecond();
        long end = calendar.startOf(period.to()).getEpochSecond();
        firstEpochDay = Math.floorDiv(start, SECONDS_PER_DAY);
        int days = (int) (Math.floorDiv(end - 1, SECONDS_PER_DAY) - firstEpochDay + 1);
        dayRun = new int[days + 1];
        Runs runs = new Runs(days * 8);
        for (int d = 0; d < days; d++) {
            long daySecond = (firstEpochDay + d) * SECONDS_PER_DAY;
            int first = (int) Math.max(0, ceilDiv(start - daySecond, intervalSeconds));
            int last = (int) Math.min(slotsPerDay, ceilDiv(end - daySecond, intervalSeconds));
            dayRun[d] = runs.count;
            runs.addCut(calendar.day(LocalDate.ofEpochDay(firstEpochDay + d)), first, last);
            dayRun[d + 1] = runs.count;
        }
        runFrom = Arrays.copyOf(runs.from, runs.count);
        runTo = Arrays.copyOf(runs.to, runs.count);
        runPeriod = Arrays.copyOf(runs.period, runs.count);
        intervals = new int[calendar.schedule().seasonPeriods().size()];
        for (int r = 0; r < runs.count; r++) {
            intervals[runPeriod[r]] += runTo[r] - runFrom[r];
        }
    }

    int days() {
        return dayRun.length - 1;
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    /** Runs collected while the table is built. */
    private static final class Runs {
        int[] from;
        int[] to;
        int[] period;
        int count;

        Runs(int capacity) {
            from = new int[capacity];
            to = new int[capacity];
            period = new int[capacity];
        }

        /** Adds the runs of {@code day} cut to slots {@code first} to {@code last}, excluded. */
        void addCut(SlotPeriods day, int first, int last) {
            for (int r = 0; r < day.runs(); r++) {
                int a = Math.max(first, day.runStart(r));
                int b = Math.min(last, day.runStart(r + 1));
                if (a < b) {
                    add(a, b, day.runPeriod(r));
                }
            }
        }

        private void add(int a, int b, int p) {
            if (count == from.length) {
                from = Arrays.copyOf(from, count * 2 + 8);
                to = Arrays.copyOf(to, count * 2 + 8);
                period = Arrays.copyOf(period, count * 2 + 8);
            }
            from[count] = a;
            to[count] = b;
            period[count++] = p;
        }
    }
}
