package org.meterguard.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's command line. {@code generate} and {@code run} work with a generated fleet of meters behind
 * collectors (see {@link FleetCommand#USAGE}); without a command it pushes the last days of a demo fleet's load
 * profiles to a head-end over plain TCP, as the foundation did.
 *
 * <pre>
 * java -cp … org.meterguard.simulator.SimulatorMain --fleet data/simulator/fleet.properties \
 *      [--host localhost] [--port 4059] [--days 1] [--counters data/simulator/counters.properties]
 * </pre>
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("generate") || args[0].equals("run"))) {
            int code;
            try {
                Map<String, String> options = options(java.util.Arrays.copyOfRange(args, 1, args.length));
                code = args[0].equals("generate")
                        ? FleetCommand.generate(options, System.out)
                        : FleetCommand.run(options, System.out);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.err.print(FleetCommand.USAGE);
                code = 2;
            }
            System.exit(code);
        }
        Map<String, String> options = options(args);
        Path fleetFile = Path.of(options.getOrDefault("fleet", "data/simulator/fleet.properties"));
        List<SimulatedMeter> meters = FleetFile.read(fleetFile);
        CounterStore counters = CounterStore.open(Path.of(options.getOrDefault(
                "counters", fleetFile.resolveSibling("counters.properties").toString())));
        int days = Integer.parseInt(options.getOrDefault("days", "1"));
        FleetRunner runner = new FleetRunner(
                meters,
                counters,
                new PushBuilder(new LoadShape(
                        ZoneId.of(options.getOrDefault("zone", "America/Los_Angeles")), Duration.ofMinutes(15))),
                options.getOrDefault("host", "localhost"),
                Integer.parseInt(options.getOrDefault("port", "4059")),
                Duration.ofSeconds(30));
        Instant now = Instant.now();
        long started = System.nanoTime();
        FleetRunner.Result result = runner.push(
                now.minus(Duration.ofDays(days)),
                now,
                (meter, accepted, rejected) -> System.out.printf(
                        "\r%s: %d frames accepted, %d rejected", meter.meterId(), accepted, rejected));
        System.out.printf(
                "%n%d frames (%d readings) accepted, %d rejected in %.1f s%n",
                result.framesAccepted(),
                result.readingsAccepted(),
                result.framesRejected(),
                (System.nanoTime() - started) / 1e9);
        if (result.framesRejected() > 0) {
            System.exit(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option [value], got '" + args[i] + "'");
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
        return options;
    }
}
