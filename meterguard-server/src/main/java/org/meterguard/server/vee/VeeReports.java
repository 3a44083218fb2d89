package org.meterguard.server.vee;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The data-quality report: per meter, over local dates {@code [from, to]}, the intervals missing (gap findings),
 * the intervals estimated (revisions by VEE) and edited, and the failed checks by rule.
 */
@Service
public class VeeReports {
    private final JdbcClient jdbc;
    private final VeeProperties properties;

    VeeReports(JdbcClient jdbc, VeeProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** One row per meter with anything to report, in meter order. */
    public List<Map<String, Object>> report(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            throw new IllegalArgumentException("the report covers 1 to 366 days, from " + from + " to " + to);
        }
        return jdbc.sql("""
                        WITH findings AS (
                            SELECT meter_id,
                                   sum(intervals) FILTER (WHERE rule = 'gap') AS gap_intervals,
                                   jsonb_object_agg_strict(rule, n) FILTER (WHERE severity = 'ERROR') AS failed
                              FROM (SELECT meter_id, rule, severity, sum(intervals) AS intervals, count(*) AS n
                                      FROM vee_finding WHERE local_date BETWEEN ? AND ?
                                     GROUP BY meter_id, rule, severity) f
                             GROUP BY meter_id),
                        revisions AS (
                            SELECT meter_id,
                                   count(*) FILTER (WHERE new_quality IN (8, 9)) AS estimated,
                                   count(*) FILTER (WHERE new_quality = 7) AS edited
                              FROM interval_revision v JOIN meter m USING (meter_id)
                             WHERE (v.interval_start AT TIME ZONE coalesce(m.time_zone, ?))::date BETWEEN ? AND ?
                             GROUP BY meter_id)
                        SELECT coalesce(f.meter_id, r.meter_id) AS meter_id,
                               coalesce(f.gap_intervals, 0) AS gap_intervals,
                               coalesce(r.estimated, 0) AS estimated_intervals,
                               coalesce(r.edited, 0) AS edited_intervals,
                               coalesce(f.failed, '{}'::jsonb)::text AS failed_checks
                          FROM findings f FULL JOIN revisions r ON r.meter_id = f.meter_id
                         ORDER BY 1""")
                .params(from, to, properties.defaultTimeZone().getId(), from, to)
                .query()
                .listOfRows();
    }
}
