package org.meterguard.server.bench;

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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.usage.Resolution;
import org.meterguard.server.MeterguardApplication;
import org.meterguard.server.access.SignedInUser;
import org.meterguard.server.access.UserKind;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.portal.UsageDashboard;
import org.meterguard.server.portal.web.UsageResponse;
import org.meterguard.server.readings.DaysChanged;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.MonthRollups;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usage dashboard's data for one meter-year of 15-minute import and export data, with 50 concurrent clients:
 * each client asks for its own account's year (and so the year before, for comparison) through the real
 * {@link UsageDashboard} (access decision and audit append included, fsync on) and has the answer written as JSON
 * as the API does. Prints p50, p99 and the largest latency per resolution. Run:
 *
 * <pre>
 * meterguard-server/dashboard-benchmark.sh [--clients 50] [--requests 40] [--resolutions DAY,MONTH] [--days 1]
 *     [--rate 1000] [--writes NONE,NEW_DAY,COLD]
 * </pre>
 *
 * <p>Daily and monthly views are measured three times: as they come (after the first view of each account, from
 * the daily totals the portal keeps), after a new day (each request preceded by a write announced for the last day
 * asked, as the nightly ingest does: the days it may belong to are read again) and cold (a write announced for the
 * first day of every month asked, so that all its totals are read from the store again). {@code --rate R} makes the
 * clients ask on a schedule, R requests a second together, and counts each latency from when its request was due
 * (open loop); without it each client asks again as soon as it is answered (closed loop), where the latency is about
 * clients ÷ throughput.
 *
 * <p>{@code --days N} asks for the last N days of the year instead of the whole year: with 1, what a request costs
 * besides its data (access decision, audit, the account's periods, the meter's zone).
 */
public final class DashboardBenchmark {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final LocalDate FIRST = LocalDate.of(2025, 11, 1);
    private static final LocalDate END = LocalDate.of(2026, 11, 1);

    private static Path dataDirectory;

    private final UsageDashboard dashboard;
    private final ConfigurableApplicationContext context;
    private final LocalDate asked;
    private final JsonMapper json;
    private final List<String[]> table = new ArrayList<>();

    private DashboardBenchmark(ConfigurableApplicationContext context, LocalDate asked) {
        this.dashboard = context.getBean(UsageDashboard.class);
        this.json = context.getBean(JsonMapper.class);
        this.context = context;
        this.asked = asked;
    }

    public static void main(String[] args) throws Exception {
        int clients = intArg(args, "--clients", 50);
        int requests = intArg(args, "--requests", 40);
        Path data = Files.createTempDirectory("meterguard-dashboard-bench");
        dataDirectory = data;
        try (ConfigurableApplicationContext context = SpringApplication.run(
                MeterguardApplication.class,
                "--meterguard.data-dir=" + data,
                "--server.port=0",
                "--meterguard.headend.port=0",
                "--meterguard.headend.tls.enabled=false",
                "--meterguard.demo.enabled=false",
                "--meterguard.retention.enabled=false",
                "--meterguard.vee.enabled=false",
                "--spring.datasource.hikari.maximum-pool-size=" + Math.max(10, clients),
                "--logging.level.root=warn")) {
            long t = System.nanoTime();
            load(context, clients);
            System.out.printf(
                    Locale.ROOT,
                    "loaded %d meter-years (import and export, 15-minute) in %.1f s%n",
                    clients,
                    (System.nanoTime() - t) / 1e9);
            t = System.nanoTime();
            long rolledUp = context.getBean(MonthRollups.class).rollUp(Instant.now());
            System.out.printf(
                    Locale.ROOT,
                    "rolled up %d meter-months (a meter and channel each) in %.1f s%n",
                    rolledUp,
                    (System.nanoTime() - t) / 1e9);
            int days = intArg(args, "--days", 0);
            DashboardBenchmark bench = new DashboardBenchmark(context, days > 0 ? END.minusDays(days) : FIRST);
            // Warm-up: each resolution measured, until the JIT has compiled what it needs (measured: 40 requests
            // per client of one resolution alone still left the JVM's CPU per request 1.5x its later cost). Code
            // run once per request reaches C2 after about 15,000 calls, so the cheap views (daily and monthly, from
            // the kept totals) warm up with at least 20,000 requests: with 10,000, whichever of the two was
            // measured first cost twice the CPU of the other. Each way of writing is warmed up too.
            double rate = doubleArg(args, "--rate", 0);
            for (Resolution resolution : resolutions(args)) {
                boolean cheap = resolution == Resolution.DAY || resolution == Resolution.MONTH;
                int warmUp = cheap ? Math.max(20_000 / clients, requests) : Math.max(20, requests / 2);
                bench.measure(resolution, clients, warmUp, Writes.NONE, 0);
                if (cheap) {
                    // As long as the kept views': measured alone (--writes COLD), a cold view warmed up with a
                    // quarter of that cost half as much CPU again as after the other ways had run.
                    bench.measure(resolution, clients, warmUp, Writes.NEW_DAY, 0);
                    bench.measure(resolution, clients, warmUp, Writes.COLD, 0);
                }
            }
            bench.table.clear();
            List<Writes> ways = writes(args);
            for (Resolution resolution : resolutions(args)) {
                boolean cheap = resolution == Resolution.DAY || resolution == Resolution.MONTH;
                for (Writes way : ways) {
                    if (way == Writes.NONE || cheap) {
                        bench.measure(resolution, clients, requests, way, rate);
                    }
                }
            }
            bench.print(clients, requests);
        } finally {
            // The context (and its embedded PostgreSQL) is closed by now; its files would stay behind, about 250 MB.
            FileSystemUtils.deleteRecursively(data);
        }
    }

