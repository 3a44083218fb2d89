package org.meterguard.server.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.MeterId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Service points, and which meter measured each when (installation and removal). */
@Service
public class ServicePoints {
    private final JdbcClient jdbc;

    ServicePoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a service point. */
    @Transactional
    public void create(ServicePoint point) {
        jdbc.sql("INSERT INTO service_point (service_point_id, feeder, zone, nominal_voltage) VALUES (?, ?, ?, ?)")
                .params(point.servicePointId(), point.feeder(), point.zone(), point.nominalVoltage())
                .update();
    }

    /** The service point, if recorded. */
    public Optional<ServicePoint> find(String servicePointId) {
        return jdbc.sql("SELECT service_point_id, feeder, zone, nominal_voltage FROM service_point"
                        + " WHERE service_point_id = ?")
                .param(servicePointId)
                .query((rs, n) -> new ServicePoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional();
    }

    /**
     * Installs {@code meter} at {@code servicePointId} from {@code at}. Refused while the meter is installed
     * anywhere or the point has a meter at or after that instant.
     */
    @Transactional
    public void install(MeterId meter, String servicePointId, Instant at) {
        lockPoint(servicePointId);
        Long overlapping = jdbc.sql("""
                        SELECT count(*) FROM meter_installation
                         WHERE (meter_id = ? OR service_point_id = ?)
                           AND (removed_at IS NULL OR removed_at > ?)""")
                .params(meter.value(), servicePointId, Timestamp.from(at))
                .query(Long.class)
                .single();
        if (overlapping > 0) {
            throw new AccountRuleViolated("meter " + meter + " or service point " + servicePointId
                    + " already has an installation at or after " + at + "; remove it first");
        }
        jdbc.sql("INSERT INTO meter_installation (meter_id, service_point_id, installed_at) VALUES (?, ?, ?)")
                .params(meter.value(), servicePointId, Timestamp.from(at))
                .update();
    }

    /** Removes {@code meter} from where it is installed, at {@code at}. */
    @Transactional
    public void remove(MeterId meter, Instant at) {
        int closed = jdbc.sql("""
                        UPDATE meter_installation SET removed_at = ?
                         WHERE meter_id = ? AND removed_at IS NULL AND installed_at < ?""")
                .params(Timestamp.from(at), meter.value(), Timestamp.from(at))
                .update();
        if (closed != 1) {
            throw new AccountRuleViolated("meter " + meter + " has no installation open before " + at);
        }
    }

    /** The meters installed on {@code feeder} at {@code at}: the customers it serves, for outage statistics. */
    public List<String> metersOnFeeder(String feeder, Instant at) {
        return jdbc.sql("""
                        SELECT i.meter_id FROM meter_installation i
                          JOIN service_point p ON p.service_point_id = i.service_point_id
                         WHERE p.feeder = ? AND i.installed_at <= ? AND (i.removed_at IS NULL OR i.removed_at > ?)
                         ORDER BY i.meter_id""")
                .params(feeder, Timestamp.from(at), Timestamp.from(at))
                .query(String.class)
                .list();
    }

    private void lockPoint(String servicePointId) {
        if (jdbc.sql("SELECT 1 FROM service_point WHERE service_point_id = ? FOR UPDATE")
                .param(servicePointId)
                .query(Integer.class)
                .optional()
                .isEmpty()) {
            throw new AccountRuleViolated("unknown service point " + servicePointId);
        }
    }
}
