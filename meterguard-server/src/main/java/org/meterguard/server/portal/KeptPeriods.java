package org.meterguard.server.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.MeteredPeriod;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each account's metered periods ({@link Accounts#meteredPeriods}: which meter measured it, when, in which zone) kept
 * in memory for the dashboard, so that a view from the kept daily totals needs no database round trip at all
 * (measured: that one query was about half of a daily view's CPU, PostgreSQL's and the JVM's together).
 *
 * <p>PostgreSQL says when they may have changed: triggers on {@code occupancy}, {@code meter_installation} and a
 * meter's time zone (V21) notify channel {@value #CHANNEL} when a change commits, whoever made it (this server,
 * another one, plain SQL). A thread listens on a connection of its own; each notice drops everything kept. Periods
 * read while a notice arrives are not kept: a notice advances a generation, and periods are kept only if the
 * generation is the one from before the read (checked after putting them, so a drop can never fall between the
 * check and the put). While the listening connection is not up (before it is first opened, after it broke), nothing
 * is kept and every view reads the database; when it comes up, everything kept before is dropped, since notices
 * sent meanwhile are lost.
 *
 * <p>The one window: between a change's commit and the arrival of its notice (milliseconds), a view may still use
 * the periods from before the change, as a view that had begun just before it would.
 */
@Component
class KeptPeriods implements SmartLifecycle {
    static final String CHANNEL = "mg_metered_periods";
    /** The listening session's name in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "meterguard-period-notices";

    private static final Logger log = LoggerFactory.getLogger(KeptPeriods.class);
    private static final int POLL_MILLIS = 1_000;
    private static final int CHECK_EVERY_POLLS = 10;
    private static final long RETRY_MILLIS = 1_000;

    private final Function<String, List<MeteredPeriod>> reader;
    private final DataSource dataSource;
    private final Cache<String, List<MeteredPeriod>> kept;
    private final AtomicLong generation = new AtomicLong();

    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;

    /** Reports the cache's size, hits, misses and evictions as {@code cache.*} meters named {@code portal.metered-periods}. */
    @Autowired
    KeptPeriods(
            Accounts accounts,
            DataSource dataSource,
            PortalProperties properties,
            ObjectProvider<io.micrometer.core.instrument.MeterRegistry> metrics) {
        this(accounts::meteredPeriods, dataSource, properties.keptAccounts());
        metrics.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, kept, "portal.metered-periods"));
    }

    /** {@code dataSource} null: no listener; {@link #connected()} and {@link #dropAll()} are then called by hand. */
    KeptPeriods(Function<String, List<MeteredPeriod>> reader, DataSource dataSource, long accounts) {
        this.reader = reader;
        this.dataSource = dataSource;
        this.kept = Caffeine.newBuilder().maximumSize(accounts).recordStats().build();
    }

    /** The account's metered periods, oldest first: kept ones while the listener is up, else from the database. */
    List<MeteredPeriod> of(String accountId) {
        if (!listening) {
            return reader.apply(accountId);
        }
        List<MeteredPeriod> periods = kept.getIfPresent(accountId);
        if (periods != null) {
            return periods;
        }
        long before = generation.get();
        periods = List.copyOf(reader.apply(accountId));
        kept.put(accountId, periods);
        if (generation.get() != before || !listening) {
            kept.invalidate(accountId);
        }
        return periods;
    }

    /** Forgets everything kept, and makes reads in progress not keep what they read. */
    void dropAll() {
        generation.incrementAndGet();
        kept.invalidateAll();
    }

    /** The listener is up: notices arrive from now on, so periods may be kept again. */
    void connected() {
        dropAll();
        listening = true;
    }

    /** The listener is down: nothing is kept until it is up again. */
    void disconnected() {
        listening = false;
        dropAll();
    }

    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        running = true;
        if (dataSource == null) {
            return;
        }
        listener = new Thread(this::listen, "portal-period-notices");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2L * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        disconnected();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
                statement.execute("LISTEN " + CHANNEL);
                PGConnection notices = connection.unwrap(PGConnection.class);
                connected();
                int quiet = 0;
                while (running) {
                    PGNotification[] arrived = notices.getNotifications(POLL_MILLIS);
                    if (arrived != null && arrived.length > 0) {
                        dropAll();
                        quiet = 0;
                    } else if (++quiet == CHECK_EVERY_POLLS) {
                        // A quiet connection may be a dead one: ask it something, so that a break is noticed.
                        statement.execute("SELECT 1");
                        quiet = 0;
                    }
                }
                // Back to the pool as it came: not listening, so that no borrower collects notices.
                statement.execute("UNLISTEN *");
                statement.execute("RESET application_name");
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn(
                            "Not listening for changes of metered periods ({}); the dashboard reads them from the"
                                    + " database until the listener is back",
                            e.toString());
                }
            } finally {
                disconnected();
            }
            pause();
        }
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
