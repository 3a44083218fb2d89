package org.meterguard.server.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.meterguard.core.TimeRange;
import org.meterguard.core.usage.Resolution;
import org.meterguard.core.usage.UsagePeriod;
import org.meterguard.core.usage.UsageSeries;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.MeteredPeriod;
import org.meterguard.server.vee.VeeProperties;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A customer's usage dashboard: their own account's import and export summed into local buckets of the chosen
 * resolution, with the period before for comparison, and estimated intervals counted per bucket. Only what the
 * account's meters measured during its occupancy is read ({@link Accounts#meteredPeriods}, kept in memory by
 * {@link KeptPeriods} while PostgreSQL tells us of changes); each meter's days are
 * read once for both periods and both channels, whole local days at daily and monthly resolution from the
 * {@link DailyTotals} kept in memory. The read is decided and audited by
 * {@link AccessControl#authorizeOwn} before anything is read; then at most a few answers are worked out at once,
 * the others waiting their turn ({@link AnswerGate}, {@code meterguard.portal.dashboard-concurrency}).
 */
@Service
public class UsageDashboard {
    private final KeptPeriods keptPeriods;
    private final MeterUsageReader reader;
    private final DailyTotals dailyTotals;
    private final AccessControl access;
    private final ZoneId defaultZone;
    private final AnswerGate gate;

    UsageDashboard(
            KeptPeriods keptPeriods,
            MeterUsageReader reader,
            DailyTotals dailyTotals,
            AccessControl access,
            VeeProperties properties,
            PortalProperties portal) {
        this.keptPeriods = keptPeriods;
        this.reader = reader;
        this.dailyTotals = dailyTotals;
        this.access = access;
        this.defaultZone = properties.defaultTimeZone();
        this.gate = new AnswerGate(portal.dashboardPermits());
    }

    /** The local zone the account's usage is shown in: its first meter's, else the default. */
    public ZoneId zoneOf(String accountId) {
        return zoneOf(keptPeriods.of(accountId));
    }

    private ZoneId zoneOf(List<MeteredPeriod> periods) {
        return periods.isEmpty() ? defaultZone : periods.get(0).zoneOr(defaultZone);
    }

    /**
     * The caller's own account's usage over local days {@code [first, end)} at {@code resolution}, and over the
     * period before; refused ({@link org.meterguard.server.access.AccessDenied}) unless the account is theirs.
     */
    public AccountUsage usage(
            Authentication caller,
            String accountId,
            LocalDate first,
            LocalDate end,
            Resolution resolution,
            String clientAddress) {
        return usage(caller, accountId, first, end, resolution, clientAddress, Function.identity());
    }

    /**
     * As {@link #usage(Authentication, String, LocalDate, LocalDate, Resolution, String)}, with the usage turned into
     * the answer (e.g. its JSON) by {@code answer} in the same turn at the gate, so that the answer is finished as
     * soon as its data is read.
     */
    public <T> T usage(
            Authentication caller,
            String accountId,
            LocalDate first,
            LocalDate end,
            Resolution resolution,
            String clientAddress,
            Function<AccountUsage, T> answer) {
        access.authorizeOwn(
                caller,
                accountId,
                "read-usage",
                "account/" + accountId + "/usage",
                first + ".." + end + " " + resolution + " with the period before",
                clientAddress);
        return gate.through(() -> answer.apply(read(accountId, first, end, resolution)));
    }

    private AccountUsage read(String accountId, LocalDate first, LocalDate end, Resolution resolution) {
        List<MeteredPeriod> periods = keptPeriods.of(accountId);
        UsagePeriod period = new UsagePeriod(zoneOf(periods), first, end, resolution);
        UsagePeriod previous = period.previous();
        AccountUsage usage = new AccountUsage(
                accountId,
                new UsageSeries(period),
                new UsageSeries(period),
                new UsageSeries(previous),
                new UsageSeries(previous));
        TimeRange both = new TimeRange(previous.from(), period.to());
        for (MeteredPeriod metered : periods) {
            metered.period().intersection(both).ifPresent(span -> read(metered, span, usage));
        }
        return usage;
    }

    /**
     * Reads one metered span into the usage: at daily and monthly resolution its whole local days from the kept
     * daily totals and only its partial first and last days from the store; otherwise all of it from the store.
     */
    private void read(MeteredPeriod metered, TimeRange span, AccountUsage usage) {
        UsagePeriod period = usage.imported().period();
        if (period.resolution() != Resolution.DAY && period.resolution() != Resolution.MONTH) {
            readStored(metered, span, usage);
            return;
        }
        ZoneId zone = period.zone();
        LocalDate first = LocalDate.ofInstant(span.from(), zone);
        if (first.atStartOfDay(zone).toInstant().isBefore(span.from())) {
            first = first.plusDays(1);
        }
        LocalDate end = LocalDate.ofInstant(span.to(), zone);
        Instant wholeFrom = first.atStartOfDay(zone).toInstant();
        Instant wholeTo = end.atStartOfDay(zone).toInstant();
        if (!first.isBefore(end)) {
            readStored(metered, span, usage);
            return;
        }
        if (span.from().isBefore(wholeFrom)) {
            readStored(metered, new TimeRange(span.from(), wholeFrom), usage);
        }
        dailyTotals.addDays(metered.meterId(), zone, first, end, usage::add);
        if (wholeTo.isBefore(span.to())) {
            readStored(metered, new TimeRange(wholeTo, span.to()), usage);
        }
    }

    private void readStored(MeteredPeriod metered, TimeRange span, AccountUsage usage) {
        boolean hoursFit =
                usage.imported().hoursFitBuckets() && usage.previousImported().hoursFitBuckets();
        reader.read(
                metered.meterId(),
                span,
                hoursFit,
                MeterUsageReader.Target.into(
                        List.of(usage.imported(), usage.previousImported()),
                        List.of(usage.exported(), usage.previousExported())));
    }
}
