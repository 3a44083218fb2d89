package org.meterguard.server.vee;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.vee.LocalDay;
import org.meterguard.core.vee.VeeReport;
import org.meterguard.core.vee.VeeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds local days that hold raw (not yet validated) data and have ended, and validates each. A day is found
 * through any stored UTC-day row of it that still holds a raw slot, so late data makes its day be validated again.
 */
@Component
public class VeeJob {
    private static final Logger log = LoggerFactory.getLogger(VeeJob.class);
    private static final short RAW = 14;

    private final JdbcClient jdbc;
    private final Validation validation;
    private final VeeProperties properties;
    private final Clock clock = Clock.systemUTC();

    VeeJob(JdbcClient jdbc, Validation validation, VeeProperties properties) {
        this.jdbc = jdbc;
        this.validation = validation;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${meterguard.vee.schedule:PT15M}",
            initialDelayString = "${meterguard.vee.schedule:PT15M}")
    void scheduled() {
        if (properties.enabled()) {
            VeeReport report = runOnce(clock.instant());
            if (!report.meters().isEmpty()) {
                log.info(
                        "Validated {} meters: {} with gaps, {} with estimates, {} with failed checks",
                        report.meters().size(),
                        report.metersWithGaps().size(),
                        report.metersWithEstimates().size(),
                        report.metersWithFailedChecks().size());
            }
        }
    }

    /** Validates every ended local day with raw data within the look-back window; returns the report of the run. */
    public VeeReport runOnce(Instant now) {
        LocalDate since = LocalDate.ofInstant(now.minus(properties.lookback()), ZoneOffset.UTC);
        Map<MeterChannel, Set<LocalDate>> work = new LinkedHashMap<>();
        Map<MeterId, ZoneId> zones = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT meter_id, channel, day FROM interval_day
                         WHERE day >= ? AND (quality = ? OR (quality = -1 AND position(?::bytea IN qualities) > 0))
                         ORDER BY meter_id, channel, day""").params(since, RAW, new byte[] {RAW}).query(rs -> {
            MeterId meter = MeterId.of(rs.getString(1));
            Channel channel = Channel.ofCode(rs.getShort(2));
            ZoneId zone = zones.computeIfAbsent(meter, validation::zoneOf);
            LocalDate day = rs.getObject(3, LocalDate.class);
            Set<LocalDate> days = work.computeIfAbsent(new MeterChannel(meter, channel), k -> new LinkedHashSet<>());
            Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            days.add(LocalDate.ofInstant(start, zone));
            days.add(LocalDate.ofInstant(start.plusSeconds(86_399), zone));
        });
        List<VeeResult> results = new java.util.ArrayList<>();
        work.forEach((key, days) -> {
            for (LocalDate date : days) {
                LocalDay day = new LocalDay(zones.get(key.meter()), date, IntervalGrid.QUARTER_HOURLY.interval());
                if (!day.end().isAfter(now)) {
                    results.add(validation.validate(key.meter(), key.channel(), date, now));
                }
            }
        });
        return VeeReport.of(results);
    }

    private record MeterChannel(MeterId meter, Channel channel) {}
}
