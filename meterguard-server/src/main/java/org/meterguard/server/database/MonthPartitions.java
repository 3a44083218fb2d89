package org.meterguard.server.database;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the month partitions of the tables partitioned by month ({@code interval_day}, {@code meter_event},
 * {@code register_read}) before rows for a new month arrive. There is no default partition, so a row can never
 * land where a later partition would conflict with it.
 *
 * <p>Each creation commits in its own short transaction: a partition created inside a writer's transaction would
 * vanish with its rollback, and would hold the parent table's exclusive lock (blocking every reader) until the
 * writer commits. Writers therefore ensure the months they are about to write <em>before</em> they touch the
 * parent table in their own transaction; a writer that forgets fails after a short lock timeout instead of
 * waiting forever on itself.
 */
@Component
public class MonthPartitions {
    /** The tables partitioned by month, by the name used in SQL. */
    public enum Table {
        INTERVAL_DAY("interval_day"),
        METER_EVENT("meter_event"),
        REGISTER_READ("register_read");

        private final String sqlName;

        Table(String sqlName) {
            this.sqlName = sqlName;
        }

        /** The table's name in SQL. */
        public String sqlName() {
            return sqlName;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    MonthPartitions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Ensures that {@code table} has a partition for the month of each of {@code days}. */
    public void ensure(Table table, Collection<LocalDate> days) {
        Set<YearMonth> missing = new TreeSet<>();
        for (LocalDate day : days) {
            YearMonth month = YearMonth.from(day);
            if (!known.contains(key(table, month))) {
                missing.add(month);
            }
        }
        missing.forEach(month -> create(table, month));
    }

    private synchronized void create(Table table, YearMonth month) {
        if (known.contains(key(table, month))) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
            // Two servers (or two writers) may create the same month at once: CREATE ... IF NOT EXISTS alone still
            // fails for the second, so creators take turns.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('mg_ensure_month_partition'))")
                    .query(Object.class)
                    .single();
            jdbc.sql("SELECT mg_ensure_month_partition(?, ?)")
                    .params(table.sqlName(), month.atDay(1))
                    .query(String.class)
                    .single();
        });
        known.add(key(table, month));
    }

    /** Forgets what it knows, after partitions were dropped (retention). */
    public void forget(Table table, YearMonth month) {
        known.remove(key(table, month));
    }

    private static String key(Table table, YearMonth month) {
        return table.sqlName() + '/' + month;
    }
}
