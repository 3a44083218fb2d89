package org.meterguard.greenbutton;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Objects;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/**
 * Writes the same data as {@link GreenButtonWriter} as CSV, one row per interval, UTF-8, streamed:
 *
 * <pre>
 * meter_id,channel,interval_start,interval_seconds,value,quality,interval_start_local,interval_end_local,unit,quality_name
 * MG-0001,ACTIVE_ENERGY_IMPORT,2026-03-08T09:45:00Z,900,123,0,2026-03-08T01:45:00-08:00,2026-03-08T03:00:00-07:00,Wh,VALID
 * </pre>
 *
 * <ul>
 *   <li>{@code channel}: {@code ACTIVE_ENERGY_IMPORT} (energy delivered, ESPI flowDirection 1) or {@code
 *       ACTIVE_ENERGY_EXPORT} (energy received from the customer, flowDirection 19);
 *   <li>{@code interval_start}: ISO-8601 UTC instant; {@code interval_seconds}: the interval's length;
 *   <li>{@code value}: an integer in {@code unit};
 *   <li>{@code quality}: the ESPI QualityOfReading code (0 valid, 7 edited, 8 and 9 estimated, 10 questionable, 14
 *       raw) and {@code quality_name} its Meterguard name;
 *   <li>{@code interval_start_local}, {@code interval_end_local}: the same instants in the meter's zone, ISO-8601
 *       with their offset, so intervals across a daylight-saving change stay unambiguous.
 * </ul>
 *
 * The first six columns are {@link IntervalCsvReader#HEADER}; {@link IntervalCsvReader} reads this file back and
 * checks the other four against them.
 */
public final class IntervalCsvWriter implements UsageWriter {
    /** The header of a download. */
    public static final String HEADER =
            IntervalCsvReader.HEADER + ",interval_start_local,interval_end_local,unit,quality_name";

    private final Writer out;
    private final StringBuilder row = new StringBuilder(200);
    private ZoneId zone;

    /** Starts the file (its header) on {@code out}, which {@link #finish} flushes and never closes. */
    public IntervalCsvWriter(OutputStream out) throws IOException {
        this.out = new BufferedWriter(
                new OutputStreamWriter(Objects.requireNonNull(out, "out"), StandardCharsets.UTF_8), 64 * 1024);
        this.out.write(HEADER);
        this.out.write('\n');
    }

    @Override
    public void usagePoint(ExportedUsagePoint point) {
        zone = point.zone();
    }

    @Override
    public void reading(MeterId meter, Channel channel, long start, int seconds, long value, ReadingQuality quality)
            throws IOException {
        if (zone == null) {
            throw new IllegalStateException("a reading before the first usage point");
        }
        StringBuilder row = this.row;
        row.setLength(0);
        row.append(meter.value()).append(',').append(channel.name()).append(',');
        IsoTimes.utc(row, start);
        row.append(',').append(seconds).append(',').append(value).append(',').append(quality.espiCode());
        row.append(',');
        IsoTimes.local(row, start, zone);
        row.append(',');
        IsoTimes.local(row, start + seconds, zone);
        row.append(',')
                .append(unitOf(channel))
                .append(',')
                .append(quality.name())
                .append('\n');
        out.append(row);
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /** The unit a channel's integers count, e.g. {@code Wh}, {@code kWh} or {@code 10^-1 V}. */
    public static String unitOf(Channel channel) {
        String symbol = channel.uom() == 72 ? "Wh" : channel.uom() == 29 ? "V" : "uom" + channel.uom();
        switch (channel.powerOfTenMultiplier()) {
            case 0:
                return symbol;
            case 3:
                return "k" + symbol;
            case 6:
                return "M" + symbol;
            default:
                return "10^" + channel.powerOfTenMultiplier() + " " + symbol;
        }
    }
}
