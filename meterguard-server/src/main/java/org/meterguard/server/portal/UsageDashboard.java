package org.meterguard.server.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.core.usage.Resolution;
import org.meterguard.core.usage.UsagePeriod;
import org.meterguard.core.usage.UsageSeries;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.MeteredPeriod;
import org.meterguard.server.readings.DayRowHandler;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.vee.Validation;
import org.meterguard.server.vee.VeeProperties;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A customer's usage dashboard: their own account's import and export summed into local buckets of the chosen
 * resolution, with the period before for comparison, and estimated intervals counted per bucket. Only what the
 * account's meters measured during its occupancy is read ({@link Accounts#meteredPeriods}); each meter's days stream
 * from the store once for both periods and both channels. The read is decided and audited by
 * {@link AccessControl#authorizeOwn} before anything is read.
 */
@Service
public class UsageDashboard {
    private static final List<Channel> CHANNELS = List.of(Channel.ACTIVE_ENERGY_IMPORT, Channel.ACTIVE_ENERGY_EXPORT);
    private static final boolean[] ESTIMATE = estimateCodes();

    private final Accounts accounts;
    private final ReadingStore store;
    private final Validation vee;
    private final AccessControl access;
    private final ZoneId defaultZone;

    UsageDashboard(
            Accounts accounts, ReadingStore store, Validation vee, AccessControl access, VeeProperties properties) {
        this.accounts = accounts;
        this.store = store;
        this.vee = vee;
        this.access = access;
        this.defaultZone = properties.defaultTimeZone();
    }

    private static boolean[] estimateCodes() {
        boolean[] codes = new boolean[256];
        for (ReadingQuality quality : ReadingQuality.values()) {
            codes[quality.espiCode()] = quality.isEstimate();
        }
        return codes;
    }

    /** The local zone the account's usage is shown in: its first meter's, else the default. */
    public ZoneId zoneOf(String accountId) {
        return zoneOf(accounts.meteredPeriods(accountId));
    }

    private ZoneId zoneOf(List<MeteredPeriod> periods) {
        return periods.isEmpty() ? defaultZone : vee.zoneOf(periods.get(0).meterId());
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
        access.authorizeOwn(
                caller,
                accountId,
                "read-usage",
                "account/" + accountId + "/usage",
                first + ".." + end + " " + resolution + " with the period before",
                clientAddress);
        List<MeteredPeriod> periods = accounts.meteredPeriods(accountId);
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

    private void read(MeteredPeriod metered, TimeRange span, AccountUsage usage) {
        long from = span.from().getEpochSecond();
        long to = span.to().getEpochSecond();
        if (from % 3600 == 0
                && to % 3600 == 0
                && usage.imported().hoursFitBuckets()
                && usage.previousImported().hoursFitBuckets()) {
            readHours(metered, span, usage);
            return;
        }
        store.readDays(
                metered.meterId(),
                CHANNELS,
                utcDay(span.from()),
                utcDay(span.to().minusSeconds(1)),
                (channel, day, intervalSeconds, values, qualities) -> {
                    boolean imported = channel == Channel.ACTIVE_ENERGY_IMPORT;
                    UsageSeries current = imported ? usage.imported() : usage.exported();
                    UsageSeries before = imported ? usage.previousImported() : usage.previousExported();
                    long dayStart = day.toEpochDay() * 86_400L;
                    for (int slot = 0; slot < values.length; slot++) {
                        long start = dayStart + (long) slot * intervalSeconds;
                        if (values[slot] == DayRowHandler.MISSING || start < from || start >= to) {
                            continue;
                        }
                        boolean estimate = ESTIMATE[qualities[slot] & 0xff];
                        current.add(start, values[slot], estimate);
                        before.add(start, values[slot], estimate);
                    }
                });
    }

    /**
     * The same sums from the store's hourly sums: each UTC hour's intervals fall into one bucket (whole-hour offsets,
     * hourly or coarser buckets, a span from and to whole hours), so 24 sums a day give the buckets exactly.
     */
    private void readHours(MeteredPeriod metered, TimeRange span, AccountUsage usage) {
        long from = span.from().getEpochSecond();
        long to = span.to().getEpochSecond();
        store.readHours(
                metered.meterId(),
                CHANNELS,
                utcDay(span.from()),
                utcDay(span.to().minusSeconds(1)),
                (channel, day, sums, counts, estimated) -> {
                    boolean imported = channel == Channel.ACTIVE_ENERGY_IMPORT;
                    UsageSeries current = imported ? usage.imported() : usage.exported();
                    UsageSeries before = imported ? usage.previousImported() : usage.previousExported();
                    long dayStart = day.toEpochDay() * 86_400L;
                    for (int hour = 0; hour < sums.length; hour++) {
                        long start = dayStart + hour * 3600L;
                        if (counts[hour] == 0 || start < from || start >= to) {
                            continue;
                        }
                        current.add(start, sums[hour], counts[hour], estimated[hour]);
                        before.add(start, sums[hour], counts[hour], estimated[hour]);
                    }
                });
    }

    private static LocalDate utcDay(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
