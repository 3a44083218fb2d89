package org.meterguard.server.headend.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.meterguard.dlms.RegisterValue;
import org.meterguard.server.database.CopyBinary;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.meters.MeterKey;
import org.meterguard.server.meters.MeterRegistry;
import org.meterguard.server.meters.MeterRegistry.CounterAdvance;
import org.meterguard.server.meters.MeterRegistry.KeyRef;
import org.meterguard.server.readings.IntervalDay;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of frames in one transaction (group commit): counters rise, frames are recorded by their tags,
 * readings merge into their days by COPY, events are kept; or nothing happens at all. Each frame's outcome is
 * decided inside that transaction: a fresh frame whose counter rises is ACCEPTED; a frame whose counter does not
 * rise is a DUPLICATE when a stored frame had the same counter and tag, else REPLAYED. The decision depends only
 * on the batch and the database, so a batch whose commit failed can be written again as it is: what the failed
 * attempt did commit now shows up as duplicates, and nothing is stored twice.
 */
@Component
class BatchWriter {
    /** What became of one frame. */
    enum Outcome {
        ACCEPTED,
        DUPLICATE,
        REPLAYED
    }

    private final MeterRegistry meters;
    private final ReadingStore store;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final MeterWatch watch;
    private final MonthPartitions partitions;

    BatchWriter(
            MeterWatch watch,
            MonthPartitions partitions,
            MeterRegistry meters,
            ReadingStore store,
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transactions) {
        this.meters = meters;
        this.store = store;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.watch = watch;
        this.partitions = partitions;
    }

    /** Writes {@code batch} and returns each frame's outcome, in order; the cache learns the new marks after commit. */
    Outcome[] write(List<Incoming> batch) {
        ensurePartitions(batch);
        Plan plan = transactions.execute(status -> writeInTransaction(batch));
        plan.advanced.forEach(meters::committed);
        watch.eventsStored(plan.newEvents);
        return plan.outcomes;
    }

    /** Creates the month partitions the batch needs, each in its own transaction, before the batch's own begins. */
    private void ensurePartitions(List<Incoming> batch) {
        Set<LocalDate> days = new HashSet<>();
        Set<LocalDate> eventDays = new HashSet<>();
        Set<LocalDate> registerDays = new HashSet<>();
        for (Incoming incoming : batch) {
            if (incoming instanceof Incoming.Fresh fresh) {
                fresh.content().days().forEach(day -> days.add(day.day()));
                fresh.content().events().forEach(e -> eventDays.add(utcDay(e.occurredAt())));
                fresh.content().registers().forEach(r -> registerDays.add(utcDay(r.capturedAt())));
            }
        }
        partitions.ensure(MonthPartitions.Table.INTERVAL_DAY, days);
        partitions.ensure(MonthPartitions.Table.METER_EVENT, eventDays);
        partitions.ensure(MonthPartitions.Table.REGISTER_READ, registerDays);
    }

    private static LocalDate utcDay(java.time.Instant at) {
        return LocalDate.ofInstant(at, java.time.ZoneOffset.UTC);
    }

    private record Plan(Outcome[] outcomes, Map<KeyRef, Long> advanced, List<StoredEvent> newEvents) {}

    /** An event stored for the first time (a re-sent one is not), for the tamper watch. */
    record StoredEvent(String meterId, MeterEventRecord event) {}