    /** One meter, service point and account per client, each with a year of quarter-hours on both channels. */
    private static void load(ConfigurableApplicationContext context, int meters) {
        ServicePoints points = context.getBean(ServicePoints.class);
        Accounts accounts = context.getBean(Accounts.class);
        ReadingStore store = context.getBean(ReadingStore.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Instant installed = FIRST.atStartOfDay(ZONE).toInstant();
        for (int i = 0; i < meters; i++) {
            MeterId meter = meter(i);
            jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, 'MG-SIM-R1')")
                    .params(meter.value(), 1_000_000L + i)
                    .update();
            points.create(new ServicePoint("SP-" + i, "F-1", "NORTH", 240));
            points.install(meter, "SP-" + i, installed);
            accounts.open(
                    account(i), AccountClass.RESIDENTIAL, new Contact("Bench", "1 Main St", null, null), installed);
            accounts.moveIn(account(i), "SP-" + i, installed);
            List<IntervalDay> days = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(i);
            for (LocalDate d = FIRST.minusDays(1); d.isBefore(END.plusDays(1)); d = d.plusDays(1)) {
                IntervalDay imported =
                        new IntervalDay(meter, Channel.ACTIVE_ENERGY_IMPORT, IntervalGrid.QUARTER_HOURLY, d);
                IntervalDay exported =
                        new IntervalDay(meter, Channel.ACTIVE_ENERGY_EXPORT, IntervalGrid.QUARTER_HOURLY, d);
                for (int slot = 0; slot < 96; slot++) {
                    ReadingQuality quality =
                            random.nextInt(200) == 0 ? ReadingQuality.ESTIMATED_LINEAR : ReadingQuality.VALID;
                    imported.fill(slot, 50 + random.nextInt(400), quality);
                    if (slot >= 32 && slot < 72) {
                        exported.fill(slot, random.nextInt(300), ReadingQuality.VALID);
                    }
                }
                days.add(imported);
                days.add(exported);
            }
            store.mergeDays(days);
        }
    }

