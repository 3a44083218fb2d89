package org.meterguard.server.aggregates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.meterguard.audit.AuditEvent;
import org.meterguard.core.aggregates.AggregateRelease;
import org.meterguard.core.aggregates.AnonymityPolicy;
import org.meterguard.core.aggregates.Anonymizer;
import org.meterguard.core.aggregates.Cell;
import org.meterguard.server.accounts.Placements;
import org.meterguard.server.aggregates.internal.FleetCells;
import org.meterguard.server.audit.Actor;
import org.meterguard.server.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes and records aggregate releases. The store's day rows for the span stream through once, each joined in
 * PostgreSQL with the placement (account, area, class) holding its day's start, in parallel over disjoint meter
 * ranges, each summed into its account's period total; the cells then pass the anonymity policy
 * ({@link Anonymizer}). The
 * release is recorded with its request, policy, canonical text and digest, and audited: the same inputs give the
 * same text and digest.
 */
@Service
public class AggregateReleases {
    private final Placements placements;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final AggregateProperties properties;
    private final Clock clock = Clock.systemUTC();

    AggregateReleases(Placements placements, AuditLog audit, JdbcClient jdbc, AggregateProperties properties) {
        this.placements = placements;
        this.audit = audit;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Computes, records and audits the release of {@code request} by {@code actor}. */
    public ReleaseOutcome release(AggregateRequest request, Actor actor) {
        AnonymityPolicy policy = properties.policy();
        int periods = request.periodKind() == PeriodKind.DAY
                ? (int) ChronoUnit.DAYS.between(request.firstDay(), request.lastDay()) + 1
                : 1;
        FleetCells fleet = new FleetCells(request.firstDay(), periods);
        List<FleetCells.Stream> streams = stream(request, fleet);
        String prefix = request.areaKind().name().toLowerCase(java.util.Locale.ROOT) + ":";
        List<Cell> cells = fleet.cells(streams, prefix, periodLabels(request, periods));
        List<String> order = new ArrayList<>();
        request.neighbourOrder().forEach(a -> order.add(prefix + a));
        FleetCells.areas(streams).forEach(a -> order.add(prefix + a));
        AggregateRelease release = new Anonymizer(policy).release(cells, order, request.withTotals());
        long rows = streams.stream().mapToLong(FleetCells.Stream::rows).sum();
        long unattributed =
                streams.stream().mapToLong(FleetCells.Stream::unattributed).sum();
        return record(request, policy, release, rows, unattributed, actor);
    }

    /** Streams the placed day rows in parallel over disjoint meter ranges, one accumulator each. */
    private List<FleetCells.Stream> stream(AggregateRequest request, FleetCells fleet) {
        List<String> points = placements.splitPoints(Math.max(1, properties.streams()));
        Placements.Area area = request.areaKind() == AreaKind.ZONE ? Placements.Area.ZONE : Placements.Area.FEEDER;
        List<FleetCells.Stream> streams = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(points.size() + 1);
        try {
            List<Future<Long>> work = new ArrayList<>();
            for (int i = 0; i <= points.size(); i++) {
                String from = i == 0 ? null : points.get(i - 1);
                String to = i == points.size() ? null : points.get(i);
                FleetCells.Stream stream = fleet.newStream();
                streams.add(stream);
                work.add(pool.submit(() -> placements.streamPlacedDays(
                        request.channel(), request.firstDay(), request.lastDay(), area, from, to, stream)));
            }
            for (Future<Long> done : work) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("aggregate release interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("streaming the store for an aggregate release failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return streams;
    }

    private static List<String> periodLabels(AggregateRequest request, int periods) {
        List<String> labels = new ArrayList<>();
        if (request.periodKind() == PeriodKind.WHOLE) {
            labels.add(request.firstDay() + "/" + request.lastDay());
        } else {
            for (LocalDate day = request.firstDay(); !day.isAfter(request.lastDay()); day = day.plusDays(1)) {
                labels.add(day.toString());
            }
        }
        return labels;
    }

    private ReleaseOutcome record(
            AggregateRequest request,
            AnonymityPolicy policy,
            AggregateRelease release,
            long rows,
            long unattributed,
            Actor actor) {
        Instant now = clock.instant();
        String text = release.canonicalText();
        String sha = sha256(text);
        long id = jdbc.sql("""
                        INSERT INTO aggregate_release (released_at, released_by, request, policy, cells_released,
                            cells_suppressed, result, result_sha256)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING release_id""")
                .params(
                        Timestamp.from(now),
                        actor.name(),
                        request.describe(),
                        policy.toString(),
                        release.released().size(),
                        release.suppressed().size(),
                        text,
                        sha)
                .query(Long.class)
                .single();
        audit.append(new AuditEvent(
                now,
                actor.name(),
                actor.role(),
                "aggregate-release",
                "aggregates/releases/" + id,
                "area:" + request.areaKind().name().toLowerCase(java.util.Locale.ROOT) + ":*",
                "AGGREGATE_RELEASE",
                policy.toString(),
                "EXECUTED",
                actor.clientAddress(),
                request.describe() + "; released " + release.released().size() + " cells, suppressed "
                        + release.suppressed().size() + "; sha256 " + sha));
        return new ReleaseOutcome(id, now, request.describe(), policy.toString(), release, sha, rows, unattributed);
    }

    /** A recorded release's request, policy, text and digest, if it exists. */
    public Optional<RecordedRelease> find(long releaseId) {
        return jdbc.sql("SELECT release_id, released_at, released_by, request, policy, result, result_sha256"
                        + " FROM aggregate_release WHERE release_id = ?")
                .param(releaseId)
                .query((rs, n) -> new RecordedRelease(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .optional();
    }

    /** A release as recorded. */
    public record RecordedRelease(
            long releaseId,
            Instant releasedAt,
            String releasedBy,
            String request,
            String policy,
            String result,
            String sha256) {}

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
