package org.meterguard.server.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * publishes after every transaction that wrote day rows: the months a written UTC day may belong to in any zone
 * (the day before, the day, the day after) are dropped. A month being computed while such a write commits is not
 * kept: each meter belongs to one of {@value #STRIPES} stripes whose generation every write advances before
 * dropping, and a month is kept only if its meter's stripe has the generation it had before the read (checked after
 * putting it, so a drop can never fall between the check and the put). This holds for writes through this server's
 * store; a second server writing the same database would have to forward its {@link DaysChanged} here.
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
    }

    /** One meter's local days of one month in one zone: each day's first second, and each channel's totals. */
    private record Month(ZoneId zone, long[] dayStarts, Totals imported, Totals exported) {}

    /**
     * Adds {@code meter}'s totals of the whole local days {@code [first, end)} in {@code zone} to {@code target}, one
     * sum per day and channel starting at the day's local midnight; reads from the store only the months not kept.
     */
    void addDays(MeterId meter, ZoneId zone, LocalDate first, LocalDate end, MeterUsageReader.Target target) {
        YearMonth last = YearMonth.from(end.minusDays(1));
        YearMonth month = YearMonth.from(first);
        while (!month.isAfter(last)) {
            Month totals = kept(meter, zone, month);
            if (totals != null) {
                add(totals, month, first, end, target);
                month = month.plusMonths(1);
                continue;
            }
            for (Month loaded : load(meter, zone, month, missingThrough(meter, zone, month, last))) {
                add(loaded, month, first, end, target);
                month = month.plusMonths(1);
            }
        }
    }

    /** The last month of the run of months from {@code month} not kept, at most {@link #MONTHS_PER_READ} long. */
    private YearMonth missingThrough(MeterId meter, ZoneId zone, YearMonth month, YearMonth last) {
        YearMonth through = month;
        for (int n = 1; n < MONTHS_PER_READ && through.isBefore(last); n++) {
            if (kept(meter, zone, through.plusMonths(1)) != null) {
                break;
            }
            through = through.plusMonths(1);
        }
        return through;
    }

    /** Reads months {@code [from, through]} in one read and keeps them unless a write came in between. */
    private Month[] load(MeterId meter, ZoneId zone, YearMonth from, YearMonth through) {
        int stripe = stripe(meter);
        long generation = generations.get(stripe);
        UsagePeriod period =
                new UsagePeriod(zone, from.atDay(1), through.plusMonths(1).atDay(1), Resolution.DAY);
        UsageSeries imported = new UsageSeries(period);
        UsageSeries exported = new UsageSeries(period);
        reader.read(
                meter,
                new TimeRange(period.from(), period.to()),
                imported.hoursFitBuckets(),
                MeterUsageReader.Target.into(List.of(imported), List.of(exported)));
        Totals allImported = Totals.of(imported);
        Totals allExported = Totals.of(exported);
        long[] allStarts = imported.startSeconds();
        int n = (int) ChronoUnit.MONTHS.between(from, through) + 1;
        Month[] loaded = new Month[n];
        int day = 0;
        for (int i = 0; i < n; i++) {
            int length = from.plusMonths(i).lengthOfMonth();
            loaded[i] = new Month(
                    zone,
                    Arrays.copyOfRange(allStarts, day, day + length),
                    allImported.slice(day, length),
                    allExported.slice(day, length));
            months.put(new Key(meter, from.plusMonths(i)), loaded[i]);
            day += length;
        }
        if (generations.get(stripe) != generation) {
            for (int i = 0; i < n; i++) {
                months.asMap().remove(new Key(meter, from.plusMonths(i)), loaded[i]);
            }
        }
        return loaded;
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
     * Drops the months the written days may belong to, after advancing their meters' stripes (see the class
     * comment for why in this order).
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
        Set<Key> dropped = new HashSet<>();
        for (DaysChanged.MeterDay written : changed.days()) {
            for (int d = -1; d <= 1; d++) {
                dropped.add(
                        new Key(written.meterId(), YearMonth.from(written.day().plusDays(d))));
            }
        }
        months.invalidateAll(dropped);
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