    /**
     * {@code writes}: announced for the client's own meter before each request, so that the daily totals of those
     * months are read again (none: as views come after the first). {@code rate}
     * above 0: open loop, each client asking on a fixed schedule so that all of them together ask {@code rate}
     * times a second, each latency counted from the moment its request was due (waiting included); 0: closed loop,
     * each client asking again as soon as answered.
     */
    private void measure(Resolution resolution, int clients, int requests, Writes writes, double rate)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CyclicBarrier start = new CyclicBarrier(clients);
        List<Future<long[]>> results = new ArrayList<>();
        long jvmTicks = cpuTicks(true);
        long postgresTicks = cpuTicks(false);
        long wall = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            results.add(pool.submit(() -> {
                Authentication caller = customer(client);
                String account = account(client);
                DaysChanged written = writes.before(meter(client));
                long[] micros = new long[requests];
                start.await();
                long first = System.nanoTime() + (rate > 0 ? (long) (client * 1e9 / rate) : 0);
                long every = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
                for (int r = 0; r < requests; r++) {
                    long t = rate > 0 ? first + r * every : System.nanoTime();
                    waitUntil(t);
                    if (written != null) {
                        context.publishEvent(written);
                    }
                    byte[] body = dashboard.usage(
                            caller,
                            account,
                            asked,
                            END,
                            resolution,
                            "127.0.0.1",
                            usage -> json.writeValueAsBytes(UsageResponse.of(usage)));
                    if (body.length < 100) {
                        throw new IllegalStateException("an answer of " + body.length + " bytes");
                    }
                    micros[r] = (System.nanoTime() - t) / 1_000;
                }
                return micros;
            }));
        }
        long[] all = new long[clients * requests];
        int n = 0;
        for (Future<long[]> f : results) {
            for (long m : f.get()) {
                all[n++] = m;
            }
        }
        wall = System.nanoTime() - wall;
        jvmTicks = cpuTicks(true) - jvmTicks;
        postgresTicks = cpuTicks(false) - postgresTicks;
        pool.shutdown();
        Arrays.sort(all);
        table.add(new String[] {
            resolution.name() + writes.label + (rate > 0 ? String.format(Locale.ROOT, ", %.0f/s offered", rate) : ""),
            Integer.toString(all.length),
            String.format(Locale.ROOT, "%.0f", all.length / (wall / 1e9)),
            ms(all[all.length / 2]),
            ms(all[(int) Math.ceil(all.length * 0.99) - 1]),
            ms(all[all.length - 1]),
            String.format(Locale.ROOT, "%.2f / %.2f", jvmTicks * 10.0 / all.length, postgresTicks * 10.0 / all.length)
        });
    }

    private void print(int clients, int requests) {
        System.out.printf(
                Locale.ROOT,
                "%nDashboard data of %s..%s, with the period before it as long, from a meter-year of 15-minute import"
                        + " and export per account; %d concurrent clients x %d requests each%n%n",
                asked,
                END,
                clients,
                requests);
        System.out.println(
                "| resolution | requests | requests/s | p50 ms | p99 ms | max ms | CPU ms per request: JVM / PostgreSQL |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (String[] row : table) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }

    /**
     * The CPU time (user and system, in 10 ms clock ticks) used so far by this JVM and by the embedded PostgreSQL
     * serving it (the postmaster started on this run's data directory, and its server processes), from /proc: what
     * the requests cost the machine, whatever else runs on it.
     */
    private static long cpuTicks(boolean jvm) {
        long ticks = 0;
        List<ProcessHandle> processes = new ArrayList<>();
        if (jvm) {
            processes.add(ProcessHandle.current());
        } else {
            postgres(processes);
        }
        for (ProcessHandle process : processes) {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (java.io.IOException | RuntimeException e) {
                // a process that ended in between, or no /proc: counts nothing
            }
        }
        return ticks;
    }

    private static void postgres(List<ProcessHandle> processes) {
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(dataDirectory.toString()))
                        .orElse(false))
                .forEach(postmaster -> {
                    processes.add(postmaster);
                    postmaster.descendants().forEach(processes::add);
                });
    }

    /** What is announced as written before each request. */
    private enum Writes {
        NONE(""),
        NEW_DAY(", after a new day"),
        COLD(", cold");

        final String label;

        Writes(String label) {
            this.label = label;
        }

        /**
         * Null for none; the last day asked; or the first UTC day of every month from two years before the end, which
         * has every month asked read whole again (its first day, and the last day of the month before, are marked).
         */
        DaysChanged before(MeterId meter) {
            if (this == NONE) {
                return null;
            }
            if (this == NEW_DAY) {
                return new DaysChanged(List.of(new DaysChanged.MeterDay(meter, END.minusDays(1))), false);
            }
            List<DaysChanged.MeterDay> days = new ArrayList<>();
            for (LocalDate d = END.minusYears(2).minusMonths(1); d.isBefore(END.plusMonths(1)); d = d.plusMonths(1)) {
                days.add(new DaysChanged.MeterDay(meter, d.withDayOfMonth(1)));
            }
            return new DaysChanged(days, false);
        }
    }

    private static void waitUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static Authentication customer(int i) {
        SignedInUser user = new SignedInUser(
                "bench-" + i, null, UserKind.CUSTOMER, SignedInUser.CUSTOMER_ROLE, List.of(account(i)), false, true);
        return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
    }

    private static MeterId meter(int i) {
        return MeterId.of(String.format("MG-DB-%05d", i));
    }

    private static String account(int i) {
        return String.format("ACC-BENCH-%05d", i);
    }

    /** {@code --resolutions DAY,MONTH}: only those; all by default. */
    private static List<Resolution> resolutions(String[] args) {
        return enumsArg(args, "--resolutions", Resolution.class);
    }

    /** {@code --writes NEW_DAY,COLD}: only those ways of measuring the daily and monthly views; all by default. */
    private static List<Writes> writes(String[] args) {
        return enumsArg(args, "--writes", Writes.class);
    }

    private static <E extends Enum<E>> List<E> enumsArg(String[] args, String name, Class<E> type) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Arrays.stream(args[i + 1].split(","))
                        .map(value -> Enum.valueOf(type, value))
                        .toList();
            }
        }
        return List.of(type.getEnumConstants());
    }

    private static double doubleArg(String[] args, String name, double fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Double.parseDouble(args[i + 1]);
            }
        }
        return fallback;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
