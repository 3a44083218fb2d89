package org.meterguard.server.headend.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.Channel;
import org.meterguard.server.alerts.Alert;
import org.meterguard.server.alerts.Alerts;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.readings.IntervalDay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches meters for signs of tampering and theft: heard through an unexpected collector, silent past their
 * schedule, tamper events in their logs, and neither consumption nor export while voltage is present (a bypass;
 * a solar site that exports is not one). Raises
 * alerts; never refuses data because of them.
 */
@Component
class MeterWatch {
    private static final Logger log = LoggerFactory.getLogger(MeterWatch.class);
    /** Two hours of 15-minute intervals with voltage and no consumption at all. */
    static final int ZERO_WITH_VOLTAGE_SLOTS = 8;

    private final MeterRegistry meters;
    private final Collectors collectors;
    private final Alerts alerts;
    private final JdbcClient jdbc;

    MeterWatch(MeterRegistry meters, Collectors collectors, Alerts alerts, JdbcClient jdbc) {
        this.meters = meters;
        this.collectors = collectors;
        this.alerts = alerts;
        this.jdbc = jdbc;
    }

    /** A frame of a meter arrived through {@code collector} (null: directly). */
    void heard(Incoming frame, String collector) {
        String home = meters.heard(frame.meter(), collector, Instant.now());
        if (collector != null && home != null && !home.equals(collector)) {
            collectors.heardElsewhere(frame.meter(), collector, home);
        }
    }

    /** A frame was stored: look at its readings. */
    void stored(Incoming.Fresh frame) {
        zeroConsumptionWithVoltage(frame);
    }

    /** Events stored for the first time (re-sent ones are not): tamper signs among them become alerts. */
    void eventsStored(List<BatchWriter.StoredEvent> events) {
        for (BatchWriter.StoredEvent stored : events) {
            MeterEventRecord event = stored.event();
            TamperEvent.of(event)
                    .ifPresent(tamper -> collectors.later(() -> alerts.raise(
                            tamper.name(),
                            tamper.severity(),
                            "meter:" + stored.meterId(),
                            "meter " + stored.meterId() + " logged " + event.kind() + " (event code " + event.code()
                                    + ") at " + event.occurredAt(),
                            event.occurredAt())));
        }
    }

    private void zeroConsumptionWithVoltage(Incoming.Fresh frame) {
        Map<java.time.LocalDate, IntervalDay> imports = new HashMap<>();
        Map<java.time.LocalDate, IntervalDay> exports = new HashMap<>();
        Map<java.time.LocalDate, IntervalDay> volts = new HashMap<>();
        for (IntervalDay day : frame.content().days()) {
            if (day.channel() == Channel.ACTIVE_ENERGY_IMPORT) {
                imports.put(day.day(), day);
            } else if (day.channel() == Channel.ACTIVE_ENERGY_EXPORT) {
                exports.put(day.day(), day);
            } else if (day.channel() == Channel.VOLTAGE_L1) {
                volts.put(day.day(), day);
            }
        }
        imports.forEach((date, energy) -> {
            IntervalDay voltage = volts.get(date);
            IntervalDay export = exports.get(date);
            if (voltage == null || voltage.slots() != energy.slots()) {
                return;
            }
            int run = 0;
            for (int slot = 0; slot < energy.slots(); slot++) {
                boolean suspicious = energy.isFilled(slot)
                        && voltage.isFilled(slot)
                        && energy.value(slot) == 0
                        && (export == null || !export.isFilled(slot) || export.value(slot) == 0)
                        && voltage.value(slot) > 0;
                run = suspicious ? run + 1 : 0;
                if (run == ZERO_WITH_VOLTAGE_SLOTS) {
                    collectors.later(() -> alerts.raise(
                            "ZERO_CONSUMPTION_WITH_VOLTAGE",
                            Alert.Severity.WARNING,
                            "meter:" + frame.meter().meterId(),
                            "meter " + frame.meter().meterId() + " recorded no consumption for "
                                    + ZERO_WITH_VOLTAGE_SLOTS + " intervals on " + date
                                    + " while voltage was present (possible bypass)",
                            Instant.now()));
                    return;
                }
            }
        });
    }

    /** Writes when meters were last heard (in memory until then, to keep it off the frame path). */
    @Scheduled(fixedDelay = 5_000)
    void flushHeard() {
        try {
            meters.flushHeard();
        } catch (RuntimeException e) {
            log.warn("Could not record when meters were last heard: {}", e.getMessage());
        }
    }

    /**
     * Alerts once on each meter silent for twice its push interval (a scan of the meter table, so once a minute by
     * default, {@code meterguard.headend.silence-check}; not again while that alert is open).
     */
    @Scheduled(
            fixedDelayString = "${meterguard.headend.silence-check:PT1M}",
            initialDelayString = "${meterguard.headend.silence-check:PT1M}")
    void checkSilence() {
        try {
            jdbc.sql("""
                            SELECT m.meter_id, m.last_heard_at FROM meter m
                             WHERE m.last_heard_at < now() - make_interval(secs => 2 * m.expected_push_seconds)
                               AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.kind = 'METER_SILENT'
                                                  AND a.subject = 'meter:' || m.meter_id AND a.closed_at IS NULL)""")
                    .query((rs, n) ->
                            Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                    .list()
                    .forEach(silent -> alerts.raise(
                            "METER_SILENT",
                            Alert.Severity.WARNING,
                            "meter:" + silent.getKey(),
                            "meter " + silent.getKey() + " has not been heard since " + silent.getValue()
                                    + ", twice its push interval",
                            Instant.now()));
        } catch (RuntimeException e) {
            log.warn("Could not check for silent meters: {}", e.getMessage());
        }
    }
}
