package org.meterguard.server.rates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.core.rates.BillingPeriod;
import org.meterguard.core.rates.CustomerClass;
import org.meterguard.core.rates.IntervalRows;
import org.meterguard.core.rates.PlanComparison;
import org.meterguard.core.rates.RatePlan;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.MeteredPeriod;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each plan offered to an account's class would have cost it over its own last months: the account's import
 * and export intervals, only within its occupancy (as {@code AccountReadings} bounds them), read from the store
 * once with their quality, billed month by month on every plan. Months are local calendar months in the plans'
 * zone, cut to the dates the account was metered; the default last month is the last complete one.
 *
 * <p>Reads covered information: callers decide access first ({@code access.AccessControl}) — the staff API does,
 * and the customer's own portal page will with the customer as the caller.
 */
@Service
public class RateComparison {
    /** The most months one comparison covers. */
    public static final int MAX_MONTHS = 24;

    private final Accounts accounts;
    private final ReadingStore store;
    private final RatePlans plans;
    private final Clock clock;

    RateComparison(Accounts accounts, ReadingStore store, RatePlans plans) {
        this.accounts = accounts;
        this.store = store;
        this.plans = plans;
        this.clock = Clock.systemUTC();
    }

    /**
     * A comparison result: the account, the zone its months are read in, and the comparison.
     *
     * @param partialMonths the months cut short by move-in or move-out (or the data's end)
     */
    public record Result(
            String accountId,
            AccountClass accountClass,
            ZoneId zone,
            PlanComparison comparison,
            List<BillingPeriod> partialMonths) {}

