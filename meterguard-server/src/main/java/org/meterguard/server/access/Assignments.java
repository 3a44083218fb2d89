package org.meterguard.server.access;

import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.StaffRole;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.TrainingRecord;
import org.meterguard.server.accounts.Occupants;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff are assigned: representatives' territories (operating zones) and queues (accounts), the ACLs on
 * accounts; and each member of staff's privacy training. Every change is audited.
 */
@Service
public class Assignments {
    private final JdbcClient jdbc;
    private final Occupants occupants;
    private final ChangeRecorder recorder;

    Assignments(JdbcClient jdbc, Occupants occupants, ChangeRecorder recorder) {
        this.jdbc = jdbc;
        this.occupants = occupants;
        this.recorder = recorder;
    }

    /** Adds {@code zone} to the territory of representative {@code username}. */
    @Transactional
    public void assignTerritory(String username, String zone, Authentication caller, String clientAddress) {
        requireRole(username, StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        requireText("zone", zone);
        jdbc.sql("INSERT INTO staff_territory (username, zone) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(username, zone)
                .update();
        recorder.record(
                caller,
                clientAddress,
                "assign-territory",
                "staff/" + username + "/territories/" + zone,
                "user:" + username,
                "zone " + zone);
    }

    /** Removes {@code zone} from the territory of {@code username}. */
    @Transactional
    public void withdrawTerritory(String username, String zone, Authentication caller, String clientAddress) {
        int removed = jdbc.sql("DELETE FROM staff_territory WHERE username = ? AND zone = ?")
                .params(username, zone)
                .update();
        if (removed == 0) {
            throw new AccessRuleViolated("zone " + zone + " is not in the territory of " + username);
        }
        recorder.record(
                caller,
                clientAddress,
                "withdraw-territory",
                "staff/" + username + "/territories/" + zone,
                "user:" + username,
                "zone " + zone);
    }

    /** Puts account {@code accountId} in the queue of representative {@code username}. */
    @Transactional
    public void assignAccount(String username, String accountId, Authentication caller, String clientAddress) {
        requireRole(username, StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE);
        if (!occupants.accountExists(accountId)) {
            throw new AccessRuleViolated("no account " + accountId);
        }
        jdbc.sql("INSERT INTO staff_queue (username, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(username, accountId)
                .update();
        recorder.record(
                caller,
                clientAddress,
                "assign-account",
                "staff/" + username + "/queue/" + accountId,
                "account:" + accountId,
                "queued for " + username);
    }

    /** Takes account {@code accountId} out of the queue of {@code username}. */
    @Transactional
    public void withdrawAccount(String username, String accountId, Authentication caller, String clientAddress) {
        int removed = jdbc.sql("DELETE FROM staff_queue WHERE username = ? AND account_id = ?")
                .params(username, accountId)
                .update();
        if (removed == 0) {
            throw new AccessRuleViolated("account " + accountId + " is not in the queue of " + username);
        }
        recorder.record(
                caller,
                clientAddress,
                "withdraw-account",
                "staff/" + username + "/queue/" + accountId,
                "account:" + accountId,
                "no longer queued for " + username);
    }

    /** Records (or replaces) the privacy training of {@code username}. */
    @Transactional
    public void recordTraining(String username, TrainingRecord training, Authentication caller, String clientAddress) {
        store(username, training, caller.getName());
        recorder.record(
                caller,
                clientAddress,
                "record-training",
                "staff/" + username + "/training",
                "user:" + username,
                "completed " + training.completedOn() + ", valid until " + training.validUntil());
    }

    /** Records the privacy training of {@code username} as the system {@code actor} (e.g. a first start). */
    @Transactional
    public void recordTraining(String username, TrainingRecord training, String actor) {
        store(username, training, actor);
        recorder.recordBySystem(
                actor,
                "record-training",
                "staff/" + username + "/training",
                "user:" + username,
                "completed " + training.completedOn() + ", valid until " + training.validUntil());
    }

    private void store(String username, TrainingRecord training, String recordedBy) {
        requireRole(username, null);
        jdbc.sql("""
                        INSERT INTO privacy_training (username, completed_on, valid_until, recorded_by)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (username) DO UPDATE SET completed_on = excluded.completed_on,
                            valid_until = excluded.valid_until, recorded_by = excluded.recorded_by, recorded_at = now()""")
                .params(username, Date.valueOf(training.completedOn()), Date.valueOf(training.validUntil()), recordedBy)
                .update();
    }

    /** The privacy training on record for {@code username}. */
    public Optional<TrainingRecord> training(String username) {
        return jdbc.sql("SELECT completed_on, valid_until FROM privacy_training WHERE username = ?")
                .param(username)
                .query((rs, n) -> new TrainingRecord(
                        rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()))
                .optional();
    }

    /**
     * True where every one of {@code accounts} (at least one) is in the queue of {@code username} or was served
     * during {@code period} in a zone of their territory.
     */
    public boolean coversAll(String username, List<String> accounts, TimeRange period) {
        if (accounts.isEmpty()) {
            return false;
        }
        List<String> territory = jdbc.sql("SELECT zone FROM staff_territory WHERE username = ?")
                .param(username)
                .query(String.class)
                .list();
        for (String account : accounts) {
            boolean queued = jdbc.sql("SELECT count(*) FROM staff_queue WHERE username = ? AND account_id = ?")
                            .params(username, account)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!queued && occupants.zonesOf(account, period).stream().noneMatch(territory::contains)) {
                return false;
            }
        }
        return true;
    }

    /** Fails unless {@code username} is a member of staff (holding {@code role}, when given). */
    void requireRole(String username, StaffRole role) {
        String held = jdbc.sql("SELECT role FROM staff_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new AccessRuleViolated("no member of staff '" + username + "'"));
        if (role != null && !role.name().equals(held)) {
            throw new AccessRuleViolated("'" + username + "' is a " + held + ", not a " + role);
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new AccessRuleViolated("missing " + name);
        }
    }
}
