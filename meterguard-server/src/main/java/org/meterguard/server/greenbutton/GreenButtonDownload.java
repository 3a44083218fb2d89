package org.meterguard.server.greenbutton;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.greenbutton.EntrySelection;
import org.meterguard.greenbutton.ExportedUsagePoint;
import org.meterguard.greenbutton.GreenButtonWriter;
import org.meterguard.greenbutton.HourlyReadings;
import org.meterguard.greenbutton.IntervalCsvWriter;
import org.meterguard.greenbutton.UsageWriter;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.MeteredPeriod;
import org.meterguard.server.readings.DayRowHandler;
import org.meterguard.server.readings.QualifiedDayHandler;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.vee.VeeProperties;
import org.springframework.stereotype.Service;

/**
 * Green Button Download My Data for one account: its own interval data (energy delivered and received) over a time
 * range, only within its metered periods (its occupancy of a service point while a meter measured it), written as ESPI
 * Atom XML or CSV straight to an output stream. Each service point is a UsagePoint in the meter's zone; readings are
 * read a month at a time per meter and channel, so neither the range nor the account's history is ever held whole,
 * and no database connection is held while the client reads.
 *
 * <p>This service does not decide who may read: its callers (staff at a customer's request through {@code
 * access.AccessControl}, later the customer's own portal) authorize and audit before they call it.
 */
@Service
public class GreenButtonDownload {
    /**
     * The audit action of every read of a download, staff's and the customer's own, which the unusual-activity
     * detection watches for bulk exports.
     */
    public static final String AUDIT_ACTION = "greenbutton-download";

    private static final List<Channel> CHANNELS = List.of(Channel.ACTIVE_ENERGY_IMPORT, Channel.ACTIVE_ENERGY_EXPORT);

    private final Accounts accounts;
    private final ReadingStore store;
    private final ZoneId defaultZone;

    GreenButtonDownload(Accounts accounts, ReadingStore store, VeeProperties properties) {
        this.accounts = accounts;
        this.store = store;
        this.defaultZone = properties.defaultTimeZone();
    }

    /** The two forms of a download. */
    public enum Format {
        /** ESPI Atom XML (NAESB REQ.21), as Green Button specifies. */
        XML("application/atom+xml", "xml"),
        /** The same data as CSV ({@link IntervalCsvWriter#HEADER}). */
        CSV("text/csv", "csv");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** The Content-Type of a response carrying it. */
        public String mediaType() {
            return mediaType;
        }

        /** The file name extension. */
        public String extension() {
            return extension;
        }
    }

    /** What a download held. */
    public record Downloaded(int usagePoints, long readings) {}

    /** True where {@code accountId} names an account. */
    public boolean accountExists(String accountId) {
        return accounts.exists(accountId);
    }

    /**
     * Writes the account's data within {@code range} to {@code out} (flushed, not closed). Readings are those whose
     * intervals start within the range and within one of the account's metered periods.
     */
    public Downloaded write(String accountId, TimeRange range, Format format, OutputStream out) throws IOException {
        UsageWriter writer = format == Format.XML
                ? new GreenButtonWriter(out, "Green Button Download My Data", UUID.randomUUID(), Instant.now())
                : new IntervalCsvWriter(out);
        return write(accountId, range, writer, true);
    }

    /**
     * Writes a Green Button Connect document of subscription {@code subscriptionId} for the account's data within
     * {@code range} (whole hours) to {@code out}: the usage points, readings and interval blocks {@code selection}
     * names, as quarter-hours or (when {@code hourly}) summed into hours, with monthly UsageSummary entries only
     * where {@code summaries}. The same layout and numbering as {@link #write}, so links resolve from one request to
     * the next.
     */
    public Downloaded writeSubscription(
            String accountId,
            TimeRange range,
            boolean hourly,
            boolean summaries,
            String subscriptionId,
            EntrySelection selection,
            OutputStream out)
            throws IOException {
        GreenButtonWriter xml =
                new GreenButtonWriter(out, "Green Button Connect My Data", subscriptionId, Instant.now(), selection);
        return write(accountId, range, hourly ? new HourlyReadings(xml) : xml, summaries);
    }

