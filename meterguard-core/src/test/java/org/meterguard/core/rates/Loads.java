package org.meterguard.core.rates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.ToLongFunction;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/** Interval data defined by local wall-clock time, and plans from YAML text, for hand-computed bills. */
final class Loads {
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    static final IntervalGrid GRID = IntervalGrid.QUARTER_HOURLY;

    private Loads() {}

    /**
     * Rows for every quarter-hour from local date {@code from} to {@code to} (excluded) and a day either side:
     * import {@code importWh(local start)}, and export where {@code exportWh} is not null.
     */
    static IntervalRows rows(
            String from, String to, ToLongFunction<LocalDateTime> importWh, ToLongFunction<LocalDateTime> exportWh) {
        IntervalRows.Builder rows = IntervalRows.builder(MeterId.of("MG-000001"), GRID);
        Instant end = LocalDate.parse(to).plusDays(1).atStartOfDay(PACIFIC).toInstant();
        for (Instant t =
                        LocalDate.parse(from).minusDays(1).atStartOfDay(PACIFIC).toInstant();
                t.isBefore(end);
                t = t.plusSeconds(900)) {
            LocalDateTime local = LocalDateTime.ofInstant(t, PACIFIC);
            rows.put(Channel.ACTIVE_ENERGY_IMPORT, t, importWh.applyAsLong(local), ReadingQuality.VALID);
            if (exportWh != null) {
                rows.put(Channel.ACTIVE_ENERGY_EXPORT, t, exportWh.applyAsLong(local), ReadingQuality.VALID);
            }
        }
        return rows.build();
    }

    /** 250 Wh a quarter-hour (1 kW) from 16:00 to 21:00 local time every day, 100 Wh (0.4 kW) otherwise. */
    static long eveningPeak(LocalDateTime local) {
        return local.getHour() >= 16 && local.getHour() < 21 ? 250 : 100;
    }

    static RatePlan plan(String yaml) {
        return RatePlanYaml.plan(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test.yaml",
                RatePlanYaml.builtInHolidayCalendars());
    }

    static BillingPeriod period(String from, String to) {
        return new BillingPeriod(LocalDate.parse(from), LocalDate.parse(to));
    }
}
