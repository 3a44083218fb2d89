package org.meterguard.server.vee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;
import org.meterguard.core.MeterId;
import org.meterguard.core.vee.Edit;
import org.meterguard.core.vee.Finding;
import org.meterguard.core.vee.IntervalSeries;
import org.meterguard.core.vee.LocalDay;
import org.meterguard.core.vee.RegisterRead;
import org.meterguard.core.vee.TypicalProfile;
import org.meterguard.core.vee.Vee;
import org.meterguard.core.vee.VeeContext;
import org.meterguard.core.vee.VeeResult;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.ReadingStore;
import org.meterguard.server.readings.Revision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs validation and estimation over one meter's channel for one local day, and applies people's edits. The
 * stored UTC-day rows covering the local day are locked, the day's series built from them, the rules run
 * ({@link Vee#run}), and every changed slot written back: qualities (raw to valid or questionable) as they are,
 * estimates and edits with revisions that keep what they replaced, and one audit entry per change set.
 */
@Service
public class Validation {
    private static final String CUMULATIVE_IMPORT = "1.0.1.8.0.255";
    private static final int WATT_HOURS = 30;

    private final ReadingStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MonthPartitions partitions;
    private final AuditLog audit;
    private final VeeProperties properties;
    private final Vee vee = Vee.standard();

    Validation(
            ReadingStore store,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            MonthPartitions partitions,
            AuditLog audit,
            VeeProperties properties) {
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.partitions = partitions;
        this.audit = audit;
        this.properties = properties;
    }

    /** The meter's local time zone. */
    public ZoneId zoneOf(MeterId meter) {
        return jdbc.sql("SELECT time_zone FROM meter WHERE meter_id = ?")
                .param(meter.value())
                .query(String.class)
                .optional()
                .map(ZoneId::of)
                .orElse(properties.defaultTimeZone());
    }

    /** Validates and estimates one local day of one meter's channel at {@code now}; returns what the rules did. */
    public VeeResult validate(MeterId meter, Channel channel, LocalDate localDate, Instant now) {
        LocalDay day = new LocalDay(zoneOf(meter), localDate, IntervalGrid.QUARTER_HOURLY.interval());
        partitions.ensure(MonthPartitions.Table.INTERVAL_DAY, utcDays(day.first(), day.end()));
        List<IntervalSeries> history = history(meter, channel, day);
        return transactions.execute(status -> {
            Map<LocalDate, IntervalDay> rows = lockRows(meter, channel, day.first(), day.end());
            IntervalSeries series = seriesOf(meter, channel, day, rows.values());
            VeeContext context = VeeContext.at(now).withRegisterReads(registerReads(meter, channel, day));
            if (!history.isEmpty()) {
                context = context.withProfile(TypicalProfile.fromHistory(history));
            }
            if (isEnergy(channel)) {
                context = context.withMaximum(properties.maximumEnergyPerInterval());
            }
            VeeResult result = vee.run(series, context);
            apply(meter, channel, result, rows);
            recordFindings(meter, channel, localDate, result.findings());
            if (!result.revisions().isEmpty()) {
                audit.append(change(
                        meter,
                        channel,
                        "vee-estimate",
                        "VEE",
                        "SYSTEM",
                        "",
                        result.revisions().size() + " intervals estimated on local day " + localDate));
            }
            return result;
        });
    }

    /**
     * Applies a person's edits to one meter's channel: each edited interval becomes EDITED, its previous value kept
     * in a revision naming the editor and reason, and the change recorded in the audit log under the editor.
     */
    public VeeResult edit(MeterId meter, Channel channel, List<Edit> edits, String role) {
        if (edits.isEmpty()) {
            throw new IllegalArgumentException("no edits given");
        }
        Instant first =
                edits.stream().map(Edit::intervalStart).min(Instant::compareTo).orElseThrow();
        Instant last =
                edits.stream().map(Edit::intervalStart).max(Instant::compareTo).orElseThrow();
        LocalDay firstDay = LocalDay.containing(first, zoneOf(meter), IntervalGrid.QUARTER_HOURLY.interval());
        LocalDay lastDay = LocalDay.containing(last, firstDay.zone(), firstDay.interval());
        partitions.ensure(MonthPartitions.Table.INTERVAL_DAY, utcDays(firstDay.first(), lastDay.end()));
        return transactions.execute(status -> {
            Map<LocalDate, IntervalDay> rows = lockRows(meter, channel, firstDay.first(), lastDay.end());
            IntervalSeries.Builder builder = IntervalSeries.builder(meter, channel, firstDay, lastDay);
            fill(builder, rows.values(), firstDay.first(), lastDay.end());
            VeeResult result = Vee.edit(builder.build(), edits);
            apply(meter, channel, result, rows);
            for (Edit edit : edits) {
                audit.append(change(
                        meter,
                        channel,
                        "edit-interval",
                        edit.editor(),
                        role,
                        edit.reason(),
                        "interval " + edit.intervalStart() + " set to " + edit.newValue()));
            }
            return result;
        });
    }

    private IntervalSeries seriesOf(MeterId meter, Channel channel, LocalDay day, Collection<IntervalDay> rows) {
        IntervalSeries.Builder builder = IntervalSeries.builder(meter, channel, day);
        fill(builder, rows, day.first(), day.end());
        return builder.build();
    }

    private static void fill(IntervalSeries.Builder builder, Collection<IntervalDay> rows, Instant from, Instant to) {
        for (IntervalDay row : rows) {
            for (int slot = 0; slot < row.slots(); slot++) {
                Instant start = row.startOf(slot);
                if (row.isFilled(slot) && !start.isBefore(from) && start.isBefore(to)) {
                    builder.put(row.reading(slot));
                }
            }
        }
    }

    /** Writes every slot of {@code result} that differs from the stored rows, creating rows for estimated days. */
    private void apply(MeterId meter, Channel channel, VeeResult result, Map<LocalDate, IntervalDay> rows) {
        IntervalSeries series = result.series();
        Map<LocalDate, IntervalDay> changed = new LinkedHashMap<>();
        Map<LocalDate, IntervalDay> created = new LinkedHashMap<>();
        for (int i = 0; i < series.size(); i++) {
            if (!series.isPresent(i)) {
                continue;
            }
            Instant start = series.start(i);
            LocalDate utcDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
            IntervalDay row = rows.get(utcDay);
            if (row == null) {
                row = created.computeIfAbsent(
                        utcDay, d -> new IntervalDay(meter, channel, IntervalGrid.QUARTER_HOURLY, d));
            }
            int slot = row.slotOf(start);
            if (!row.isFilled(slot) || row.value(slot) != series.value(i) || row.quality(slot) != series.quality(i)) {
                row.replace(slot, series.value(i), series.quality(i));
                if (!created.containsKey(utcDay)) {
                    changed.put(utcDay, row);
                }
            }
        }
        List<Revision> revisions = result.revisions().stream()
                .map(r -> Revision.of(meter, channel, r))
                .toList();
        store.replace(changed.values(), revisions);
        store.mergeDays(created.values());
    }

    private Map<LocalDate, IntervalDay> lockRows(MeterId meter, Channel channel, Instant from, Instant to) {
        Map<LocalDate, IntervalDay> rows = new LinkedHashMap<>();
        List<LocalDate> days = utcDays(from, to);
        for (IntervalDay row : store.days(meter, channel, days.get(0), days.get(days.size() - 1), true)) {
            if (row.grid().equals(IntervalGrid.QUARTER_HOURLY)) {
                rows.put(row.day(), row);
            }
        }
        return rows;
    }

    private List<IntervalSeries> history(MeterId meter, Channel channel, LocalDay day) {
        List<IntervalSeries> history = new ArrayList<>();
        LocalDay first = new LocalDay(day.zone(), day.date().minusDays(properties.profileDays()), day.interval());
        List<LocalDate> span = utcDays(first.first(), day.first());
        List<IntervalDay> rows = store.days(meter, channel, span.get(0), span.get(span.size() - 1), false);
        for (LocalDay d = first; d.date().isBefore(day.date()); d = d.next()) {
            IntervalSeries series = seriesOf(meter, channel, d, rows);
            if (series.readings().size() > 0) {
                history.add(series);
            }
        }
        return history;
    }

    /** The cumulative import register's reads within the day, in Wh, where the meter reported them in Wh. */
    private List<RegisterRead> registerReads(MeterId meter, Channel channel, LocalDay day) {
        if (channel != Channel.ACTIVE_ENERGY_IMPORT) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT captured_at, value, scaler FROM register_read
                         WHERE meter_id = ? AND obis = ? AND unit = ? AND captured_at >= ? AND captured_at <= ?
                         ORDER BY captured_at""")
                .params(
                        meter.value(),
                        CUMULATIVE_IMPORT,
                        WATT_HOURS,
                        Timestamp.from(day.first()),
                        Timestamp.from(day.end()))
                .query((rs, n) -> {
                    BigDecimal wh = rs.getBigDecimal(2).scaleByPowerOfTen(rs.getInt(3));
                    return new RegisterRead(rs.getTimestamp(1).toInstant(), wh.longValueExact());
                })
                .list();
    }

    private void recordFindings(MeterId meter, Channel channel, LocalDate localDate, List<Finding> findings) {
        jdbc.sql("DELETE FROM vee_finding WHERE meter_id = ? AND channel = ? AND local_date = ?")
                .params(meter.value(), channel.code(), localDate)
                .update();
        for (Finding f : findings) {
            jdbc.sql("""
                            INSERT INTO vee_finding (meter_id, channel, local_date, rule, severity, interval_start,
                                                     intervals, detail)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            meter.value(),
                            channel.code(),
                            localDate,
                            f.rule(),
                            f.severity().name(),
                            Timestamp.from(f.intervalStart()),
                            f.intervals(),
                            f.detail())
                    .update();
        }
    }

    private static AuditEvent change(
            MeterId meter, Channel channel, String action, String actor, String role, String basis, String detail) {
        return new AuditEvent(
                Instant.now(),
                actor,
                role,
                action,
                "meter/" + meter + "/readings/" + channel,
                "meter:" + meter,
                "DATA_QUALITY",
                basis,
                "EXECUTED",
                "",
                detail);
    }

    private static boolean isEnergy(Channel channel) {
        return channel == Channel.ACTIVE_ENERGY_IMPORT || channel == Channel.ACTIVE_ENERGY_EXPORT;
    }

    static List<LocalDate> utcDays(Instant from, Instant toExclusive) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(toExclusive.minus(Duration.ofSeconds(1)), ZoneOffset.UTC);
        for (LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
