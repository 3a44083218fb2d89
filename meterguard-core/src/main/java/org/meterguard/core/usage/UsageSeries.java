package org.meterguard.core.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums interval values into the buckets of a {@link UsagePeriod}: fixed 15-minute or hourly steps from its first
 * local midnight, or local days or months. Intervals outside the period are ignored. Allocates nothing per
 * interval: the zone's offset is remembered until its next transition, and local days map to months through a
 * table made once. Not thread-safe; one per request.
 */
public final class UsageSeries {
    private final UsagePeriod period;
    private final ZoneRules rules;
    private final long fromSecond;
    private final long toSecond;
    private final long firstEpochDay;
    private final int[] monthOfDay;
    private final long[] sums;
    private final int[] intervals;
    private final int[] estimated;
    /** Each bucket's first second, made when first needed by {@link #addHours}. */
    private long[] bucketStarts;

    private long offsetFrom = Long.MAX_VALUE;
    private long offsetUntil = Long.MIN_VALUE;
    private int offsetSeconds;

    public UsageSeries(UsagePeriod period) {
        this.period = period;
        this.rules = period.zone().getRules();
        this.fromSecond = period.from().getEpochSecond();
        this.toSecond = period.to().getEpochSecond();
        this.firstEpochDay = period.first().toEpochDay();
        int days = (int) (period.end().toEpochDay() - firstEpochDay);
        this.monthOfDay = period.resolution() == Resolution.MONTH ? monthTable(period.first(), days) : null;
        int buckets = bucketCount(days);
        sums = new long[buckets];
        intervals = new int[buckets];
        estimated = new int[buckets];
    }