    /**
     * Compares the plans over {@code months} months ending with {@code through} (the last complete month of
     * metered data when empty).
     *
     * @throws NotFound for an unknown account, one without metered data in those months, or a class with no plans
     * @throws IllegalArgumentException for months outside 1 to {@value #MAX_MONTHS}
     */
    @Transactional(readOnly = true)
    public Result compare(String accountId, int months, Optional<YearMonth> through) {
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("months " + months + " outside 1 to " + MAX_MONTHS);
        }
        AccountClass accountClass =
                accounts.accountClass(accountId).orElseThrow(() -> new NotFound("no account " + accountId));
        List<RatePlan> offered = plans.offeredTo(CustomerClass.valueOf(accountClass.name()));
        if (offered.isEmpty()) {
            throw new NotFound("no rate plans are offered to " + accountClass + " accounts");
        }
        ZoneId zone = offered.get(0).zone();
        List<MeteredPeriod> metered = accounts.meteredPeriods(accountId);
        if (metered.isEmpty()) {
            throw new NotFound("account " + accountId + " has no metered data");
        }
        Instant first = metered.get(0).period().from();
        Instant last = metered.stream()
                .map(p -> p.period().to())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        last = last.isAfter(clock.instant()) ? clock.instant() : last;
        YearMonth end =
                through.orElse(YearMonth.from(LocalDate.ofInstant(last, zone)).minusMonths(1));
        List<BillingPeriod> periods = months(end, months, firstFullDate(first, zone), LocalDate.ofInstant(last, zone));
        if (periods.isEmpty()) {
            throw new NotFound("account " + accountId + " was not metered for a whole day in the " + months
                    + " months through " + end);
        }
        IntervalRows rows = rows(metered, periods, zone);
        List<BillingPeriod> partial =
                periods.stream().filter(p -> !isWholeMonth(p)).toList();
        PlanComparison comparison = PlanComparison.of(offered, periods, zone, rows);
        if (comparison.plans().isEmpty()) {
            throw new NotFound("no plan offered to " + accountClass + " accounts was in effect from "
                    + periods.get(0).from() + "; compare later months");
        }
        return new Result(accountId, accountClass, zone, comparison, partial);
    }

    private static List<BillingPeriod> months(YearMonth end, int count, LocalDate firstDate, LocalDate lastDate) {
        List<BillingPeriod> periods = new ArrayList<>();
        for (YearMonth month = end.minusMonths(count - 1L); !month.isAfter(end); month = month.plusMonths(1)) {
            LocalDate from = max(month.atDay(1), firstDate);
            LocalDate to = min(month.plusMonths(1).atDay(1), lastDate);
            if (from.isBefore(to)) {
                periods.add(new BillingPeriod(from, to));
            }
        }
        return periods;
    }

    /**
     * The account's import and export intervals within the months, each only from the meter and span it may see,
     * on the coarsest grid stored among them (imported history is often hourly): finer rows are summed up to it,
     * a coarse interval only where all its parts are present, with the least trusted of their qualities.
     */
    private IntervalRows rows(List<MeteredPeriod> metered, List<BillingPeriod> periods, ZoneId zone) {
        TimeRange wanted = new TimeRange(
                periods.get(0).from().atStartOfDay(zone).toInstant(),
                periods.get(periods.size() - 1).to().atStartOfDay(zone).toInstant());
        List<StoredDay> days = new ArrayList<>();
        for (MeteredPeriod period : metered) {
            Optional<TimeRange> span = period.period().intersection(wanted);
            for (Channel channel : List.of(Channel.ACTIVE_ENERGY_IMPORT, Channel.ACTIVE_ENERGY_EXPORT)) {
                span.ifPresent(s -> read(period, channel, s, days));
            }
        }
        IntervalGrid grid = days.stream()
                .map(d -> d.day().grid())
                .max(Comparator.comparing(IntervalGrid::interval))
                .orElse(IntervalGrid.QUARTER_HOURLY);
        IntervalRows.Builder rows =
                IntervalRows.builder(metered.get(metered.size() - 1).meterId(), grid);
        days.forEach(day -> put(rows, grid, day));
        return rows.build();
    }

    /** A stored day and the span of it the account may see. */
    private record StoredDay(IntervalDay day, TimeRange span) {}

    private void read(MeteredPeriod period, Channel channel, TimeRange span, List<StoredDay> days) {
        IntervalGrid anyGrid = IntervalGrid.QUARTER_HOURLY;
        for (IntervalDay day : store.days(
                period.meterId(),
                channel,
                anyGrid.dayOf(span.from()),
                anyGrid.dayOf(span.to().minusNanos(1)),
                false)) {
            days.add(new StoredDay(day, span));
        }
    }

    private static void put(IntervalRows.Builder rows, IntervalGrid grid, StoredDay stored) {
        IntervalDay day = stored.day();
        int parts = (int) (grid.interval().getSeconds() / day.grid().interval().getSeconds());
        for (int first = 0; first + parts <= day.slots(); first += parts) {
            long sum = 0;
            ReadingQuality quality = ReadingQuality.VALID;
            boolean whole = true;
            for (int slot = first; slot < first + parts && whole; slot++) {
                whole = day.isFilled(slot) && stored.span().contains(day.startOf(slot));
                if (whole) {
                    sum += day.value(slot);
                    quality = lessTrusted(quality, Objects.requireNonNull(day.quality(slot)));
                }
            }
            if (whole) {
                rows.put(day.channel(), day.startOf(first), sum, quality);
            }
        }
    }

    /** Unvalidated or questionable before estimated before edited before valid. */
    private static ReadingQuality lessTrusted(ReadingQuality a, ReadingQuality b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(ReadingQuality quality) {
        if (quality == ReadingQuality.RAW || quality == ReadingQuality.QUESTIONABLE) {
            return 3;
        }
        return quality.isEstimate() ? 2 : quality == ReadingQuality.EDITED ? 1 : 0;
    }

    private static LocalDate firstFullDate(Instant first, ZoneId zone) {
        LocalDate date = LocalDate.ofInstant(first, zone);
        return date.atStartOfDay(zone).toInstant().equals(first) ? date : date.plusDays(1);
    }

    private static boolean isWholeMonth(BillingPeriod period) {
        return period.from().getDayOfMonth() == 1 && period.from().plusMonths(1).equals(period.to());
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
