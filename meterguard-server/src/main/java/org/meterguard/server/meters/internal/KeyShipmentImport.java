package org.meterguard.server.meters.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.meterguard.core.MeterId;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.headend.MeterModels;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.meters.MeterRegistry.NewMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports a manufacturer's key shipment at start when {@code meterguard.meters.import-file} names one: a CSV file
 * with the header {@code meter_id,system_title,model,ek,ak} (system title and keys in hex), readable by its owner
 * only. Meters already registered are skipped, so a restart with the same file changes nothing. The keys are
 * wrapped under the key-encryption key as they are registered; the file is left where it is, for the operator to
 * destroy.
 */
@Component
class KeyShipmentImport implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(KeyShipmentImport.class);
    private static final String HEADER = "meter_id,system_title,model,ek,ak";
    private static final int CHUNK = 50_000;

    private final MeterRegistry meters;
    private final JdbcClient jdbc;
    private final String file;

    KeyShipmentImport(MeterRegistry meters, JdbcClient jdbc, @Value("${meterguard.meters.import-file:}") String file) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.stream()
                .anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
            throw new IllegalStateException("key shipment " + path + " is readable by others (" + permissions
                    + "); make it owner-only (chmod 600) before importing");
        }
        long started = System.nanoTime();
        Set<Long> known = Set.copyOf(
                jdbc.sql("SELECT system_title FROM meter").query(Long.class).list());
        int imported = 0;
        int line = 1;
        List<NewMeter> chunk = new ArrayList<>(CHUNK);
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.US_ASCII)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new IllegalArgumentException(
                        "key shipment " + path + ": the first line must be '" + HEADER + "', found '" + header + "'");
            }
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                line++;
                NewMeter meter = parse(path, line, row);
                if (!known.contains(meter.systemTitle().value())) {
                    chunk.add(meter);
                }
                if (chunk.size() == CHUNK) {
                    imported += meters.registerAll(chunk);
                    chunk.clear();
                }
            }
        }
        imported += meters.registerAll(chunk);
        log.info(
                "Imported {} meters from the key shipment {} in {} ms ({} already registered)",
                imported,
                path,
                (System.nanoTime() - started) / 1_000_000,
                line - 1 - imported);
    }

    private static NewMeter parse(Path path, int line, String row) {
        String[] fields = row.split(",", -1);
        try {
            if (fields.length != 5) {
                throw new IllegalArgumentException("expected 5 fields, found " + fields.length);
            }
            if (MeterModels.layoutOf(fields[2]).isEmpty()) {
                throw new IllegalArgumentException("unknown meter model '" + fields[2] + "'");
            }
            HexFormat hex = HexFormat.of();
            return new NewMeter(
                    MeterId.of(fields[0]),
                    SystemTitle.parse(fields[1]),
                    fields[2],
                    CipheringKeys.of(hex.parseHex(fields[3]), hex.parseHex(fields[4])));
        } catch (IllegalArgumentException e) {
            // The message never repeats the row: it holds keys.
            throw new IllegalArgumentException("key shipment " + path + " line " + line + ": "
                    + e.getMessage().replaceAll("[0-9a-fA-F]{8,}", "…"));
        }
    }
}
