package org.meterguard.greenbutton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;

/** Interval data to export in tests: local days of quarter-hours of import and export, with every quality. */
final class ExportFixture {
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final MeterId METER = MeterId.of("MG-EXPORT-1");
    static final UUID FEED = UUID.fromString("2f1c6a52-8d2e-4f61-9d1a-4a7c1b0e5a11");
    static final Instant GENERATED = Instant.parse("2026-11-20T12:00:00Z");

    /** One exported interval. */
    record Row(Channel channel, long start, int duration, long value, ReadingQuality quality) {}

    private ExportFixture() {}

    /** The local days {@code first} to {@code last} (inclusive) in {@code zone}. */
    static TimeRange localDays(ZoneId zone, LocalDate first, LocalDate last) {
        return new TimeRange(
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Quarter-hours over {@code range} on {@code channel}: varied values, and every quality now and then. */
    static List<Row> quarterHours(Channel channel, TimeRange range) {
        ReadingQuality[] qualities = ReadingQuality.values();
        List<Row> rows = new ArrayList<>();
        long end = range.to().getEpochSecond();
        for (long start = range.from().getEpochSecond(); start < end; start += 900) {
            long n = start / 900;
            long value = channel == Channel.ACTIVE_ENERGY_EXPORT ? (n * 7) % 400 : 50 + (n * 13) % 900;
            ReadingQuality quality = n % 37 == 0 ? qualities[(int) (n / 37 % qualities.length)] : ReadingQuality.VALID;
            rows.add(new Row(channel, start, 900, value, quality));
        }
        return rows;
    }

    /** Writes {@code rows} as one usage point. */
    static void write(UsageWriter writer, ExportedUsagePoint point, List<Row> rows) throws IOException {
        writer.usagePoint(point);
        for (Row row : rows) {
            writer.reading(METER, row.channel(), row.start(), row.duration(), row.value(), row.quality());
        }
        writer.finish();
    }

    static byte[] xml(ExportedUsagePoint point, List<Row> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(new GreenButtonWriter(out, "Green Button Download My Data", FEED, GENERATED), point, rows);
        return out.toByteArray();
    }

    static byte[] csv(ExportedUsagePoint point, List<Row> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(new IntervalCsvWriter(out), point, rows);
        return out.toByteArray();
    }

    /** An output stream that only counts. */
    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
