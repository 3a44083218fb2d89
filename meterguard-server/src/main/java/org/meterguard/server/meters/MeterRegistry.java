package org.meterguard.server.meters;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.meterguard.core.MeterId;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.KeyAccess;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.database.CopyBinary;
import org.meterguard.server.keys.KeyEncryptionKey;
import org.meterguard.server.keys.WrappedKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers meters and finds them by system title for the head-end. Keys are wrapped under the key-encryption key
 * before they reach the database and unwrapped only here. The head-end's view (meter, accepted keys, counter
 * high-water marks) is cached in memory, loaded in one pass at start and on a miss, so that a frame costs no
 * database round trip; the database stays authoritative for counters (see {@link #advanceCounters}).
 */
@Service
public class MeterRegistry {
    private static final Logger log = LoggerFactory.getLogger(MeterRegistry.class);
    private static final long UNKNOWN_TTL_NANOS = 10_000_000_000L;
    private static final int UNKNOWN_CACHE_LIMIT = 100_000;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final KeyEncryptionKey kek;
    /**
     * Transactions are begun here rather than by {@code @Transactional}, so that Spring does not proxy the registry:
     * the head-end's network threads call it for every frame (lookups, counters, last heard), and a proxy's call of
     * an unadvised method went through reflection (measured: 16 % of those threads' time in the end-to-end run).
     */
    private final TransactionTemplate transactions;

    private final Map<Long, RegisteredMeter> byTitle = new ConcurrentHashMap<>();
    private final Map<Long, Long> unknownUntil = new ConcurrentHashMap<>();
    private final Map<KeyRef, Long> highWater = new ConcurrentHashMap<>();
    private final Map<MeterId, Heard> heard = new ConcurrentHashMap<>();

    MeterRegistry(JdbcClient jdbc, DataSource dataSource, KeyEncryptionKey kek, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dataSource = dataSource;
        this.kek = kek;
    }

    /** A meter to register: identity, model and its first keys. */
    public record NewMeter(MeterId meterId, SystemTitle systemTitle, String model, CipheringKeys keys) {}

    /** A key version of a meter, as counters are kept. */
    public record KeyRef(long systemTitle, int version) {}

    /**
     * What a batch of accepted frames does to one key version's counter: every frame's counter lies within
     * {@code [lowest, highest]}, and all must rise above the stored high-water mark. {@code pending} is true when
     * the frames were verified against the version while this registry knew it as PENDING: only then can their
     * commit be the version's first use, which retires the version it replaces. (The registry learns that a version
     * is ACTIVE only from the database, so a version it knows as ACTIVE is never PENDING there.)
     */
    public record CounterAdvance(
            MeterId meterId, SystemTitle systemTitle, int keyVersion, long lowest, long highest, boolean pending) {}

    /** Registers a meter with its first key version; fails when the id or system title is taken. */
    public void register(MeterId meterId, SystemTitle systemTitle, String model, CipheringKeys keys) {
        registerAll(List.of(new NewMeter(meterId, systemTitle, model, keys)));
    }

    /** Registers many meters in one transaction with COPY (a manufacturer's key shipment, a benchmark fleet). */
    public int registerAll(List<NewMeter> meters) {
        return transactions.execute(status -> {
            CopyBinary meterRows = new CopyBinary(meters.size());
            CopyBinary keyRows = new CopyBinary(meters.size());
            for (NewMeter meter : meters) {
                meterRows
                        .row(3)
                        .text(meter.meterId().value())
                        .int8(meter.systemTitle().value())
                        .text(meter.model());
                WrappedKey wrapped = kek.wrap(concat(meter.keys()), owner(meter.meterId(), 1));
                keyRows.row(5)
                        .text(meter.meterId().value())
                        .int4(1)
                        .text(wrapped.kekId())
                        .bytea(wrapped.blob())
                        .text("ACTIVE");
            }
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                meterRows.copyInto(connection, "COPY meter (meter_id, system_title, model) FROM STDIN (FORMAT binary)");
                keyRows.copyInto(
                        connection,
                        "COPY meter_key (meter_id, key_version, kek_id, wrapped_keys, status) FROM STDIN (FORMAT binary)");
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "could not register " + meters.size() + " meters: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            for (NewMeter meter : meters) {
                unknownUntil.remove(meter.systemTitle().value());
                byTitle.put(
                        meter.systemTitle().value(),
                        new RegisteredMeter(
                                meter.meterId(),
                                meter.systemTitle(),
                                meter.model(),
                                null,
                                List.of(new MeterKey(1, MeterKey.Status.ACTIVE, meter.keys()))));
            }
            return meters.size();
        });
    }

    /**
     * Issues a new key version for a meter, PENDING until the meter first uses it, and returns the new keys for
     * delivery to the meter. The current version stays accepted meanwhile.
     *
     * @throws IllegalStateException when the meter already has a pending version, or does not exist
     */
    public RotatedKeys rotateKeys(MeterId meterId) {
        return transactions.execute(status -> {
            Integer newest = jdbc.sql("SELECT max(key_version) FROM meter_key WHERE meter_id = ?")
                    .param(meterId.value())
                    .query(Integer.class)
                    .single();
            if (newest == null) {
                throw new IllegalStateException("no meter " + meterId + " to rotate keys for");
            }
            boolean pending = jdbc.sql("SELECT count(*) FROM meter_key WHERE meter_id = ? AND status = 'PENDING'")
                            .param(meterId.value())
                            .query(Long.class)
                            .single()
                    > 0;
            if (pending) {
                throw new IllegalStateException("meter " + meterId + " already has a pending key version; it becomes"
                        + " active when the meter uses it");
            }
            int version = newest + 1;
            CipheringKeys keys = CipheringKeys.generate(RANDOM);
            WrappedKey wrapped = kek.wrap(concat(keys), owner(meterId, version));
            jdbc.sql("""
                            INSERT INTO meter_key (meter_id, key_version, kek_id, wrapped_keys, status)
                            VALUES (?, ?, ?, ?, 'PENDING')""")
                    .params(meterId.value(), version, wrapped.kekId(), wrapped.blob())
                    .update();
            forget(meterId);
            return new RotatedKeys(version, keys);
        });
    }

    /** A new key version and its keys, to be delivered to the meter. */
    public record RotatedKeys(int version, CipheringKeys keys) {}

    /**
     * The meter with this system title and its accepted keys, or empty when no such meter is registered. Served
     * from memory; a miss reads the database once (unknown titles are remembered briefly, so a flood of them does
     * not become a flood of queries).
     */
    public Optional<RegisteredMeter> findBySystemTitle(SystemTitle systemTitle) {
        RegisteredMeter cached = byTitle.get(systemTitle.value());
        if (cached != null) {
            return Optional.of(cached);
        }
        Long until = unknownUntil.get(systemTitle.value());
        if (until != null && until - System.nanoTime() > 0) {
            return Optional.empty();
        }
        List<RegisteredMeter> found = load("m.system_title = ?", systemTitle.value());
        if (found.isEmpty()) {
            if (unknownUntil.size() > UNKNOWN_CACHE_LIMIT) {
                unknownUntil.clear();
            }
            unknownUntil.put(systemTitle.value(), System.nanoTime() + UNKNOWN_TTL_NANOS);
            return Optional.empty();
        }
        return Optional.of(found.get(0));
    }

    /** Loads every meter into memory in one pass; returns how many. */
    public int preload() {
        long started = System.nanoTime();
        int count = load("TRUE").size();
        log.info("Loaded {} meters for the head-end in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        return count;
    }

    /** The highest counter accepted under a key version, or -1 before its first frame. */
    public long highestAccepted(SystemTitle systemTitle, int keyVersion) {
        return highWater.getOrDefault(new KeyRef(systemTitle.value(), keyVersion), -1L);
    }

    /**
     * Raises the high-water marks of many key versions at once, in the caller's transaction, and makes a pending
     * version that is used ACTIVE (retiring the one it replaces). A mark rises only where every counter of the
     * advance lies above it; the refs that did not rise are returned for the caller to examine one by one: those
     * frames are replays or duplicates. The check and the raise are one conditional UPDATE, so two copies of a
     * frame racing each other cannot both pass.
     */
    public List<KeyRef> advanceCounters(List<CounterAdvance> advances) {
        return transactions.execute(status -> {
            if (advances.isEmpty()) {
                return List.of();
            }
            retireReplacedKeys(advances.stream().filter(CounterAdvance::pending).toList());
            int n = advances.size();
            String[] ids = new String[n];
            Integer[] versions = new Integer[n];
            Long[] lowest = new Long[n];
            Long[] highest = new Long[n];
            for (int i = 0; i < n; i++) {
                CounterAdvance a = advances.get(i);
                ids[i] = a.meterId().value();
                versions[i] = a.keyVersion();
                lowest[i] = a.lowest();
                highest[i] = a.highest();
            }
            List<String> risen = jdbc.sql("""
                            UPDATE meter_key k
                               SET invocation_counter = u.highest,
                                   status = 'ACTIVE',
                                   activated_at = CASE WHEN k.status = 'PENDING' THEN now() ELSE k.activated_at END
                              FROM unnest(?::text[], ?::int[], ?::bigint[], ?::bigint[])
                                   AS u(meter_id, key_version, lowest, highest)
                             WHERE k.meter_id = u.meter_id AND k.key_version = u.key_version
                               AND k.status <> 'RETIRED' AND k.invocation_counter < u.lowest
                         RETURNING k.meter_id || ':' || k.key_version""")
                    .params(ids, versions, lowest, highest)
                    .query(String.class)
                    .list();
            java.util.Set<String> rose = new java.util.HashSet<>(risen);
            List<KeyRef> stuck = new ArrayList<>();
            for (CounterAdvance a : advances) {
                if (!rose.contains(a.meterId().value() + ":" + a.keyVersion())) {
                    stuck.add(new KeyRef(a.systemTitle().value(), a.keyVersion()));
                }
            }
            return stuck;
        });
    }

    /**
     * Retires the active key of each meter whose pending version is now used (before that version becomes ACTIVE).
     * Only advances under a version known as PENDING can do that, and they are rare (a rotation's first frame).
     */
    private void retireReplacedKeys(List<CounterAdvance> pending) {
        if (pending.isEmpty()) {
            return;
        }
        String[] ids = pending.stream().map(a -> a.meterId().value()).toArray(String[]::new);
        Integer[] versions = pending.stream().map(CounterAdvance::keyVersion).toArray(Integer[]::new);
        jdbc.sql("""
                        UPDATE meter_key k SET status = 'RETIRED'
                          FROM unnest(?::text[], ?::int[]) AS u(meter_id, key_version)
                         WHERE k.meter_id = u.meter_id AND k.status = 'ACTIVE' AND k.key_version < u.key_version
                           AND EXISTS (SELECT 1 FROM meter_key p WHERE p.meter_id = u.meter_id
                                          AND p.key_version = u.key_version AND p.status = 'PENDING')""").params(ids, versions).update();
    }

    /**
     * The stored high-water mark of one key version, locked until the caller's transaction ends; -1 before its first
     * frame, and {@link Long#MAX_VALUE} (nothing rises above it) when the version is retired or unknown.
     */
    public long lockHighWater(MeterId meterId, int keyVersion) {
        return transactions.execute(status -> {
            return jdbc.sql("""
                            SELECT invocation_counter FROM meter_key
                             WHERE meter_id = ? AND key_version = ? AND status <> 'RETIRED' FOR UPDATE""")
                    .params(meterId.value(), keyVersion)
                    .query(Long.class)
                    .optional()
                    .orElse(Long.MAX_VALUE);
        });
    }

    /** Sets a locked mark (see {@link #lockHighWater}) to {@code counter}, in the caller's transaction. */
    public void setHighWater(MeterId meterId, int keyVersion, long counter) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE meter_key SET invocation_counter = ? WHERE meter_id = ? AND key_version = ?")
                    .params(counter, meterId.value(), keyVersion)
                    .update();
        });
    }

    /**
     * Tells the cache what a committed batch did: the mark of {@code ref} is now at least {@code counter}, and a
     * pending version that was used is now the active one.
     */
    public void committed(KeyRef ref, long counter) {
        highWater.merge(ref, counter, Math::max);
        RegisteredMeter meter = byTitle.get(ref.systemTitle());
        if (meter == null) {
            return;
        }
        boolean activated = false;
        for (MeterKey key : meter.acceptedKeys()) { // for every committed frame: no stream
            activated |= key.version() == ref.version() && key.status() == MeterKey.Status.PENDING;
        }
        if (activated) {
            List<MeterKey> keys = meter.acceptedKeys().stream()
                    .filter(k -> k.version() >= ref.version())
                    .map(k -> k.version() == ref.version()
                            ? new MeterKey(k.version(), MeterKey.Status.ACTIVE, k.keys())
                            : k)
                    .toList();
            byTitle.put(
                    ref.systemTitle(),
                    new RegisteredMeter(
                            meter.meterId(), meter.systemTitle(), meter.model(), meter.homeCollector(), keys));
            log.info("Meter {} now uses key version {}", meter.meterId(), ref.version());
        }
    }

    /**
     * Notes that a meter was heard through {@code collector} (null for a direct connection); kept in memory and
     * written by {@link #flushHeard}. Returns the meter's home collector before this, or null when it had none
     * (the first collector heard becomes its home).
     */
    public String heard(RegisteredMeter meter, String collector, Instant at) {
        heard.put(meter.meterId(), new Heard(collector, at));
        if (meter.homeCollector() == null && collector != null) {
            byTitle.computeIfPresent(meter.systemTitle().value(), (t, m) -> m.withHomeCollector(collector));
            return null;
        }
        return meter.homeCollector();
    }

    private record Heard(String collector, Instant at) {}

    /**
     * Writes when and through which collector each meter was last heard; returns how many meters. One statement for
     * all of them (after a fleet's push, hundreds of thousands), in a transaction of its own so that its join may use
     * more memory than a statement's default: at 4 MB the join of 200,000 meters spilled to temporary files. The
     * times go as microseconds since the epoch in a binary array rather than as text for PostgreSQL to parse.
     */
    public int flushHeard() {
        return transactions.execute(status -> {
            if (heard.isEmpty()) {
                return 0;
            }
            List<Map.Entry<MeterId, Heard>> entries = new ArrayList<>(heard.entrySet());
            entries.forEach(e -> heard.remove(e.getKey(), e.getValue()));
            // In key order the update walks the meter table and its index page by page instead of at random.
            entries.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(MeterId::value)));
            int n = entries.size();
            String[] ids = new String[n];
            String[] collectors = new String[n];
            long[] micros = new long[n];
            for (int i = 0; i < n; i++) {
                Heard heardAt = entries.get(i).getValue();
                ids[i] = entries.get(i).getKey().value();
                collectors[i] = heardAt.collector();
                micros[i] = CopyBinary.epochMicros(heardAt.at());
            }
            jdbc.sql("SET LOCAL work_mem = '64MB'").update();
            return jdbc.sql("""
                            UPDATE meter m
                               SET last_heard_at = GREATEST(m.last_heard_at, u.at),
                                   last_collector = COALESCE(u.collector, m.last_collector),
                                   home_collector = COALESCE(m.home_collector, u.collector)
                              FROM (SELECT x.meter_id, x.collector,
                                           timestamptz 'epoch' + x.micros * interval '1 microsecond' AS at
                                      FROM unnest(?::text[], ?::text[], ?::bigint[]) AS x(meter_id, collector, micros)) u
                             WHERE m.meter_id = u.meter_id""").params(ids, collectors, micros).update();
        });
    }

    /** True where a meter with this id is registered. */
    public boolean exists(MeterId meterId) {
        return jdbc.sql("SELECT count(*) FROM meter WHERE meter_id = ?")
                        .param(meterId.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** All registered meter ids, in order. */
    public List<MeterId> meterIds() {
        return jdbc.sql("SELECT meter_id FROM meter ORDER BY meter_id")
                .query((rs, n) -> MeterId.of(rs.getString(1)))
                .list();
    }

    /** Drops a meter from the cache so that its next frame reads it afresh. */
    private void forget(MeterId meterId) {
        byTitle.values().removeIf(m -> m.meterId().equals(meterId));
    }

    private List<RegisteredMeter> load(String where, Object... params) {
        Map<String, Loading> loading = new HashMap<>();
        jdbc.sql("SELECT m.meter_id, m.system_title, m.model, m.home_collector, k.key_version, k.status,"
                        + " k.kek_id, k.wrapped_keys, k.invocation_counter"
                        + " FROM meter m JOIN meter_key k USING (meter_id)"
                        + " WHERE k.status <> 'RETIRED' AND (" + where + ")"
                        + " ORDER BY m.meter_id, k.key_version")
                .params(params)
                .query(rs -> {
                    MeterId id = MeterId.of(rs.getString("meter_id"));
                    Loading meter = loading.computeIfAbsent(id.value(), k -> {
                        try {
                            return new Loading(
                                    id,
                                    new SystemTitle(rs.getLong("system_title")),
                                    rs.getString("model"),
                                    rs.getString("home_collector"));
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    int version = rs.getInt("key_version");
                    WrappedKey wrapped = new WrappedKey(rs.getString("kek_id"), rs.getBytes("wrapped_keys"));
                    meter.keys.add(new MeterKey(
                            version,
                            MeterKey.Status.valueOf(rs.getString("status")),
                            split(kek.unwrap(wrapped, owner(id, version)))));
                    highWater.merge(
                            new KeyRef(meter.title.value(), version), rs.getLong("invocation_counter"), Math::max);
                });
        List<RegisteredMeter> meters = new ArrayList<>(loading.size());
        for (Loading l : loading.values()) {
            List<MeterKey> keys = new ArrayList<>(l.keys);
            keys.sort((a, b) -> a.status() == b.status()
                    ? Integer.compare(a.version(), b.version())
                    : a.status() == MeterKey.Status.ACTIVE ? -1 : 1);
            RegisteredMeter meter = new RegisteredMeter(l.id, l.title, l.model, l.home, keys);
            byTitle.put(l.title.value(), meter);
            unknownUntil.remove(l.title.value());
            meters.add(meter);
        }
        return meters;
    }

    private static final class Loading {
        final MeterId id;
        final SystemTitle title;
        final String model;
        final String home;
        final List<MeterKey> keys = new ArrayList<>(2);

        Loading(MeterId id, SystemTitle title, String model, String home) {
            this.id = id;
            this.title = title;
            this.model = model;
            this.home = home;
        }
    }

    private static String owner(MeterId meterId, int version) {
        return "meter:" + meterId.value() + ":v" + version;
    }

    private static byte[] concat(CipheringKeys keys) {
        byte[] ek = keys.encryptionKey(KeyAccess.insecure());
        byte[] ak = keys.authenticationKey(KeyAccess.insecure());
        byte[] both = new byte[ek.length + ak.length];
        System.arraycopy(ek, 0, both, 0, ek.length);
        System.arraycopy(ak, 0, both, ek.length, ak.length);
        Arrays.fill(ek, (byte) 0);
        Arrays.fill(ak, (byte) 0);
        return both;
    }

    private static CipheringKeys split(byte[] both) {
        try {
            return CipheringKeys.of(Arrays.copyOfRange(both, 0, 16), Arrays.copyOfRange(both, 16, 32));
        } finally {
            Arrays.fill(both, (byte) 0);
        }
    }
}