    private Downloaded write(String accountId, TimeRange range, UsageWriter writer, boolean summaries)
            throws IOException {
        Map<String, List<MeteredPeriod>> byServicePoint = new LinkedHashMap<>();
        for (MeteredPeriod period : accounts.meteredPeriods(accountId)) {
            if (period.period().intersection(range).isPresent()) {
                byServicePoint
                        .computeIfAbsent(period.servicePointId(), k -> new ArrayList<>())
                        .add(period);
            }
        }
        long readings = 0;
        for (Map.Entry<String, List<MeteredPeriod>> point : byServicePoint.entrySet()) {
            readings += usagePoint(writer, point.getKey(), point.getValue(), range, summaries);
        }
        writer.finish();
        return new Downloaded(byServicePoint.size(), readings);
    }

    private long usagePoint(
            UsageWriter writer, String servicePointId, List<MeteredPeriod> periods, TimeRange range, boolean summaries)
            throws IOException {
        ZoneId zone = periods.get(0).zoneOr(defaultZone);
        List<TimeRange> spans = spans(periods, range);
        writer.usagePoint(new ExportedUsagePoint(
                "Electricity service point " + servicePointId,
                zone,
                range,
                summaries ? CalendarMonths.within(spans, zone) : List.of(),
                range.to()));
        long readings = 0;
        for (Channel channel : CHANNELS) {
            for (MeteredPeriod period : periods) {
                TimeRange span = period.period().intersection(range).orElseThrow();
                readings += copy(writer, period.meterId(), channel, span);
            }
        }
        return readings;
    }

    /** The periods cut to the range, adjoining ones joined (a meter exchanged mid-month leaves no seam). */
    private static List<TimeRange> spans(List<MeteredPeriod> periods, TimeRange range) {
        List<TimeRange> spans = new ArrayList<>();
        for (MeteredPeriod period : periods) {
            TimeRange span = period.period().intersection(range).orElseThrow();
            int last = spans.size() - 1;
            if (last >= 0 && spans.get(last).to().equals(span.from())) {
                spans.set(last, new TimeRange(spans.get(last).from(), span.to()));
            } else {
                spans.add(span);
            }
        }
        return spans;
    }

    /**
     * Copies one meter's channel over {@code span}, reading a month of day rows at a time into reused arrays (one
     * query each, no object per row or slot), then writing them once the query has returned its connection.
     */
    private long copy(UsageWriter writer, MeterId meter, Channel channel, TimeRange span) throws IOException {
        IntervalGrid utc = IntervalGrid.QUARTER_HOURLY;
        LocalDate first = utc.dayOf(span.from());
        LocalDate last = utc.dayOf(span.to().minusSeconds(1));
        long from = span.from().getEpochSecond();
        long to = span.to().getEpochSecond();
        MonthOfSlots month = new MonthOfSlots();
        long readings = 0;
        for (LocalDate chunk = first;
                !chunk.isAfter(last);
                chunk = chunk.plusMonths(1).withDayOfMonth(1)) {
            LocalDate end = chunk.withDayOfMonth(chunk.lengthOfMonth());
            month.clear();
            store.readDays(meter, List.of(channel), chunk, end.isAfter(last) ? last : end, month);
            for (int i = 0; i < month.size; i++) {
                long start = month.starts[i];
                if (start >= from && start < to) {
                    writer.reading(
                            meter,
                            channel,
                            start,
                            month.seconds[i],
                            month.values[i],
                            ReadingQuality.ofEspiCode(month.qualities[i]));
                    readings++;
                }
            }
        }
        return readings;
    }

    /** The filled slots of up to a month of day rows, in time order, in arrays reused month after month. */
    private static final class MonthOfSlots implements QualifiedDayHandler {
        long[] starts = new long[31 * 96];
        int[] seconds = new int[31 * 96];
        long[] values = new long[31 * 96];
        short[] qualities = new short[31 * 96];
        int size;

        void clear() {
            size = 0;
        }

        @Override
        public void row(Channel channel, LocalDate day, int intervalSeconds, long[] slots, short[] slotQualities) {
            long dayStart = day.toEpochDay() * 86_400L;
            for (int slot = 0; slot < slots.length; slot++) {
                if (slots[slot] == DayRowHandler.MISSING) {
                    continue;
                }
                if (size == starts.length) {
                    starts = Arrays.copyOf(starts, size * 2);
                    seconds = Arrays.copyOf(seconds, size * 2);
                    values = Arrays.copyOf(values, size * 2);
                    qualities = Arrays.copyOf(qualities, size * 2);
                }
                starts[size] = dayStart + (long) slot * intervalSeconds;
                seconds[size] = intervalSeconds;
                values[size] = slots[slot];
                qualities[size] = slotQualities[slot];
                size++;
            }
        }
    }
}
