package org.meterguard.server.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.Channel;
import org.meterguard.core.retention.DataCategory;
import org.meterguard.core.retention.RetentionAction;
import org.meterguard.core.retention.RetentionPlan;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.audit.AuditLog;
import org.meterguard.server.database.MonthPartitions;
import org.meterguard.server.readings.DaysChanged;
import org.meterguard.server.readings.MonthRollups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the retention policy. {@link #dryRun} reports each step with the rows it would remove; {@link #run}
 * executes each step in a transaction of its own and appends one audit entry per step (and per shredded account)
 * saying what was removed, by whom and under which period.
 */
@Service
public class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final Short[] VOLTAGE_CHANNELS = {
        Channel.VOLTAGE_L1.code(), Channel.VOLTAGE_L2.code(), Channel.VOLTAGE_L3.code()
    };
    private static final Short[] ENERGY_CHANNELS = {
        Channel.ACTIVE_ENERGY_IMPORT.code(), Channel.ACTIVE_ENERGY_EXPORT.code()
    };
    private static final String JOB = "retention-job";

    private final RetentionProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Accounts accounts;
    private final AuditLog audit;
    private final MonthPartitions partitions;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Retention(
            RetentionProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Accounts accounts,
            AuditLog audit,
            MonthPartitions partitions,
            ApplicationEventPublisher events) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.accounts = accounts;
        this.audit = audit;
        this.partitions = partitions;
        this.events = events;
        properties.policy();
    }

    @Scheduled(cron = "${meterguard.retention.schedule:0 30 3 * * *}")
    void scheduled() {
        if (properties.enabled()) {
            List<RetentionStep> steps = run(clock.instant(), JOB, "SYSTEM");
            log.info("Retention: {}", steps);
        }
    }

    /** What a run at {@code now} would remove, changing nothing. */
    public List<RetentionStep> dryRun(Instant now) {
        List<RetentionStep> steps = new ArrayList<>();
        for (RetentionAction action : plan(now)) {
            steps.add(new RetentionStep(action.category(), action.describe(), count(action), false));
        }
        return steps;
    }

    /** Applies the policy at {@code now}, for {@code actor} holding {@code role} (the job itself, or staff). */
    public List<RetentionStep> run(Instant now, String actor, String role) {
        List<RetentionStep> steps = new ArrayList<>();
        for (RetentionAction action : plan(now)) {
            long affected = transactions.execute(status -> execute(action, actor, role));
            steps.add(new RetentionStep(action.category(), action.describe(), affected, true));
            if (affected > 0 || action instanceof RetentionAction.DropPartition) {
                audit.append(entry(actor, role, action, "removed " + affected));
            }
            if (affected > 0 && isIntervalDay(action)) {
                events.publishEvent(DaysChanged.everything());
            }
        }
        return steps;
    }

    private List<RetentionAction> plan(Instant now) {
        List<RetentionPlan.Partition> existing = jdbc.sql("""
                        SELECT parent.relname, child.relname FROM pg_inherits
                          JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                          JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                         WHERE parent.relname IN ('interval_day', 'meter_event', 'register_read')""")
                .query((rs, n) -> partition(rs.getString(1), rs.getString(2)))
                .list();
        return RetentionPlan.plan(properties.policy(), now, existing);
    }

    private static RetentionPlan.Partition partition(String parent, String child) {
        String suffix = child.substring(parent.length() + 1);
        return new RetentionPlan.Partition(
                parent,
                YearMonth.of(Integer.parseInt(suffix.substring(0, 4)), Integer.parseInt(suffix.substring(5, 7))));
    }

    private long count(RetentionAction action) {
        if (action instanceof RetentionAction.DropPartition drop) {
            return jdbc.sql("SELECT count(*) FROM " + drop.partition())
                    .query(Long.class)
                    .single();
        }
        if (action instanceof RetentionAction.DeleteRows delete) {
            return jdbc.sql("SELECT count(*) FROM " + partitionOf(delete) + " WHERE day < ? AND channel = ANY(?)")
                    .params(delete.before(), channelsOf(delete.category()))
                    .query(Long.class)
                    .single();
        }
        if (action instanceof RetentionAction.ShredAccounts shred) {
            return accountsToShred(shred).size();
        }
        RetentionAction.DeleteReceivedFrames frames = (RetentionAction.DeleteReceivedFrames) action;
        return jdbc.sql("SELECT count(*) FROM received_frame WHERE received_at < ?")
                .param(Timestamp.from(frames.before()))
                .query(Long.class)
                .single();
    }

    private long execute(RetentionAction action, String actor, String role) {
        if (action instanceof RetentionAction.DropPartition drop) {
            long rows = count(drop);
            jdbc.sql("DROP TABLE " + drop.partition()).update();
            partitions.forget(MonthPartitions.Table.valueOf(drop.table().toUpperCase()), drop.month());
            if (isIntervalDay(drop)) {
                jdbc.sql("DELETE FROM interval_months WHERE month = ?")
                        .param(drop.month().atDay(1))
                        .update();
            }
            return rows;
        }
        if (action instanceof RetentionAction.DeleteRows delete) {
            if (isIntervalDay(delete)) {
                // The month's rolled-up hours held the deleted days too: stale, so its remaining days are read from
                // their day rows until the job rolls them up again (or removes the row, when none remain). Not
                // deleted: a rolled-up month without a row means one without data.
                jdbc.sql("UPDATE interval_months SET " + MonthRollups.STALE + " WHERE month = ? AND channel = ANY(?)")
                        .params(delete.month().atDay(1), channelsOf(delete.category()))
                        .update();
            }
            return jdbc.sql("DELETE FROM " + partitionOf(delete) + " WHERE day < ? AND channel = ANY(?)")
                    .params(delete.before(), channelsOf(delete.category()))
                    .update();
        }
        if (action instanceof RetentionAction.ShredAccounts shred) {
            List<String> shredded = accountsToShred(shred);
            for (String account : shredded) {
                accounts.shred(account);
                audit.append(new AuditEvent(
                        clock.instant(),
                        actor,
                        role,
                        "retention-shred",
                        "account/" + account + "/contact",
                        "account:" + account,
                        "DATA_MINIMIZATION",
                        "personal information " + properties.personalInformation() + " after closure",
                        "EXECUTED",
                        "",
                        "data key and sealed contact details deleted"));
            }
            return shredded.size();
        }
        RetentionAction.DeleteReceivedFrames frames = (RetentionAction.DeleteReceivedFrames) action;
        return jdbc.sql("DELETE FROM received_frame WHERE received_at < ?")
                .param(Timestamp.from(frames.before()))
                .update();
    }

    private List<String> accountsToShred(RetentionAction.ShredAccounts shred) {
        return jdbc.sql("""
                        SELECT a.account_id FROM customer_account a
                          JOIN account_data_key k ON k.account_id = a.account_id
                         WHERE a.closed_at < ? ORDER BY a.account_id""")
                .param(Timestamp.from(shred.closedBefore()))
                .query(String.class)
                .list();
    }

    /** The table an action removes rows from; empty for actions on other records. */
    private static String tableOf(RetentionAction action) {
        if (action instanceof RetentionAction.DropPartition drop) {
            return drop.table();
        }
        if (action instanceof RetentionAction.DeleteRows delete) {
            return delete.table();
        }
        return "";
    }

    private static boolean isIntervalDay(RetentionAction action) {
        return MonthPartitions.Table.INTERVAL_DAY.sqlName().equals(tableOf(action));
    }

    private static String partitionOf(RetentionAction.DeleteRows delete) {
        return new RetentionAction.DropPartition(delete.category(), delete.table(), delete.month()).partition();
    }

    private static Short[] channelsOf(DataCategory category) {
        return category == DataCategory.VOLTAGE ? VOLTAGE_CHANNELS : ENERGY_CHANNELS;
    }

    private AuditEvent entry(String actor, String role, RetentionAction action, String detail) {
        return new AuditEvent(
                clock.instant(),
                actor,
                role,
                "retention-" + action.getClass().getSimpleName(),
                action.describe(),
                "",
                "DATA_MINIMIZATION",
                action.category() + " kept " + properties.policy().periodOf(action.category()),
                "EXECUTED",
                "",
                detail);
    }
}
