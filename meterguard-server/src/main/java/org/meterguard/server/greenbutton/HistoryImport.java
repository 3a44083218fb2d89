package org.meterguard.server.greenbutton;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.greenbutton.GreenButtonFeed;
import org.meterguard.greenbutton.GreenButtonReader;
import org.meterguard.greenbutton.GreenButtonSink;
import org.meterguard.greenbutton.GreenButtonSummary;
import org.meterguard.greenbutton.ImportRejected;
import org.meterguard.greenbutton.IntervalCsvReader;
import org.meterguard.greenbutton.MeterReading;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a utility's history from a Green Button (ESPI Atom) or interval CSV file, all or nothing: the file is
 * read twice, first to check all of it and learn its months (whose partitions are created then), then to store
 * it in one transaction, merged into the meters' days as the head-end's data is (never silently overwriting). Any
 * error, in either pass, leaves the store as it was and names the line. Memory is bounded: days are merged in
 * batches as they fill, so a multi-year file never sits in memory whole.
 */
@Service
public class HistoryImport {
    private static final int BATCH_DAYS = 2_000;

    private final ReadingStore store;
    private final MeterRegistry meters;
    private final MonthPartitions partitions;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final GreenButtonReader reader = new GreenButtonReader();

    HistoryImport(
            ReadingStore store,
            MeterRegistry meters,
            MonthPartitions partitions,
            TransactionTemplate transactions,
            AuditLog audit) {
        this.store = store;
        this.meters = meters;
        this.partitions = partitions;
        this.transactions = transactions;
        this.audit = audit;
    }

    /**
     * Imports a Green Button file into {@code meter}'s data. The file must describe one usage point (a file of
     * several is refused: say which meter each is, by importing them separately).
     */
    public ImportResult importGreenButton(Path file, MeterId meter, String actor, ImportProgress progress)
            throws IOException {
        requireKnown(meter);
        Batches check = new Batches(meter, null, progress, 1);
        GreenButtonSummary summary = reader.read(file, check.greenButton());
        if (summary.feed().usagePoints().size() > 1) {
            throw new ImportRejected(
                    summary.feed().usagePoints().get(1).line(),
                    0,
                    "the file describes " + summary.feed().usagePoints().size()
                            + " usage points; import one usage point per meter");
        }
        partitions.ensure(MonthPartitions.Table.INTERVAL_DAY, check.months());
        ImportResult result = transactions.execute(status -> {
            Batches store = new Batches(meter, this.store, progress, 2);
            try {
                reader.read(file, store.greenButton());
            } catch (IOException e) {
                throw new ImportFailed("reading " + file + " failed: " + e.getMessage(), e);
            }
            return store.finish(
                    summary.warnings().stream().map(Object::toString).toList());
        });
        audited(actor, "import-green-button", meter, file, result);
        return result;
    }

    /** Imports an interval CSV file ({@link IntervalCsvReader#HEADER}), whose rows name their meters. */
    public ImportResult importCsv(Path file, String actor, ImportProgress progress) throws IOException {
        Batches check = new Batches(null, null, progress, 1);
        try (InputStream in = Files.newInputStream(file)) {
            new IntervalCsvReader().read(in, check.csv());
        }
        partitions.ensure(MonthPartitions.Table.INTERVAL_DAY, check.months());
        ImportResult result = transactions.execute(status -> {
            Batches store = new Batches(null, this.store, progress, 2);
            try (InputStream in = Files.newInputStream(file)) {
                new IntervalCsvReader().read(in, store.csv());
            } catch (IOException e) {
                throw new ImportFailed("reading " + file + " failed: " + e.getMessage(), e);
            }
            return store.finish(List.of());
        });
        audited(actor, "import-csv", null, file, result);
        return result;
    }

    private void requireKnown(MeterId meter) {
        if (!meters.exists(meter)) {
            throw new IllegalArgumentException("unknown meter " + meter + "; register it before importing its history");
        }
    }