    private Plan writeInTransaction(List<Incoming> batch) {
        Outcome[] outcomes = new Outcome[batch.size()];
        Map<KeyRef, List<Integer>> freshByKey = new LinkedHashMap<>();
        List<Integer> stale = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) instanceof Incoming.Fresh fresh) {
                List<Integer> sameKey = freshByKey.computeIfAbsent(
                        new KeyRef(fresh.meter().systemTitle().value(), fresh.keyVersion()), k -> new ArrayList<>());
                if (sameKey.isEmpty()
                        || counter(batch, sameKey.get(sameKey.size() - 1))
                                < fresh.counter().value()) {
                    sameKey.add(i);
                    continue;
                }
            }
            stale.add(i);
        }
        Map<KeyRef, Long> advanced = advanceCounters(batch, freshByKey, stale);
        List<Incoming.Fresh> accepted = new ArrayList<>();
        freshByKey
                .values()
                .forEach(indices -> indices.forEach(i -> {
                    outcomes[i] = Outcome.ACCEPTED;
                    accepted.add((Incoming.Fresh) batch.get(i));
                }));
        classifyStale(batch, stale, outcomes);
        recordFrames(accepted);
        store.mergeDays(mergedDays(accepted));
        List<StoredEvent> newEvents = storeEvents(accepted);
        storeRegisters(accepted);
        return new Plan(outcomes, advanced, newEvents);
    }

    /**
     * Raises every key version's mark over its frames in one statement; a key whose mark is already at or above
     * its lowest frame is examined alone, its non-rising frames moved to {@code stale}.
     */
    private Map<KeyRef, Long> advanceCounters(
            List<Incoming> batch, Map<KeyRef, List<Integer>> freshByKey, List<Integer> stale) {
        List<CounterAdvance> advances = new ArrayList<>(freshByKey.size());
        freshByKey.forEach((key, indices) -> {
            Incoming.Fresh first = (Incoming.Fresh) batch.get(indices.get(0));
            advances.add(new CounterAdvance(
                    first.meter().meterId(),
                    first.meter().systemTitle(),
                    key.version(),
                    counter(batch, indices.get(0)),
                    counter(batch, indices.get(indices.size() - 1)),
                    pending(first)));
        });
        for (KeyRef stuck : meters.advanceCounters(advances)) {
            List<Integer> indices = freshByKey.get(stuck);
            Incoming.Fresh first = (Incoming.Fresh) batch.get(indices.get(0));
            long mark = meters.lockHighWater(first.meter().meterId(), stuck.version());
            List<Integer> rising = new ArrayList<>();
            for (int i : indices) {
                (counter(batch, i) > mark ? rising : stale).add(i);
            }
            indices.retainAll(rising);
            if (!rising.isEmpty()) {
                meters.setHighWater(
                        first.meter().meterId(), stuck.version(), counter(batch, rising.get(rising.size() - 1)));
            }
        }
        Map<KeyRef, Long> advanced = new HashMap<>();
        freshByKey.forEach((key, indices) -> {
            if (!indices.isEmpty()) {
                advanced.put(key, counter(batch, indices.get(indices.size() - 1)));
            }
        });
        freshByKey.values().removeIf(List::isEmpty);
        return advanced;
    }

    /** True when the frame's key version was PENDING in the registry when the frame was verified. */
    private static boolean pending(Incoming.Fresh frame) {
        for (MeterKey key : frame.meter().acceptedKeys()) { // once per key version and batch: no stream here
            if (key.version() == frame.keyVersion() && key.status() == MeterKey.Status.PENDING) {
                return true;
            }
        }
        return false;
    }

    /** A stale frame whose counter and tag are on record (or accepted earlier in this batch) is a duplicate. */
    private void classifyStale(List<Incoming> batch, List<Integer> stale, Outcome[] outcomes) {
        if (stale.isEmpty()) {
            return;
        }
        Map<String, GcmTag> known = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == Outcome.ACCEPTED) {
                known.put(identity(batch.get(i)), batch.get(i).tag());
            }
        }
        Long[] titles = new Long[stale.size()];
        Long[] counters = new Long[stale.size()];
        for (int j = 0; j < stale.size(); j++) {
            titles[j] = batch.get(stale.get(j)).meter().systemTitle().value();
            counters[j] = batch.get(stale.get(j)).counter().value();
        }
        jdbc.sql("""
                        SELECT f.system_title, f.invocation_counter, f.gcm_tag FROM received_frame f
                          JOIN unnest(?::bigint[], ?::bigint[]) AS s(system_title, invocation_counter)
                            ON f.system_title = s.system_title AND f.invocation_counter = s.invocation_counter""").params(titles, counters).query(rs -> {
            known.putIfAbsent(rs.getLong(1) + ":" + rs.getLong(2), GcmTag.ofBytes(rs.getBytes(3)));
        });
        for (int i : stale) {
            GcmTag stored = known.get(identity(batch.get(i)));
            outcomes[i] = batch.get(i).tag().equals(stored) ? Outcome.DUPLICATE : Outcome.REPLAYED;
        }
    }

    private static String identity(Incoming frame) {
        return frame.meter().systemTitle().value() + ":" + frame.counter().value();
    }

    private void recordFrames(List<Incoming.Fresh> accepted) {
        CopyBinary rows = new CopyBinary(accepted.size());
        for (Incoming.Fresh frame : accepted) {
            rows.row(6)
                    .int8(frame.meter().systemTitle().value())
                    .int4(frame.keyVersion())
                    .int8(frame.counter().value())
                    .bytea(frame.tag().bytes())
                    .text(frame.collector())
                    .timestamptz(frame.receivedAt());
        }
        copy(rows, """
                COPY received_frame (system_title, key_version, invocation_counter, gcm_tag, collector_id, received_at)
                FROM STDIN (FORMAT binary)""");
    }

    private static List<IntervalDay> mergedDays(List<Incoming.Fresh> accepted) {
        Map<IntervalDay.Key, IntervalDay> days = new HashMap<>();
        for (Incoming.Fresh frame : accepted) {
            for (IntervalDay day : frame.content().days()) {
                IntervalDay existing = days.putIfAbsent(day.key(), day);
                if (existing != null) {
                    existing.fillFrom(day);
                }
            }
        }
        return new ArrayList<>(days.values());
    }

    private List<StoredEvent> storeEvents(List<Incoming.Fresh> accepted) {
        CopyBinary rows = new CopyBinary(16);
        for (Incoming.Fresh frame : accepted) {
            for (MeterEventRecord event : frame.content().events()) {
                rows.row(5)
                        .text(frame.meter().meterId().value())
                        .timestamptz(event.occurredAt())
                        .text(event.eventLog())
                        .int4(event.code())
                        .text(event.kind());
            }
        }
        if (rows.rows() == 0) {
            return List.of();
        }
        jdbc.sql("""
                        CREATE TEMP TABLE IF NOT EXISTS incoming_event (
                            meter_id text, occurred_at timestamptz, event_log text, code integer, kind text)
                            ON COMMIT DELETE ROWS""").update();
        copy(rows, "COPY incoming_event (meter_id, occurred_at, event_log, code, kind) FROM STDIN (FORMAT binary)");
        return jdbc.sql("""
                        INSERT INTO meter_event (meter_id, occurred_at, event_log, code, kind)
                        SELECT DISTINCT meter_id, occurred_at, event_log, code, kind FROM incoming_event
                        ON CONFLICT DO NOTHING
                        RETURNING meter_id, occurred_at, event_log, code, kind""")
                .query((rs, n) -> new StoredEvent(
                        rs.getString(1),
                        new MeterEventRecord(
                                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4), rs.getString(5))))
                .list();
    }

    /** Stores the batch's register reads in one statement; a read already stored (a re-sent frame) is kept as it was. */
    private void storeRegisters(List<Incoming.Fresh> accepted) {
        List<String> meters = new ArrayList<>();
        List<String> obis = new ArrayList<>();
        List<String> captured = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        List<Short> scalers = new ArrayList<>();
        List<Short> units = new ArrayList<>();
        for (Incoming.Fresh frame : accepted) {
            for (RegisterValue read : frame.content().registers()) {
                meters.add(frame.meter().meterId().value());
                obis.add(read.obis().toString());
                captured.add(read.capturedAt().toString());
                values.add(read.value());
                scalers.add((short) read.scaler());
                units.add((short) read.unit());
            }
        }
        if (meters.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO register_read (meter_id, obis, captured_at, value, scaler, unit)
                        SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::bigint[], ?::smallint[],
                                             ?::smallint[])
                        ON CONFLICT DO NOTHING""")
                .params(
                        meters.toArray(String[]::new),
                        obis.toArray(String[]::new),
                        captured.toArray(String[]::new),
                        values.toArray(Long[]::new),
                        scalers.toArray(Short[]::new),
                        units.toArray(Short[]::new))
                .update();
    }

    private void copy(CopyBinary rows, String sql) {
        rows.copyInto(dataSource, sql);
    }

    private static long counter(List<Incoming> batch, int index) {
        return batch.get(index).counter().value();
    }
}
