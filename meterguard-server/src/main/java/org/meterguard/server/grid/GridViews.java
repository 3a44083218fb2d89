package org.meterguard.server.grid;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;
import org.meterguard.core.grid.Outage;
import org.meterguard.core.grid.Outages;
import org.meterguard.core.grid.PowerEvent;
import org.meterguard.core.grid.ReliabilityIndices;
import org.meterguard.core.grid.ServiceVoltageRanges;
import org.meterguard.core.grid.VoltageExcursion;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads outages, reliability, voltage and diagnostics from the store. Outages come from the meters' own power-down
 * and power-up events (standard event codes 1 and 2); an outage is listed when it overlaps the period asked for.
 */
@Service
public class GridViews {
    static final int POWER_DOWN = 1;
    static final int POWER_UP = 2;
    private static final Duration LOOKBACK = Duration.ofDays(7);
    private static final List<Channel> PHASES = List.of(Channel.VOLTAGE_L1, Channel.VOLTAGE_L2, Channel.VOLTAGE_L3);

    private final JdbcClient jdbc;
    private final ReadingStore store;

    GridViews(JdbcClient jdbc, ReadingStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** The meter's outages overlapping {@code period}; an outage that began up to a week before is found too. */
    public List<MeterOutage> outages(MeterId meter, TimeRange period, Instant asOf) {
        Map<String, List<PowerEvent>> events = powerEvents(List.of(meter.value()), period);
        return outagesOf(meter.value(), events.getOrDefault(meter.value(), List.of()), period, asOf).outages().stream()
                .map(o -> MeterOutage.of(meter.value(), o, asOf))
                .toList();
    }

    /** Outages and reliability indices on a feeder ({@code feeder:NAME}) or in a zone ({@code zone:NAME}). */
    public AreaReliability reliability(String area, TimeRange period, Instant asOf) {
        List<String> meters = metersIn(area, period.to());
        if (meters.isEmpty()) {
            throw new IllegalArgumentException("no meters are installed on " + area);
        }
        Map<String, List<PowerEvent>> events = powerEvents(meters, period);
        List<Outage> all = new ArrayList<>();
        List<MeterOutage> listed = new ArrayList<>();
        int unmatched = 0;
        for (String meter : meters) {
            Outages outages = outagesOf(meter, events.getOrDefault(meter, List.of()), period, asOf);
            unmatched += outages.unmatchedRestorations();
            all.addAll(outages.outages());
            outages.outages().forEach(o -> listed.add(MeterOutage.of(meter, o, asOf)));
        }
        Instant end = asOf.isBefore(period.to()) ? asOf : period.to();
        return new AreaReliability(
                area, ReliabilityIndices.of(all, meters.size(), period.from(), end), listed, unmatched);
    }

    /** The meter's voltage against ANSI C84.1 for the nominal voltage of the service point it is installed at. */
    public VoltageReport voltage(MeterId meter, TimeRange period) {
        ServiceVoltageRanges ranges = ServiceVoltageRanges.forNominal(nominalVoltage(meter, period.to()));
        Map<String, Map<ServiceVoltageRanges.Band, Long>> counts = new LinkedHashMap<>();
        Map<String, List<VoltageExcursion>> excursions = new LinkedHashMap<>();
        for (Channel phase : PHASES) {
            List<IntervalReading> readings = store.read(meter, phase, period);
            if (readings.isEmpty()) {
                continue;
            }
            Map<ServiceVoltageRanges.Band, Long> bands = new EnumMap<>(ServiceVoltageRanges.Band.class);
            for (ServiceVoltageRanges.Band band : ServiceVoltageRanges.Band.values()) {
                bands.put(band, 0L);
            }
            readings.forEach(r -> bands.merge(ranges.classify(r.value()), 1L, Long::sum));
            counts.put(phase.name(), bands);
            excursions.put(phase.name(), VoltageExcursion.find(readings, intervalSeconds(readings), ranges));
        }
        return new VoltageReport(meter.value(), ranges, counts, excursions);
    }

    /** The meter's diagnostic, tamper and configuration events in {@code period}, newest first. */
    public List<DiagnosticFlag> diagnostics(MeterId meter, TimeRange period) {
        return jdbc.sql("""
                        SELECT occurred_at, event_log, code, coalesce(kind, '') FROM meter_event
                         WHERE meter_id = ? AND occurred_at >= ? AND occurred_at < ? AND code NOT IN (?, ?)
                         ORDER BY occurred_at DESC""")
                .params(meter.value(), ts(period.from()), ts(period.to()), POWER_DOWN, POWER_UP)
                .query((rs, n) -> new DiagnosticFlag(
                        rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3), rs.getString(4)))
                .list();
    }

    private static Outages outagesOf(String meter, List<PowerEvent> events, TimeRange period, Instant asOf) {
        Outages all = Outages.of(events);
        List<Outage> overlapping = all.outages().stream()
                .filter(o ->
                        o.start().isBefore(period.to()) && o.end().orElse(asOf).isAfter(period.from()))
                .toList();
        return new Outages(overlapping, all.unmatchedRestorations());
    }

    private Map<String, List<PowerEvent>> powerEvents(List<String> meters, TimeRange period) {
        Map<String, List<PowerEvent>> events = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT meter_id, occurred_at, code FROM meter_event
                         WHERE meter_id = ANY(?) AND code IN (?, ?) AND occurred_at >= ? AND occurred_at < ?
                         ORDER BY meter_id, occurred_at""")
                .params(
                        meters.toArray(String[]::new),
                        POWER_DOWN,
                        POWER_UP,
                        ts(period.from().minus(LOOKBACK)),
                        ts(period.to()))
                .query(rs -> {
                    Instant at = rs.getTimestamp(2).toInstant();
                    events.computeIfAbsent(rs.getString(1), m -> new ArrayList<>())
                            .add(rs.getInt(3) == POWER_DOWN ? PowerEvent.down(at) : PowerEvent.up(at));
                });
        return events;
    }

    private List<String> metersIn(String area, Instant at) {
        String column;
        if (area.startsWith("feeder:")) {
            column = "p.feeder";
        } else if (area.startsWith("zone:")) {
            column = "p.zone";
        } else {
            throw new IllegalArgumentException("area '" + area + "' must be feeder:NAME or zone:NAME");
        }
        return jdbc.sql("SELECT i.meter_id FROM meter_installation i JOIN service_point p"
                        + " ON p.service_point_id = i.service_point_id WHERE " + column + " = ?"
                        + " AND i.installed_at < ? AND (i.removed_at IS NULL OR i.removed_at >= ?) ORDER BY i.meter_id")
                .params(area.substring(area.indexOf(':') + 1), ts(at), ts(at))
                .query(String.class)
                .list();
    }

    private int nominalVoltage(MeterId meter, Instant at) {
        return jdbc.sql("""
                        SELECT p.nominal_voltage FROM meter_installation i
                          JOIN service_point p ON p.service_point_id = i.service_point_id
                         WHERE i.meter_id = ? AND i.installed_at < ? ORDER BY i.installed_at DESC LIMIT 1""")
                .params(meter.value(), ts(at))
                .query(Integer.class)
                .optional()
                .orElse(120);
    }

    private static long intervalSeconds(List<IntervalReading> readings) {
        if (readings.size() < 2) {
            return 900;
        }
        long smallest = Long.MAX_VALUE;
        for (int i = 1; i < readings.size(); i++) {
            smallest = Math.min(
                    smallest,
                    Duration.between(
                                    readings.get(i - 1).start(), readings.get(i).start())
                            .getSeconds());
        }
        return smallest;
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