    private void audited(String actor, String action, MeterId meter, Path file, ImportResult result) {
        audit.append(new AuditEvent(
                Instant.now(),
                actor,
                "SYSTEM",
                action,
                "file:" + file.getFileName(),
                meter == null ? "" : "meter:" + meter,
                "DATA_MIGRATION",
                "",
                "EXECUTED",
                "",
                result.readings() + " readings, " + result.newDays() + " new days, " + result.changedDays()
                        + " changed days, " + result.conflicts() + " conflicts"));
    }

    /**
     * Collects readings into days and, in the storing pass, merges them in batches. In the checking pass
     * ({@code store} null) it only learns the months and checks that each meter is known and each reading lies
     * on its grid.
     */
    private final class Batches {
        private final MeterId meter;
        private final ReadingStore store;
        private final ImportProgress progress;
        private final int pass;
        private final Map<IntervalDay.Key, IntervalDay> days = new HashMap<>();
        private final Set<LocalDate> months = new TreeSet<>();
        private final Set<MeterId> known = new java.util.HashSet<>();
        private long readings;
        private long newDays;
        private long changedDays;
        private long conflicts;

        Batches(MeterId meter, ReadingStore store, ImportProgress progress, int pass) {
            this.meter = meter;
            this.store = store;
            this.progress = progress;
            this.pass = pass;
        }

        GreenButtonSink greenButton() {
            return new GreenButtonSink() {
                @Override
                public void begin(GreenButtonFeed feed) {}

                @Override
                public void reading(
                        MeterReading series, long start, int durationSeconds, long value, ReadingQuality quality) {
                    add(
                            meter,
                            series.channel(),
                            durationSeconds,
                            Instant.ofEpochSecond(start),
                            value,
                            quality,
                            series.line());
                }
            };
        }

        org.meterguard.greenbutton.IntervalCsvSink csv() {
            return (meterId, channel, grid, reading) -> add(
                    meterId,
                    channel,
                    (int) grid.interval().getSeconds(),
                    reading.start(),
                    reading.value(),
                    reading.quality(),
                    0);
        }

        private void add(
                MeterId meterId,
                Channel channel,
                int durationSeconds,
                Instant start,
                long value,
                ReadingQuality quality,
                int line) {
            if (known.add(meterId) && !meters.exists(meterId)) {
                throw new ImportRejected(line, 0, "unknown meter " + meterId + "; register it before importing");
            }
            IntervalGrid grid = new IntervalGrid(Duration.ofSeconds(durationSeconds));
            if (!grid.isAligned(start)) {
                throw new ImportRejected(
                        line,
                        0,
                        "interval starting " + start + " (" + durationSeconds + " s) is not on the UTC grid the store"
                                + " keeps; daily values at local midnight are not supported yet");
            }
            LocalDate day = grid.dayOf(start);
            readings++;
            if (store == null) {
                months.add(day.withDayOfMonth(1));
            } else {
                IntervalDay row = days.computeIfAbsent(
                        new IntervalDay.Key(meterId, channel, day), k -> new IntervalDay(meterId, channel, grid, day));
                row.fill(grid.slotOf(start), new IntervalReading(start, value, quality));
                if (days.size() >= BATCH_DAYS) {
                    flush();
                }
            }
            if (readings % 100_000 == 0) {
                progress.advanced(pass, readings);
            }
        }

        private void flush() {
            ReadingStore.MergeSummary merged = store.mergeDays(new ArrayList<>(days.values()));
            newDays += merged.newDays();
            changedDays += merged.changedDays();
            conflicts += merged.conflicts();
            days.clear();
        }

        List<LocalDate> months() {
            return new ArrayList<>(months);
        }

        ImportResult finish(List<String> warnings) {
            flush();
            progress.advanced(pass, readings);
            return new ImportResult(readings, newDays, changedDays, conflicts, warnings);
        }
    }

    /** Reading the file failed for a reason other than its content (e.g. an I/O error). */
    public static final class ImportFailed extends RuntimeException {
        ImportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
