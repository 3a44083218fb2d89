package org.meterguard.simulator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.KeyAccess;
import org.meterguard.dlms.SystemTitle;

/**
 * A generated fleet: N meters of a mix of kinds behind M collectors. On disk it is two owner-only CSV files: the
 * meters' own memory ({@code fleet.csv}: id, system title, kind, collector, keys), and the manufacturer's key
 * shipment for the head-end ({@code key-shipment.csv}: id, system title, model, keys), which the server imports.
 */
public final class SimulatedFleet {
    /** The meters' own memory. */
    public static final String FLEET_CSV = "fleet.csv";
    /** The key shipment for the head-end. */
    public static final String SHIPMENT_CSV = "key-shipment.csv";

    private static final String FLEET_HEADER = "meter_id,system_title,kind,collector,ek,ak";

    private final List<FleetMeter> meters;

    public SimulatedFleet(List<FleetMeter> meters) {
        this.meters = List.copyOf(meters);
    }

    /** The meters. */
    public List<FleetMeter> meters() {
        return meters;
    }

    /** The collector ids, in order of first appearance. */
    public List<String> collectors() {
        return meters.stream().map(FleetMeter::collector).distinct().toList();
    }

    /**
     * {@code size} meters behind {@code collectors} collectors (meters spread evenly), kinds by {@code mix}
     * (weights, e.g. RESIDENTIAL=70, SOLAR=15, EV=10, COMMERCIAL=5), fresh random keys each.
     */
    public static SimulatedFleet generate(int size, int collectors, Map<MeterKind, Integer> mix, String prefix) {
        if (size < 1 || collectors < 1 || collectors > size) {
            throw new IllegalArgumentException(
                    "need at least one meter and between 1 and " + size + " collectors; got " + collectors);
        }
        int total = mix.values().stream().mapToInt(Integer::intValue).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("the kind mix " + mix + " has no weight");
        }
        SecureRandom random = new SecureRandom();
        List<MeterKind> kinds = new ArrayList<>(mix.keySet());
        List<FleetMeter> meters = new ArrayList<>(size);
        long titleBase = 0x4D4753_0000000000L | ((random.nextLong() & 0xFFFFL) << 24);
        for (int i = 0; i < size; i++) {
            int pick = (int) ((long) i * total / size);
            MeterKind kind = kinds.get(kinds.size() - 1);
            for (MeterKind candidate : kinds) {
                pick -= mix.get(candidate);
                if (pick < 0) {
                    kind = candidate;
                    break;
                }
            }
            SimulatedMeter meter = new SimulatedMeter(
                    String.format("%s-%07d", prefix, i + 1),
                    new SystemTitle(titleBase | i),
                    CipheringKeys.generate(random));
            meters.add(new FleetMeter(meter, kind, String.format("%s-C%04d", prefix, i % collectors + 1)));
        }
        return new SimulatedFleet(meters);
    }

    /** Parses "residential=70,solar=15" into weights per kind. */
    public static Map<MeterKind, Integer> mix(String text) {
        Map<MeterKind, Integer> mix = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("mix entry '" + part + "' is not kind=weight");
            }
            mix.put(
                    MeterKind.valueOf(kv[0].strip().toUpperCase(java.util.Locale.ROOT)),
                    Integer.parseInt(kv[1].strip()));
        }
        return mix;
    }

    /** Writes both files into {@code directory}, owner-only; fails rather than overwrite. */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        HexFormat hex = HexFormat.of();
        try (BufferedWriter fleet = ownerOnly(directory.resolve(FLEET_CSV));
                BufferedWriter shipment = ownerOnly(directory.resolve(SHIPMENT_CSV))) {
            fleet.write(FLEET_HEADER + "\n");
            shipment.write("meter_id,system_title,model,ek,ak\n");
            for (FleetMeter site : meters) {
                SimulatedMeter m = site.meter();
                String keys = hex.formatHex(m.keys().encryptionKey(KeyAccess.insecure())) + ","
                        + hex.formatHex(m.keys().authenticationKey(KeyAccess.insecure()));
                fleet.write(m.meterId() + "," + m.systemTitle() + "," + site.kind() + "," + site.collector() + ","
                        + keys + "\n");
                shipment.write(
                        m.meterId() + "," + m.systemTitle() + "," + site.kind().model() + "," + keys + "\n");
            }
        }
    }

    /** Reads {@code fleet.csv} from {@code directory}; fails naming the line that is wrong. */
    public static SimulatedFleet read(Path directory) throws IOException {
        Path file = directory.resolve(FLEET_CSV);
        HexFormat hex = HexFormat.of();
        List<FleetMeter> meters = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            if (!FLEET_HEADER.equals(in.readLine())) {
                throw new IllegalArgumentException(file + ": the first line must be '" + FLEET_HEADER + "'");
            }
            int line = 1;
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                String[] f = row.split(",", -1);
                if (f.length != 6) {
                    throw new IllegalArgumentException(
                            file + " line " + line + ": expected 6 fields, found " + f.length);
                }
                meters.add(new FleetMeter(
                        new SimulatedMeter(
                                f[0],
                                SystemTitle.parse(f[1]),
                                CipheringKeys.of(hex.parseHex(f[4]), hex.parseHex(f[5]))),
                        MeterKind.valueOf(f[2]),
                        f[3]));
            }
        }
        return new SimulatedFleet(meters);
    }

    private static BufferedWriter ownerOnly(Path file) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
    }
}
