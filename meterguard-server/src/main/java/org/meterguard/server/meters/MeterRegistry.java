package org.meterguard.server.meters;

import java.util.List;
import java.util.Optional;
import org.meterguard.core.MeterId;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.InvocationCounter;
import org.meterguard.dlms.KeyAccess;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.keys.KeyEncryptionKey;
import org.meterguard.server.keys.WrappedKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers meters and finds them by system title. Keys are wrapped under the key-encryption key before they
 * reach the database and unwrapped only here, for the head-end.
 */
@Service
public class MeterRegistry {
    private final JdbcClient jdbc;
    private final KeyEncryptionKey kek;

    MeterRegistry(JdbcClient jdbc, KeyEncryptionKey kek) {
        this.jdbc = jdbc;
        this.kek = kek;
    }

    /** Registers a meter with its first key version; fails when the id or system title is taken. */
    @Transactional
    public void register(MeterId meterId, SystemTitle systemTitle, String model, CipheringKeys keys) {
        jdbc.sql("INSERT INTO meter (meter_id, system_title, model) VALUES (?, ?, ?)")
                .params(meterId.value(), systemTitle.value(), model)
                .update();
        WrappedKey wrapped = kek.wrap(concat(keys), owner(meterId, 1));
        jdbc.sql("INSERT INTO meter_key (meter_id, key_version, kek_id, wrapped_keys) VALUES (?, 1, ?, ?)")
                .params(meterId.value(), wrapped.kekId(), wrapped.blob())
                .update();
    }

    /** The meter with this system title and its newest key, or empty when no such meter is registered. */
    public Optional<RegisteredMeter> findBySystemTitle(SystemTitle systemTitle) {
        return jdbc.sql("""
                        SELECT m.meter_id, m.model, k.key_version, k.kek_id, k.wrapped_keys, k.invocation_counter
                          FROM meter m JOIN meter_key k USING (meter_id)
                         WHERE m.system_title = ?
                         ORDER BY k.key_version DESC LIMIT 1""")
                .param(systemTitle.value())
                .query((rs, n) -> {
                    MeterId id = MeterId.of(rs.getString("meter_id"));
                    int version = rs.getInt("key_version");
                    WrappedKey wrapped = new WrappedKey(rs.getString("kek_id"), rs.getBytes("wrapped_keys"));
                    long counter = rs.getLong("invocation_counter");
                    return new RegisteredMeter(
                            id,
                            systemTitle,
                            rs.getString("model"),
                            version,
                            split(kek.unwrap(wrapped, owner(id, version))),
                            counter < 0 ? null : new InvocationCounter(counter));
                })
                .optional();
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

    /**
     * Raises the meter's invocation-counter high-water mark to {@code counter}, in the caller's transaction.
     * Returns false, changing nothing, when the counter does not rise: the frame is a replay. Because the check
     * and the raise are one conditional update, two copies of a frame racing each other cannot both pass.
     */
    @Transactional
    public boolean advanceInvocationCounter(MeterId meterId, int keyVersion, InvocationCounter counter) {
        return jdbc.sql("""
                        UPDATE meter_key SET invocation_counter = ?
                         WHERE meter_id = ? AND key_version = ? AND invocation_counter < ?""")
                        .params(counter.value(), meterId.value(), keyVersion, counter.value())
                        .update()
                == 1;
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
        java.util.Arrays.fill(ek, (byte) 0);
        java.util.Arrays.fill(ak, (byte) 0);
        return both;
    }

    private static CipheringKeys split(byte[] both) {
        try {
            return CipheringKeys.of(
                    java.util.Arrays.copyOfRange(both, 0, 16), java.util.Arrays.copyOfRange(both, 16, 32));
        } finally {
            java.util.Arrays.fill(both, (byte) 0);
        }
    }
}
