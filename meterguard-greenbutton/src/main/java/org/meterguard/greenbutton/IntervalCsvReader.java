package org.meterguard.greenbutton;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/**
 * Reads Meterguard's interval CSV, the format it also exports, row by row:
 *
 * <pre>
 * meter_id,channel,interval_start,interval_seconds,value,quality
 * MG-0001,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,123,0
 * </pre>
 *
 * UTF-8 with the exact header above (a leading byte-order mark is tolerated); {@code channel} is a {@link Channel}
 * name, {@code interval_start} an ISO-8601 instant in UTC ending in {@code Z}, aligned on the {@link IntervalGrid} of
 * {@code interval_seconds}; {@code value} an integer in the channel's unit; {@code quality} the ESPI code of a
 * {@link ReadingQuality}. A download written by {@link IntervalCsvWriter} has four more columns ({@link
 * IntervalCsvWriter#HEADER}): the interval's start and end as local times with their offset, the unit and the
 * quality's name; they are checked against the first six (same instants, the channel's unit, the code's name), so a
 * file whose times were shifted is refused. No field of this format needs quoting, so quotes are refused; lines longer
 * than 256 characters are refused before they are buffered; blank lines are allowed only at the end. Any problem is an
 * {@link ImportRejected} naming the line, the column and the value. Instances hold no state and may be shared.
 */
public final class IntervalCsvReader {
    /** The header every file starts with. */
    public static final String HEADER = "meter_id,channel,interval_start,interval_seconds,value,quality";

    private static final int MAX_LINE = 256;