    private static int[] monthTable(LocalDate first, int days) {
        int[] table = new int[days];
        YearMonth firstMonth = YearMonth.from(first);
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            table[d] = (day.getYear() - firstMonth.getYear()) * 12 + day.getMonthValue() - firstMonth.getMonthValue();
        }
        return table;
    }

    private int bucketCount(int days) {
        switch (period.resolution()) {
            case DAY:
                return days;
            case MONTH:
                return monthOfDay[days - 1] + 1;
            default:
                return (int) ((toSecond - fromSecond) / period.resolution().stepSeconds());
        }
    }

    /** The period summed. */
    public UsagePeriod period() {
        return period;
    }

    /** Adds one interval starting at {@code epochSecond}; ignored when it starts outside the period. */
    public void add(long epochSecond, long value, boolean isEstimate) {
        add(epochSecond, value, 1, isEstimate ? 1 : 0);
    }

    /**
     * Adds {@code count} intervals summing to {@code sum}, {@code estimates} of them estimated, that all fall into
     * the bucket of {@code epochSecond} (e.g. an hour's intervals, where the buckets are hours, days or months in a
     * zone whose offsets are whole hours); ignored when {@code epochSecond} lies outside the period.
     */
    public void add(long epochSecond, long sum, int count, int estimates) {
        if (epochSecond < fromSecond || epochSecond >= toSecond) {
            return;
        }
        int bucket = bucketOf(epochSecond);
        sums[bucket] += sum;
        intervals[bucket] += count;
        estimated[bucket] += estimates;
    }

    /**
     * Adds hours {@code [fromHour, toHour)} of a run of UTC hours that starts at {@code firstEpochSecond} (a whole
     * hour): hour {@code h} holds {@code counts[h]} intervals summing to {@code sums[h]}, {@code estimates[h]} of them
     * estimated. The same as {@link #add(long, long, int, int)} once per hour, for a period whose buckets the hours
     * fit ({@link #hoursFitBuckets}), but each bucket is found once for all its hours in the run, not once per hour:
     * a year read in month-long runs of hours is 17,520 hours per channel. Hours outside the period are ignored.
     */
    public void addHours(long firstEpochSecond, long[] sums, int[] counts, int[] estimates, int fromHour, int toHour) {
        int h = fromHour;
        long start = firstEpochSecond + 3600L * h;
        if (start < fromSecond) {
            int skip = (int) Math.min(toHour - h, (fromSecond - start + 3599) / 3600);
            h += skip;
            start += 3600L * skip;
        }
        while (h < toHour && start < toSecond) {
            int bucket = bucketOf(start);
            long end = bucketEnd(bucket);
            long sum = 0;
            int count = 0;
            int estimate = 0;
            do {
                sum += sums[h];
                count += counts[h];
                estimate += estimates[h];
                h++;
                start += 3600;
            } while (h < toHour && start < end);
            this.sums[bucket] += sum;
            intervals[bucket] += count;
            estimated[bucket] += estimate;
        }
    }

    /** The first second after bucket {@code bucket}. */
    private long bucketEnd(int bucket) {
        if (bucket + 1 >= sums.length) {
            return toSecond;
        }
        int step = period.resolution().stepSeconds();
        if (step > 0) {
            return fromSecond + (long) (bucket + 1) * step;
        }
        if (bucketStarts == null) {
            bucketStarts = startSeconds();
        }
        return bucketStarts[bucket + 1];
    }

    /**
     * Whether every bucket boundary of this period, and {@code from} and {@code to}, fall on whole UTC hours, so
     * that each UTC hour's intervals lie in one bucket: true unless the zone's offset over the period (or around
     * it) is not a whole number of hours.
     */
    public boolean hoursFitBuckets() {
        if (period.resolution() == Resolution.QUARTER_HOUR) {
            return false;
        }
        Instant from = period.from().minusSeconds(86_400);
        Instant to = period.to().plusSeconds(86_400);
        if (rules.getOffset(from).getTotalSeconds() % 3600 != 0) {
            return false;
        }
        for (ZoneOffsetTransition t = rules.nextTransition(from);
                t != null && t.getInstant().isBefore(to);
                t = rules.nextTransition(t.getInstant())) {
            if (t.getOffsetAfter().getTotalSeconds() % 3600 != 0) {
                return false;
            }
        }
        return true;
    }

    private int bucketOf(long epochSecond) {
        Resolution resolution = period.resolution();
        if (resolution.stepSeconds() > 0) {
            return (int) ((epochSecond - fromSecond) / resolution.stepSeconds());
        }
        int day = (int) (Math.floorDiv(epochSecond + offsetAt(epochSecond), 86_400L) - firstEpochDay);
        return resolution == Resolution.DAY ? day : monthOfDay[day];
    }

    private int offsetAt(long epochSecond) {
        if (epochSecond < offsetFrom || epochSecond >= offsetUntil) {
            Instant at = Instant.ofEpochSecond(epochSecond);
            offsetSeconds = rules.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
            ZoneOffsetTransition next = rules.nextTransition(at);
            offsetFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            offsetUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return offsetSeconds;
    }

    /** The buckets, in time order, each with its start. */
    public List<UsagePoint> points() {
        List<UsagePoint> points = new ArrayList<>(sums.length);
        for (int i = 0; i < sums.length; i++) {
            points.add(new UsagePoint(start(i), sums[i], intervals[i], estimated[i]));
        }
        return points;
    }

    /** The first instant of bucket {@code i}. */
    public Instant start(int i) {
        switch (period.resolution()) {
            case DAY:
                return period.first().plusDays(i).atStartOfDay(period.zone()).toInstant();
            case MONTH:
                LocalDate month = YearMonth.from(period.first()).plusMonths(i).atDay(1);
                LocalDate first = month.isBefore(period.first()) ? period.first() : month;
                return first.atStartOfDay(period.zone()).toInstant();
            default:
                return Instant.ofEpochSecond(
                        fromSecond + (long) i * period.resolution().stepSeconds());
        }
    }

    /** The first instant of each bucket, in epoch seconds. */
    public long[] startSeconds() {
        long[] starts = new long[sums.length];
        int step = period.resolution().stepSeconds();
        for (int i = 0; i < starts.length; i++) {
            if (step > 0) {
                starts[i] = fromSecond + (long) i * step;
            } else if (period.resolution() == Resolution.DAY) {
                starts[i] = localMidnight(firstEpochDay + i);
            } else {
                starts[i] = start(i).getEpochSecond();
            }
        }
        return starts;
    }

    /**
     * The first second of local day {@code epochDay}: its midnight less the offset in force, when no transition of
     * the zone lies within a day of it; else as {@link java.time} says (a day may start at 01:00 where the clocks
     * spring forward at midnight).
     */
    private long localMidnight(long epochDay) {
        long midnight = epochDay * 86_400L;
        long candidate = midnight - offsetAt(midnight);
        if (candidate - 86_400L >= offsetFrom && candidate + 86_400L < offsetUntil) {
            return candidate;
        }
        return LocalDate.ofEpochDay(epochDay).atStartOfDay(period.zone()).toEpochSecond();
    }

    /** The number of buckets. */
    public int size() {
        return sums.length;
    }

    /** The sums per bucket (a copy). */
    public long[] values() {
        return sums.clone();
    }

    /** The intervals measured per bucket (a copy). */
    public int[] intervals() {
        return intervals.clone();
    }

    /** The estimated intervals per bucket (a copy). */
    public int[] estimated() {
        return estimated.clone();
    }

    /** The sum over the whole period. */
    public long total() {
        long total = 0;
        for (long sum : sums) {
            total += sum;
        }
        return total;
    }

    /** The estimated intervals over the whole period. */
    public int estimatedIntervals() {
        int total = 0;
        for (int e : estimated) {
            total += e;
        }
        return total;
    }
}
