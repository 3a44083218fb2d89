package org.meterguard.server.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;
import org.meterguard.greenbutton.ExportedUsagePoint;
import org.meterguard.greenbutton.GreenButtonWriter;
import org.meterguard.greenbutton.IntervalCsvWriter;
import org.meterguard.greenbutton.UsageWriter;
import org.meterguard.server.MeterguardApplication;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.greenbutton.GreenButtonDownload;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Green Button Download My Data for one meter-year of 15-minute data (35,040 import readings; with {@code --solar}
 * also export in daylight), in the real server context on embedded PostgreSQL: the writers alone (the year from
 * arrays in memory to a counting stream) and {@link GreenButtonDownload} from the store (the account's metered
 * period, a month of day rows at a time), XML and CSV. Wall time (best, median, p99) and the thread's CPU time
 * (median; steadier on a shared machine) of {@code --runs} after 10 warm-ups.
 *
 * <pre>
 * meterguard-server/greenbutton-benchmark.sh [--runs 50] [--solar]
 * </pre>
 */
public final class GreenButtonBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final MeterId METER = MeterId.of("MG-GB-BENCH");
    private static final String ACCOUNT = "ACC-GB-BENCH";
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final TimeRange YEAR = new TimeRange(
            FIRST.atStartOfDay(ZONE).toInstant(),
            FIRST.plusYears(1).atStartOfDay(ZONE).toInstant());

    private GreenButtonBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 1 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 50;
        boolean solar = Arrays.asList(args).contains("--solar");
        Path data = Files.createTempDirectory("meterguard-gb-bench");
        try (ConfigurableApplicationContext context = SpringApplication.run(
                MeterguardApplication.class,
                "--meterguard.data-dir=" + data,
                "--server.port=0",
                "--meterguard.headend.port=0",
                "--meterguard.headend.tls.enabled=false",
                "--meterguard.demo.enabled=false",
                "--meterguard.retention.enabled=false",
                "--meterguard.vee.enabled=false",
                "--logging.level.root=warn")) {
            long[][] year = load(context, solar);
            long readings =
                    year[0].length + Arrays.stream(year[1]).filter(v -> v >= 0).count();
            GreenButtonDownload download = context.getBean(GreenButtonDownload.class);
            System.out.printf(
                    Locale.ROOT,
                    "%nGreen Button, one meter-year of 15-minute data: %,d readings, %d cores%n",
                    readings,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    Locale.ROOT,
                    "| %-44s | %-28s | %-13s | %-12s |%n",
                    "measure",
                    "wall: best / median / p99",
                    "CPU, median",
                    "bytes");
            System.out.printf(
                    Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(46), "-".repeat(30), "-".repeat(15), "-".repeat(14));
            for (GreenButtonDownload.Format format : GreenButtonDownload.Format.values()) {
                measure(format + " writer alone (from arrays)", runs, out -> writeAlone(year, format, out));
                measure(format + " from the store (GreenButtonDownload)", runs, out -> download.write(
                                ACCOUNT, YEAR, format, out)
                        .readings());
            }
        }
    }

    /** A year of import (and export where solar) in the store, for an account that occupied the meter's point. */
    private static long[][] load(ConfigurableApplicationContext context, boolean solar) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        ReadingStore store = context.getBean(ReadingStore.class);
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model, time_zone) VALUES (?, 1, 'MG-SIM-R1', ?)")
                .params(METER.value(), ZONE.getId())
                .update();
        context.getBean(ServicePoints.class).create(new ServicePoint("SP-GB-BENCH", "F-1", "NORTH", 120));
        context.getBean(ServicePoints.class).install(METER, "SP-GB-BENCH", YEAR.from());
        Accounts accounts = context.getBean(Accounts.class);
        accounts.open(ACCOUNT, AccountClass.RESIDENTIAL, new Contact("Bench", "1 Main St", null, null), YEAR.from());
        accounts.moveIn(ACCOUNT, "SP-GB-BENCH", YEAR.from());
        int n = (int) (YEAR.length().getSeconds() / 900);
        long[] imports = new long[n];
        long[] exports = new long[n];
        SplittableRandom random = new SplittableRandom(11);
        List<IntervalDay> days = new ArrayList<>();
        long start0 = YEAR.from().getEpochSecond();
        for (int i = 0; i < n; i++) {
            imports[i] = 50 + random.nextInt(1_500);
            long hour = (start0 + 900L * i) / 3600 % 24;
            exports[i] = solar && hour >= 16 ? random.nextInt(900) : -1;
        }
        for (int c = 0; c < 2; c++) {
            long[] values = c == 0 ? imports : exports;
            Channel channel = c == 0 ? Channel.ACTIVE_ENERGY_IMPORT : Channel.ACTIVE_ENERGY_EXPORT;
            IntervalDay day = null;
            for (int i = 0; i < n; i++) {
                Instant start = Instant.ofEpochSecond(start0 + 900L * i);
                LocalDate utc = IntervalGrid.QUARTER_HOURLY.dayOf(start);
                if (day == null || !day.day().equals(utc)) {
                    day = new IntervalDay(METER, channel, IntervalGrid.QUARTER_HOURLY, utc);
                    days.add(day);
                }
                if (values[i] >= 0) {
                    day.fill(
                            IntervalGrid.QUARTER_HOURLY.slotOf(start),
                            values[i],
                            i % 500 == 0 ? ReadingQuality.ESTIMATED_LINEAR : ReadingQuality.VALID);
                }
            }
        }
        days.removeIf(d -> d.filled() == 0);
        store.mergeDays(days);
        jdbc.sql("VACUUM ANALYZE").update();
        return new long[][] {imports, exports};
    }

    private static long writeAlone(long[][] year, GreenButtonDownload.Format format, OutputStream out)
            throws Exception {
        UsageWriter writer = format == GreenButtonDownload.Format.XML
                ? new GreenButtonWriter(out, "Green Button", UUID.randomUUID(), Instant.now())
                : new IntervalCsvWriter(out);
        writer.usagePoint(new ExportedUsagePoint("Electric service", ZONE, YEAR, List.of(), YEAR.to()));
        long start0 = YEAR.from().getEpochSecond();
        long written = 0;
        for (int c = 0; c < 2; c++) {
            Channel channel = c == 0 ? Channel.ACTIVE_ENERGY_IMPORT : Channel.ACTIVE_ENERGY_EXPORT;
            long[] values = year[c];
            for (int i = 0; i < values.length; i++) {
                if (values[i] >= 0) {
                    ReadingQuality quality = i % 500 == 0 ? ReadingQuality.ESTIMATED_LINEAR : ReadingQuality.VALID;
                    writer.reading(METER, channel, start0 + 900L * i, 900, values[i], quality);
                    written++;
                }
            }
        }
        writer.finish();
        return written;
    }

    @FunctionalInterface
    private interface Work {
        long run(OutputStream out) throws Exception;
    }

    private static void measure(String what, int runs, Work work) throws Exception {
        long[] micros = new long[runs];
        long[] cpu = new long[runs];
        long bytes = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = -10; i < runs; i++) {
            Counting out = new Counting();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            work.run(out);
            long elapsed = (System.nanoTime() - start) / 1_000;
            if (i >= 0) {
                micros[i] = elapsed;
                cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000;
            }
            bytes = out.bytes;
        }
        Arrays.sort(micros);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "| %-44s | %-28s | %10.1f ms | %,12d |%n",
                what,
                String.format(
                        Locale.ROOT,
                        "%.1f / %.1f / %.1f ms",
                        micros[0] / 1000.0,
                        micros[runs / 2] / 1000.0,
                        micros[Math.min(runs - 1, runs * 99 / 100)] / 1000.0),
                cpu[runs / 2] / 1000.0,
                bytes);
    }

    /** Counts the bytes, as a client reading the response would receive them. */
    private static final class Counting extends OutputStream {
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