    /**
     * Streams the rows of {@code in} to {@code sink}; the caller closes {@code in}.
     *
     * @return the number of rows
     * @throws ImportRejected if any line cannot be imported; rows already delivered must be discarded
     * @throws IOException if the stream cannot be read
     */
    public long read(InputStream in, IntervalCsvSink sink) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        Reader reader = new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new Rows(new CsvLines(reader, MAX_LINE), sink).read();
    }

    /** The state of one read. */
    private static final class Rows {
        private final CsvLines lines;
        private final IntervalCsvSink sink;
        private final Map<String, IntervalGrid> grids = new HashMap<>();
        private String[] columns = HEADER.split(",");
        private int[] starts = new int[columns.length];
        private String[] fields = new String[columns.length];
        private MeterId lastMeter;
        private int blankLine;

        Rows(CsvLines lines, IntervalCsvSink sink) {
            this.lines = lines;
            this.sink = sink;
        }

        long read() throws IOException {
            header();
            long rows = 0;
            for (String line = next(); line != null; line = next()) {
                if (line.isEmpty()) {
                    blankLine = blankLine == 0 ? lines.number() : blankLine;
                    continue;
                }
                if (blankLine != 0) {
                    throw new ImportRejected(
                            blankLine, 1, "blank line before more rows; blank lines may only end" + " the file");
                }
                row(line);
                rows++;
            }
            return rows;
        }

        private void header() throws IOException {
            String header = next();
            if (header == null) {
                throw new ImportRejected(1, 1, "the file is empty; expected the header " + HEADER);
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (IntervalCsvWriter.HEADER.equals(header)) {
                columns = header.split(",");
                starts = new int[columns.length];
                fields = new String[columns.length];
            } else if (!HEADER.equals(header)) {
                throw new ImportRejected(
                        1,
                        1,
                        "header " + ImportRejected.quote(header) + " is not " + HEADER + " (nor "
                                + IntervalCsvWriter.HEADER + ")");
            }
        }

        private String next() throws IOException {
            try {
                return lines.next();
            } catch (CharacterCodingException e) {
                throw new ImportRejected(lines.number() + 1, 0, "the file is not UTF-8 text");
            }
        }

        private void row(String line) {
            split(line);
            MeterId meter = meter(fields[0]);
            Channel channel = channel(fields[1]);
            IntervalGrid grid = grid(fields[3]);
            Instant start = start(fields[2], grid);
            long value = integer(4, fields[4]);
            ReadingQuality quality = quality(fields[5]);
            if (columns.length > 6) {
                checkDownloadColumns(channel, start, grid, quality);
            }
            sink.reading(meter, channel, grid, new IntervalReading(start, value, quality));
        }

        private void split(String line) {
            if (line.indexOf('"') >= 0) {
                throw reject(line.indexOf('"') + 1, "quoted fields are not part of this format");
            }
            int from = 0;
            for (int i = 0; i < columns.length; i++) {
                int comma = line.indexOf(',', from);
                boolean last = i == columns.length - 1;
                if (last != (comma < 0)) {
                    throw reject(
                            1,
                            "expected " + columns.length + " fields (" + HEADER + "), found "
                                    + (line.chars().filter(c -> c == ',').count() + 1));
                }
                starts[i] = from + 1;
                fields[i] = last ? line.substring(from) : line.substring(from, comma);
                from = comma + 1;
            }
        }

        /** The download's extra columns must say the same as the first six. */
        private void checkDownloadColumns(Channel channel, Instant start, IntervalGrid grid, ReadingQuality quality) {
            sameInstant(6, start);
            sameInstant(7, start.plus(grid.interval()));
            if (!IntervalCsvWriter.unitOf(channel).equals(fields[8])) {
                throw reject(
                        starts[8],
                        "unit " + ImportRejected.quote(fields[8]) + " is not " + IntervalCsvWriter.unitOf(channel)
                                + ", the unit of " + channel);
            }
            if (!quality.name().equals(fields[9])) {
                throw reject(
                        starts[9],
                        "quality_name " + ImportRejected.quote(fields[9]) + " is not " + quality.name()
                                + ", the name of quality " + quality.espiCode());
            }
        }

        private void sameInstant(int column, Instant expected) {
            Instant local;
            try {
                local = OffsetDateTime.parse(fields[column]).toInstant();
            } catch (DateTimeParseException e) {
                throw reject(
                        starts[column],
                        columns[column] + " " + ImportRejected.quote(fields[column])
                                + " is not an ISO-8601 local time with offset like 2026-01-01T00:00:00-08:00");
            }
            if (!local.equals(expected)) {
                throw reject(
                        starts[column],
                        columns[column] + " " + fields[column] + " is not the same instant as " + expected
                                + " (interval_start and interval_seconds); were the times shifted?");
            }
        }

        private MeterId meter(String text) {
            if (lastMeter != null && lastMeter.value().equals(text)) {
                return lastMeter;
            }
            try {
                lastMeter = MeterId.of(text);
                return lastMeter;
            } catch (IllegalArgumentException e) {
                throw reject(starts[0], "meter_id: " + e.getMessage());
            }
        }

        private Channel channel(String text) {
            for (Channel channel : Channel.values()) {
                if (channel.name().equals(text)) {
                    return channel;
                }
            }
            throw reject(
                    starts[1],
                    "channel " + ImportRejected.quote(text) + " is not one of " + Arrays.toString(Channel.values()));
        }

        private IntervalGrid grid(String text) {
            IntervalGrid known = grids.get(text);
            if (known != null) {
                return known;
            }
            long seconds = integer(3, text);
            try {
                IntervalGrid grid = new IntervalGrid(Duration.ofSeconds(seconds));
                grids.put(text, grid);
                return grid;
            } catch (IllegalArgumentException e) {
                throw reject(
                        starts[3],
                        "interval_seconds " + seconds + " is not an interval grid: it must be whole"
                                + " minutes that divide a day evenly");
            }
        }

        private Instant start(String text, IntervalGrid grid) {
            Instant start;
            try {
                start = text.endsWith("Z") ? Instant.parse(text) : null;
            } catch (DateTimeParseException e) {
                start = null;
            }
            if (start == null) {
                throw reject(
                        starts[2],
                        "interval_start " + ImportRejected.quote(text)
                                + " is not an ISO-8601 UTC instant like 2026-01-01T00:00:00Z");
            }
            if (!grid.isAligned(start)) {
                throw reject(
                        starts[2],
                        "interval_start " + text + " is not on the "
                                + grid.interval().getSeconds() + "-second interval grid");
            }
            return start;
        }

        private ReadingQuality quality(String text) {
            long code = integer(5, text);
            try {
                return ReadingQuality.ofEspiCode((int) Math.max(Math.min(code, 1000), -1));
            } catch (IllegalArgumentException e) {
                throw reject(
                        starts[5],
                        "quality " + code + " is not the ESPI code of a Meterguard reading quality "
                                + Arrays.stream(ReadingQuality.values())
                                        .map(q -> q.espiCode() + " " + q)
                                        .toList());
            }
        }

        private long integer(int column, String text) {
            if (!EspiNumbers.isInteger(text)) {
                throw reject(starts[column], columns[column] + " " + ImportRejected.quote(text) + " is not an integer");
            }
            return Long.parseLong(text);
        }

        private ImportRejected reject(int column, String problem) {
            return new ImportRejected(lines.number(), column, problem);
        }
    }
}
