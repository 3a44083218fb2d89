package org.meterguard.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.MeterId;
import org.meterguard.core.TimeRange;
import org.meterguard.server.keys.DataKey;
import org.meterguard.server.keys.KeyEncryptionKey;
import org.meterguard.server.keys.WrappedKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' accounts: their sealed contact details, and their occupancy of service points, from which the
 * periods of meter data each account may see follow.
 */
@Service
public class Accounts {
    private final JdbcClient jdbc;
    private final KeyEncryptionKey kek;

    Accounts(JdbcClient jdbc, KeyEncryptionKey kek) {
        this.jdbc = jdbc;
        this.kek = kek;
    }

    /** Opens an account with its contact details, sealed under a new data key of its own. */
    @Transactional
    public void open(String accountId, AccountClass accountClass, Contact contact, Instant openedAt) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("an account needs an id");
        }
        jdbc.sql("INSERT INTO customer_account (account_id, account_class, opened_at) VALUES (?, ?, ?)")
                .params(accountId, accountClass.name(), Timestamp.from(openedAt))
                .update();
        DataKey key = DataKey.generate();
        WrappedKey wrapped = key.wrapFor(kek, owner(accountId));
        jdbc.sql("INSERT INTO account_data_key (account_id, kek_id, wrapped_key) VALUES (?, ?, ?)")
                .params(accountId, wrapped.kekId(), wrapped.blob())
                .update();
        writeContact(accountId, key, contact, false);
    }

    /** Replaces an account's contact details. */
    @Transactional
    public void updateContact(String accountId, Contact contact) {
        DataKey key = dataKey(accountId)
                .orElseThrow(() -> new AccountRuleViolated("account " + accountId + " has been shredded"));
        writeContact(accountId, key, contact, true);
    }

    private void writeContact(String accountId, DataKey key, Contact contact, boolean replace) {
        byte[] name = key.seal(contact.name(), field(accountId, "name"));
        byte[] address = key.seal(contact.postalAddress(), field(accountId, "postal_address"));
        byte[] email =
                contact.email().map(e -> key.seal(e, field(accountId, "email"))).orElse(null);
        byte[] phone =
                contact.phone().map(p -> key.seal(p, field(accountId, "phone"))).orElse(null);
        jdbc.sql(
                        replace
                                ? "UPDATE customer_contact SET name = ?, postal_address = ?, email = ?, phone = ?,"
                                        + " updated_at = now() WHERE account_id = ?"
                                : "INSERT INTO customer_contact (name, postal_address, email, phone, account_id)"
                                        + " VALUES (?, ?, ?, ?, ?)")
                .params(name, address, email, phone, accountId)
                .update();
    }

    /** The account's contact details; empty once shredded (or never recorded). */
    public Optional<Contact> contact(String accountId) {
        Optional<DataKey> key = dataKey(accountId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name, postal_address, email, phone FROM customer_contact WHERE account_id = ?")
                .param(accountId)
                .query((rs, n) -> new Contact(
                        key.get().open(rs.getBytes(1), field(accountId, "name")),
                        key.get().open(rs.getBytes(2), field(accountId, "postal_address")),
                        openOptional(key.get(), rs.getBytes(3), field(accountId, "email")),
                        openOptional(key.get(), rs.getBytes(4), field(accountId, "phone"))))
                .optional();
    }

    private static String openOptional(DataKey key, byte[] sealed, String context) {
        return sealed == null ? null : key.open(sealed, context);
    }

    private Optional<DataKey> dataKey(String accountId) {
        return jdbc.sql("SELECT kek_id, wrapped_key FROM account_data_key WHERE account_id = ?")
                .param(accountId)
                .query((rs, n) ->
                        DataKey.unwrap(kek, new WrappedKey(rs.getString(1), rs.getBytes(2)), owner(accountId)))
                .optional();
    }

    /** The account's class of service, if the account exists. */
    public Optional<AccountClass> accountClass(String accountId) {
        return jdbc.sql("SELECT account_class FROM customer_account WHERE account_id = ?")
                .param(accountId)
                .query((rs, n) -> AccountClass.valueOf(rs.getString(1)))
                .optional();
    }

    /** Closes an account: it keeps its data until retention removes it. */
    @Transactional
    public void close(String accountId, Instant at) {
        int closed = jdbc.sql("UPDATE customer_account SET closed_at = ? WHERE account_id = ? AND closed_at IS NULL")
                .params(Timestamp.from(at), accountId)
                .update();
        if (closed != 1) {
            throw new AccountRuleViolated("account " + accountId + " is unknown or already closed");
        }
    }

    /**
     * Crypto-shreds an account's personal details: the sealed values and the data key that sealed them are
     * deleted, so no copy anywhere (backups included) can be opened again. Returns whether there was anything.
     */
    @Transactional
    public boolean shred(String accountId) {
        int contacts = jdbc.sql("DELETE FROM customer_contact WHERE account_id = ?")
                .param(accountId)
                .update();
        int keys = jdbc.sql("DELETE FROM account_data_key WHERE account_id = ?")
                .param(accountId)
                .update();
        return contacts + keys > 0;
    }

    /** Moves {@code accountId} in at {@code servicePointId} from {@code at}; refused while another occupies it. */
    @Transactional
    public void moveIn(String accountId, String servicePointId, Instant at) {
        jdbc.sql("SELECT 1 FROM service_point WHERE service_point_id = ? FOR UPDATE")
                .param(servicePointId)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new AccountRuleViolated("unknown service point " + servicePointId));
        Long overlapping = jdbc.sql("""
                        SELECT count(*) FROM occupancy
                         WHERE service_point_id = ? AND (move_out IS NULL OR move_out > ?)""")
                .params(servicePointId, Timestamp.from(at))
                .query(Long.class)
                .single();
        if (overlapping > 0) {
            throw new AccountRuleViolated("service point " + servicePointId + " is occupied at or after " + at
                    + "; the previous occupant must move out first");
        }
        jdbc.sql("INSERT INTO occupancy (account_id, service_point_id, move_in) VALUES (?, ?, ?)")
                .params(accountId, servicePointId, Timestamp.from(at))
                .update();
    }

    /** Moves {@code accountId} out of {@code servicePointId} at {@code at}. */
    @Transactional
    public void moveOut(String accountId, String servicePointId, Instant at) {
        int closed = jdbc.sql("""
                        UPDATE occupancy SET move_out = ?
                         WHERE account_id = ? AND service_point_id = ? AND move_out IS NULL AND move_in < ?""")
                .params(Timestamp.from(at), accountId, servicePointId, Timestamp.from(at))
                .update();
        if (closed != 1) {
            throw new AccountRuleViolated(
                    "account " + accountId + " does not occupy " + servicePointId + " before " + at);
        }
    }

    /** True where the account was ever opened (closed and shredded accounts included). */
    public boolean exists(String accountId) {
        return jdbc.sql("SELECT 1 FROM customer_account WHERE account_id = ?")
                .param(accountId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** The account's occupancies, oldest first. */
    public List<Occupancy> occupancies(String accountId) {
        return jdbc.sql("SELECT account_id, service_point_id, move_in, move_out FROM occupancy WHERE account_id = ?"
                        + " ORDER BY move_in")
                .param(accountId)
                .query((rs, n) -> new Occupancy(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(4)).map(Timestamp::toInstant)))
                .list();
    }

    /**
     * The meter data the account may see: each span where it occupied a service point while a meter measured
     * that point, oldest first. Nothing before its move-in, nothing after its move-out.
     */
    public List<MeteredPeriod> meteredPeriods(String accountId) {
        List<MeteredPeriod> periods = new ArrayList<>();
        jdbc.sql("""
                        SELECT o.service_point_id, i.meter_id,
                               greatest(o.move_in, i.installed_at) AS from_at,
                               least(coalesce(o.move_out, '9999-12-31 00:00:00+00'), coalesce(i.removed_at, '9999-12-31 00:00:00+00')) AS to_at,
                               m.time_zone
                          FROM occupancy o
                          JOIN meter_installation i ON i.service_point_id = o.service_point_id
                          LEFT JOIN meter m ON m.meter_id = i.meter_id
                         WHERE o.account_id = ?
                           AND i.installed_at < coalesce(o.move_out, '9999-12-31 00:00:00+00')
                           AND coalesce(i.removed_at, '9999-12-31 00:00:00+00') > o.move_in
                         ORDER BY from_at""").param(accountId).query(rs -> {
            periods.add(period(accountId, rs));
        });
        return periods;
    }

    private static MeteredPeriod period(String accountId, ResultSet rs) throws SQLException {
        return new MeteredPeriod(
                accountId,
                rs.getString("service_point_id"),
                MeterId.of(rs.getString("meter_id")),
                new TimeRange(
                        rs.getTimestamp("from_at").toInstant(),
                        rs.getTimestamp("to_at").toInstant()),
                rs.getString("time_zone") == null ? null : ZoneId.of(rs.getString("time_zone")));
    }

    private static String owner(String accountId) {
        return "account:" + accountId;
    }

    private static String field(String accountId, String field) {
        return "account:" + accountId + ":" + field;
    }
}
