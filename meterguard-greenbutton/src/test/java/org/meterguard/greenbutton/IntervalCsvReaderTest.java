package org.meterguard.greenbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

class IntervalCsvReaderTest {
    private static final String HEADER = "meter_id,channel,interval_start,interval_seconds,value,quality\n";

    record Row(MeterId meter, Channel channel, IntervalGrid grid, IntervalReading reading) {}

    private static List<Row> read(String text) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Row> read(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        long count = new IntervalCsvReader()
                .read(in, (meter, channel, grid, reading) -> rows.add(new Row(meter, channel, grid, reading)));
        assertThat(count).isEqualTo(rows.size());
        return rows;
    }

    private static void rejects(String text, int line, int column, String message) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(ImportRejected.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                })
                .hasMessage("line " + line + ": " + message);
    }

    @Test
    void readsRowsOfSeveralMetersChannelsAndGrids() throws IOException {
        List<Row> rows = read(HEADER
                + "MG-0001,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,123,0\r\n"
                + "MG-0001,ACTIVE_ENERGY_EXPORT,2026-01-01T00:15:00Z,900,-4,9\r\n"
                + "MG-0002,VOLTAGE_L1,2026-01-01T01:00:00Z,3600,2301,14\n");

        assertThat(rows)
                .containsExactly(
                        new Row(
                                MeterId.of("MG-0001"),
                                Channel.ACTIVE_ENERGY_IMPORT,
                                IntervalGrid.QUARTER_HOURLY,
                                new IntervalReading(Instant.parse("2026-01-01T00:00:00Z"), 123, ReadingQuality.VALID)),
                        new Row(
                                MeterId.of("MG-0001"),
                                Channel.ACTIVE_ENERGY_EXPORT,
                                IntervalGrid.QUARTER_HOURLY,
                                new IntervalReading(
                                        Instant.parse("2026-01-01T00:15:00Z"), -4, ReadingQuality.ESTIMATED_LINEAR)),
                        new Row(
                                MeterId.of("MG-0002"),
                                Channel.VOLTAGE_L1,
                                new IntervalGrid(Duration.ofHours(1)),
                                new IntervalReading(Instant.parse("2026-01-01T01:00:00Z"), 2301, ReadingQuality.RAW)));
    }

    @Test
    void readsAHeaderOnlyFileAsNoRows() throws IOException {
        assertThat(read(HEADER)).isEmpty();
        assertThat(read(HEADER.trim())).isEmpty();
    }

    @Test
    void toleratesAByteOrderMarkAndTrailingBlankLines() throws IOException {
        assertThat(read("\uFEFF" + HEADER + "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1,0\n\n\n"))
                .hasSize(1);
    }

    /** 300,000 generated rows (about 17 MB); the first reaches the sink when only the first buffer has been read. */
    @Test
    void deliversRowsWhileStillReadingTheStream() throws IOException {
        long rows = 300_000;
        long[] served = {0};
        InputStream generated = new InputStream() {
            long row = -1;
            byte[] line = HEADER.getBytes(StandardCharsets.US_ASCII);
            int at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (at == line.length) {
                    if (row + 1 >= rows) {
                        return -1;
                    }
                    row++;
                    int slot = (int) (row % 96);
                    String time =
                            (slot / 4 < 10 ? "0" : "") + slot / 4 + ":" + (slot % 4 == 0 ? "00" : 15 * (slot % 4));
                    line = ("MG-" + row / 96 + ",ACTIVE_ENERGY_IMPORT,2026-01-01T" + time + ":00Z,900," + row + ",0\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    at = 0;
                }
                int n = Math.min(length, line.length - at);
                System.arraycopy(line, at, buffer, offset, n);
                at += n;
                served[0] += n;
                return n;
            }
        };
        long[] count = {0};
        long[] servedAtFirstRow = {0};
        long read = new IntervalCsvReader().read(generated, (meter, channel, grid, reading) -> {
            servedAtFirstRow[0] = count[0] == 0 ? served[0] : servedAtFirstRow[0];
            // plain checks: an AssertJ assertion per row would dominate the run time
            if (reading.value() != count[0]++ || !meter.value().equals("MG-" + reading.value() / 96)) {
                throw new AssertionError("row " + count[0] + " read as " + meter + " " + reading);
            }
        });
        assertThat(read).isEqualTo(rows).isEqualTo(count[0]);
        assertThat(servedAtFirstRow[0]).isPositive().isLessThan(served[0] / 100);
    }

    @Test
    void rejectsAnEmptyFile() {
        rejects("", 1, 1, "the file is empty; expected the header " + IntervalCsvReader.HEADER);
    }

    @Test
    void rejectsAnotherHeader() {
        rejects(
                "meter,channel,start,seconds,value,quality\n",
                1,
                1,
                "header 'meter,channel,start,seconds,value,quality' is not " + IntervalCsvReader.HEADER + " (nor "
                        + IntervalCsvWriter.HEADER + ")");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "MG 1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1,0 | 1 | meter_id: invalid meter id 'MG 1';"
                        + " expected 1 to 32 letters, digits, '-' or '_'",
                "MG-1,ACTIVE_POWER,2026-01-01T00:00:00Z,900,1,0 | 6 | channel 'ACTIVE_POWER' is not one of"
                        + " [ACTIVE_ENERGY_IMPORT, ACTIVE_ENERGY_EXPORT, VOLTAGE_L1, VOLTAGE_L2, VOLTAGE_L3]",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01 00:00:00,900,1,0 | 27 | interval_start '2026-01-01 00:00:00'"
                        + " is not an ISO-8601 UTC instant like 2026-01-01T00:00:00Z",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T01:00:00+01:00,900,1,0 | 27 | interval_start"
                        + " '2026-01-01T01:00:00+01:00' is not an ISO-8601 UTC instant like 2026-01-01T00:00:00Z",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:05:00Z,900,1,0 | 27 | interval_start 2026-01-01T00:05:00Z"
                        + " is not on the 900-second interval grid",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,700,1,0 | 48 | interval_seconds 700 is not an"
                        + " interval grid: it must be whole minutes that divide a day evenly",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,15m,1,0 | 48 | interval_seconds '15m' is not an"
                        + " integer",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1.5,0 | 52 | value '1.5' is not an integer",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,,0 | 52 | value '' is not an integer",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1,17 | 54 | quality 17 is not the ESPI code of a"
                        + " Meterguard reading quality [0 VALID, 7 EDITED, 8 ESTIMATED_REFERENCE_DAY,"
                        + " 9 ESTIMATED_LINEAR, 10 QUESTIONABLE, 14 RAW]",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1 | 1 | expected 6 fields (" + HEADER_LINE
                        + "), found 5",
                "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1,0,x | 1 | expected 6 fields (" + HEADER_LINE
                        + "), found 7",
                "\"MG-1\",ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1,0 | 1 | quoted fields are not part of this"
                        + " format",
            })
    void rejectsABadRowNamingItsLineAndColumn(String row, int column, String message) {
        rejects(HEADER + "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1,0\n" + row + "\n", 3, column, message);
    }

    private static final String HEADER_LINE = "meter_id,channel,interval_start,interval_seconds,value,quality";

    @Test
    void rejectsABlankLineBeforeMoreRows() {
        rejects(
                HEADER + "\nMG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1,0\n",
                2,
                1,
                "blank line before more rows; blank lines may only end the file");
    }

    @Test
    void rejectsALineTooLongToBeARow() {
        rejects(HEADER + "x".repeat(10_000), 2, 257, "line is longer than 256 characters");
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        byte[] bytes = (HEADER + "MG-1,ACTIVE_ENERGY_IMPORT,2026-01-01T00:00:00Z,900,1,0\nMG-\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(new ByteArrayInputStream(bytes)))
                .isInstanceOf(ImportRejected.class)
                .hasMessage("line 3: the file is not UTF-8 text");
    }
}
