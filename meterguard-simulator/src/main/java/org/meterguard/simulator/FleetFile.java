package org.meterguard.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.KeyAccess;
import org.meterguard.dlms.SystemTitle;

/**
 * The simulated meters' side of a fleet: ids, system titles and the keys each meter holds. It stands for the
 * meters' own memory (as a manufacturer's key file does), so it is written readable by its owner only; the
 * head-end never reads it.
 */
public final class FleetFile {
    private FleetFile() {}

    /** Writes {@code meters} to a new file at {@code file}. */
    public static void write(Path file, List<SimulatedMeter> meters) throws IOException {
        Properties out = new Properties();
        out.setProperty("meters", Integer.toString(meters.size()));
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < meters.size(); i++) {
            SimulatedMeter meter = meters.get(i);
            out.setProperty(i + ".id", meter.meterId());
            out.setProperty(i + ".systemTitle", meter.systemTitle().toString());
            out.setProperty(i + ".ek", hex.formatHex(meter.keys().encryptionKey(KeyAccess.insecure())));
            out.setProperty(i + ".ak", hex.formatHex(meter.keys().authenticationKey(KeyAccess.insecure())));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            out.store(stream, "simulated meters and the keys they hold; keep private");
        }
    }

    /** Reads the meters in {@code file}; fails naming the entry that is incomplete. */
    public static List<SimulatedMeter> read(Path file) throws IOException {
        Properties in = new Properties();
        try (InputStream stream = Files.newInputStream(file)) {
            in.load(stream);
        }
        int count = Integer.parseInt(required(in, "meters", file));
        HexFormat hex = HexFormat.of();
        List<SimulatedMeter> meters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            meters.add(new SimulatedMeter(
                    required(in, i + ".id", file),
                    SystemTitle.parse(required(in, i + ".systemTitle", file)),
                    CipheringKeys.of(
                            hex.parseHex(required(in, i + ".ek", file)), hex.parseHex(required(in, i + ".ak", file)))));
        }
        return meters;
    }

    private static String required(Properties in, String key, Path file) {
        String value = in.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("fleet file " + file + " has no entry '" + key + "'");
        }
        return value;
    }
}
