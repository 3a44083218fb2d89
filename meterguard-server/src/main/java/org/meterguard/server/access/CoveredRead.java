package org.meterguard.server.access;

import java.util.Objects;
import org.meterguard.core.PurposeOfUse;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.Permission;

/**
 * A request to read covered information, as the caller declared it.
 *
 * @param permission what reading it takes, {@link Permission#READ_USAGE} or {@link Permission#READ_GRID_DATA}
 * @param action what is done, e.g. "read-interval-data"
 * @param resource what is read, e.g. "meter/MG-1/readings"
 * @param target whose data it is: {@code meter:<id>} or {@code account:<id>} (access control finds the customers
 *     concerned) or {@code area:<kind>:<name>} (read with pseudonyms)
 * @param period the span of data read; the customers concerned are those of this period
 * @param purpose the declared purpose of use
 * @param basis the work order, request, authorization or demand id; empty when none
 * @param detail what else an auditor needs, e.g. the channel
 */
public record CoveredRead(
        Permission permission,
        String action,
        String resource,
        String target,
        TimeRange period,
        PurposeOfUse purpose,
        String basis,
        String detail) {
    static final String METER = "meter:";
    static final String ACCOUNT = "account:";
    static final String AREA = "area:";

    public CoveredRead {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(purpose, "purpose");
        if (!permission.coveredRead()) {
            throw new IllegalArgumentException("permission " + permission + " reads no covered information");
        }
        if (!(target.startsWith(METER) || target.startsWith(ACCOUNT) || target.startsWith(AREA))
                || target.indexOf(':') == target.length() - 1) {
            throw new IllegalArgumentException(
                    "target '" + target + "' must be meter:ID, account:ID or area:KIND:NAME");
        }
        basis = basis == null ? "" : basis.strip();
        detail = detail == null ? "" : detail;
    }

    /** True for a read over an area, which needs no customer's identity. */
    public boolean ofArea() {
        return target.startsWith(AREA);
    }

    /** The id after the target's kind, e.g. the meter id of {@code meter:MG-1}. */
    String targetId() {
        return target.substring(target.indexOf(':') + 1);
    }
}
