package org.meterguard.server.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;
import org.meterguard.core.usage.Resolution;
import org.meterguard.core.usage.UsagePeriod;
import org.meterguard.core.usage.UsageSeries;
import org.meterguard.server.readings.DaysChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Each meter's import and export summed per local day, a calendar month at a time, kept in memory for the daily
 * and monthly views: a customer's year is then about 25 months' totals instead of 1,460 rows of hourly sums read
 * and decoded on every view. What is kept is derived from the store alone (meter, zone and month), never from an
 * account, so the access decision and the occupancy periods stay with each request.
 *
 * <p>Kept coherent with the store by {@link DaysChanged}, which {@link org.meterguard.server.readings.ReadingStore}
 * publishes after every transaction that wrote day rows: the local days a written UTC day may belong to in any zone
 * (the day before, the day, the day after) are marked in their kept months, and only those days are read again on
 * the month's next use (after the nightly ingest, a view reads one meter's few new days instead of its month). A
 * month or day being read while such a write commits is not kept: each meter belongs to one of {@value #STRIPES}
 * stripes whose generation every write advances before marking, and what was read is kept only if its meter's
 * stripe has the generation it had before the read (checked after putting it, so a write can never fall between the
 * check and the put). This holds for writes through this server's store; a second server writing the same database
 * would have to forward its {@link DaysChanged} here.
 */
@Component
class DailyTotals {
    static final int STRIPES = 4096;
    /** Months read at once on a miss: two years, within a daily period's longest span. */
    private static final int MONTHS_PER_READ = 24;

    private final MeterUsageReader reader;
    private final Cache<Key, Month> months;
    private final AtomicLongArray generations = new AtomicLongArray(STRIPES);

    /** Reports the cache's size, hits, misses and evictions as {@code cache.*} meters named {@code portal.daily-totals}. */
    @Autowired
    DailyTotals(
            MeterUsageReader reader,
            PortalProperties properties,
            ObjectProvider<io.micrometer.core.instrument.MeterRegistry> metrics) {
        this(reader, properties);
        metrics.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, months, "portal.daily-totals"));
    }

    DailyTotals(MeterUsageReader reader, PortalProperties properties) {
        this.reader = reader;
        this.months = Caffeine.newBuilder()
                .maximumSize(properties.dailyTotalsMonths())
                .recordStats()
                .build();
    }

    private record Key(MeterId meter, YearMonth month) {}

    /** One channel's totals per day of a month. */
    private record Totals(long[] sums, int[] counts, int[] estimates) {
        static Totals of(UsageSeries series) {
            return new Totals(series.values(), series.intervals(), series.estimated());
        }

        /** Days {@code [from, from + length)} of these. */
        Totals slice(int from, int length) {
            return new Totals(
                    Arrays.copyOfRange(sums, from, from + length),
                    Arrays.copyOfRange(counts, from, from + length),
                    Arrays.copyOfRange(estimates, from, from + length));
        }

        /** A copy of these with the days from {@code from} on replaced by {@code days}' (as many as it has). */
        Totals patched(int from, Totals days) {
            Totals copy = slice(0, sums.length);
            int length = days.sums.length;
            System.arraycopy(days.sums, 0, copy.sums, from, length);
            System.arraycopy(days.counts, 0, copy.counts, from, length);
            System.arraycopy(days.estimates, 0, copy.estimates, from, length);
            return copy;
        }
    }

    /**
     * One meter's local days of one month in one zone: each day's first second, each channel's totals, and the days
     * written since they were read ({@code written}: bit {@code d} for the month's day {@code d + 1}), to be read again
     * before these are used.
     */
    private record Month(ZoneId zone, long[] dayStarts, Totals imported, Totals exported, int written) {
        Month withWritten(int days) {
            return new Month(zone, dayStarts, imported, exported, written | days);
        }

        /** The first written day's index. */
        int firstWritten() {
            return Integer.numberOfTrailingZeros(written);
        }

        /** The last written day's index. */
        int lastWritten() {
            return 31 - Integer.numberOfLeadingZeros(written);
        }

        /** These totals, none written, with the days from {@code from} on replaced by the ones given. */
        Month patched(int from, Totals newImported, Totals newExported) {
            return new Month(
                    zone, dayStarts, imported.patched(from, newImported), exported.patched(from, newExported), 0);
        }
    }

    /**
     * Adds {@code meter}'s totals of the whole local days {@code [first, end)} in {@code zone} to {@code target}, one
     * sum per day and channel starting at the day's local midnight; reads from the store only the months not kept
     * and the days written since they were.
     */
    void addDays(MeterId meter, ZoneId zone, LocalDate first, LocalDate end, MeterUsageReader.Target target) {
        YearMonth last = YearMonth.from(end.minusDays(1));
        YearMonth month = YearMonth.from(first);
        while (!month.isAfter(last)) {
            Month totals = kept(meter, zone, month);
            if (totals != null && totals.written() == 0) {
                add(totals, month, first, end, target);
                month = month.plusMonths(1);
                continue;
            }
            List<Month> run = new ArrayList<>();
            run.add(totals);
            while (run.size() < MONTHS_PER_READ && month.plusMonths(run.size()).compareTo(last) <= 0) {
                Month next = kept(meter, zone, month.plusMonths(run.size()));
                if (next != null && next.written() == 0) {
                    break;
                }
                run.add(next);
            }
            for (Month loaded : load(meter, zone, month, run)) {
                add(loaded, month, first, end, target);
                month = month.plusMonths(1);
            }
        }
    }

    /**
     * Reads a run of months from {@code from}, each either not kept (null in {@code run}) or kept with days written
     * since, in one read: from the first month's first day (or first written day) to the last month's last day (or
     * last written day). Keeps them unless a write came in between.
     */
    private Month[] load(MeterId meter, ZoneId zone, YearMonth from, List<Month> run) {
        int stripe = stripe(meter);
        long generation = generations.get(stripe);
        int n = run.size();
        YearMonth through = from.plusMonths(n - 1);
        Month head = run.get(0);
        Month tail = run.get(n - 1);
        LocalDate first = from.atDay(head == null ? 1 : head.firstWritten() + 1);
        LocalDate end = tail == null
                ? through.plusMonths(1).atDay(1)
                : through.atDay(tail.lastWritten() + 1).plusDays(1);
        UsageSeries[] read = read(meter, zone, first, end);
        Totals allImported = Totals.of(read[0]);
        Totals allExported = Totals.of(read[1]);
        long[] allStarts = read[0].startSeconds();
        Month[] loaded = new Month[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            YearMonth month = from.plusMonths(i);
            int readFrom = i == 0 ? first.getDayOfMonth() - 1 : 0;
            int readTo = i == n - 1 ? end.minusDays(1).getDayOfMonth() : month.lengthOfMonth();
            int length = readTo - readFrom;
            Key key = new Key(meter, month);
            Month kept = run.get(i);
            if (kept == null) {
                loaded[i] = new Month(
                        zone,
                        Arrays.copyOfRange(allStarts, at, at + length),
                        allImported.slice(at, length),
                        allExported.slice(at, length),
                        0);
                months.put(key, loaded[i]);
            } else {
                loaded[i] = kept.patched(readFrom, allImported.slice(at, length), allExported.slice(at, length));
                months.asMap().replace(key, kept, loaded[i]);
            }
            at += length;
        }
        if (generations.get(stripe) != generation) {
            for (int i = 0; i < n; i++) {
                months.asMap().remove(new Key(meter, from.plusMonths(i)), loaded[i]);
            }
        }
        return loaded;
    }

    /** {@code meter}'s import and export summed per local day of {@code [first, end)} in {@code zone}, in one read. */
    private UsageSeries[] read(MeterId meter, ZoneId zone, LocalDate first, LocalDate end) {
        UsagePeriod period = new UsagePeriod(zone, first, end, Resolution.DAY);
        UsageSeries imported = new UsageSeries(period);
        UsageSeries exported = new UsageSeries(period);
        reader.read(
                meter,
                new TimeRange(period.from(), period.to()),
                imported.hoursFitBuckets(),
                zone,
                MeterUsageReader.Target.into(List.of(imported), List.of(exported)));
        return new UsageSeries[] {imported, exported};
    }

    private Month kept(MeterId meter, ZoneId zone, YearMonth month) {
        Month totals = months.getIfPresent(new Key(meter, month));
        return totals != null && totals.zone().equals(zone) ? totals : null;
    }

    /** Adds the month's days that lie in {@code [first, end)}. */
    private static void add(
            Month totals, YearMonth month, LocalDate first, LocalDate end, MeterUsageReader.Target target) {
        int from = YearMonth.from(first).equals(month) ? first.getDayOfMonth() - 1 : 0;
        int to = YearMonth.from(end).equals(month) ? end.getDayOfMonth() - 1 : totals.dayStarts().length;
        for (int day = from; day < to; day++) {
            add(totals.imported(), day, totals.dayStarts()[day], true, target);
            add(totals.exported(), day, totals.dayStarts()[day], false, target);
        }
    }

    private static void add(Totals totals, int day, long start, boolean imported, MeterUsageReader.Target target) {
        if (totals.counts()[day] > 0) {
            target.add(imported, start, totals.sums()[day], totals.counts()[day], totals.estimates()[day]);
        }
    }

    /**
     * Marks the local days the written UTC days may belong to in the months kept, after advancing their meters'
     * stripes (see the class comment for why in this order); drops everything on a wholesale change.
     */
    @EventListener
    void on(DaysChanged changed) {
        if (changed.wholesale()) {
            for (int i = 0; i < STRIPES; i++) {
                generations.incrementAndGet(i);
            }
            months.invalidateAll();
            return;
        }
        changed.days().forEach(written -> generations.incrementAndGet(stripe(written.meterId())));
        if (months.estimatedSize() == 0) {
            return;
        }
        Map<Key, Integer> marked = new HashMap<>();
        for (DaysChanged.MeterDay written : changed.days()) {
            for (int d = -1; d <= 1; d++) {
                LocalDate day = written.day().plusDays(d);
                marked.merge(
                        new Key(written.meterId(), YearMonth.from(day)),
                        1 << (day.getDayOfMonth() - 1),
                        (a, b) -> a | b);
            }
        }
        marked.forEach((key, days) -> months.asMap().computeIfPresent(key, (k, month) -> month.withWritten(days)));
    }

    /** How many months are kept now (an estimate, as the cache counts them). */
    long size() {
        return months.estimatedSize();
    }

    private static int stripe(MeterId meter) {
        int h = meter.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
