package org.meterguard.core.access;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.meterguard.core.StaffRole;

/**
 * Which permissions each staff role holds: least privilege, with separation of duties. An administrator manages
 * users and assignments but reads no usage; a security auditor reads the audit log and alerts, not the data they
 * are about; a privacy officer records training and legal demands and runs retention; work orders are opened by
 * grid operators for field technicians, so no technician grants themselves a meter.
 */
public final class RolePermissions {
    private static final Map<StaffRole, Set<Permission>> GRANTS = grants();

    private RolePermissions() {}

    private static Map<StaffRole, Set<Permission>> grants() {
        Map<StaffRole, Set<Permission>> grants = new EnumMap<>(StaffRole.class);
        grants.put(
                StaffRole.CUSTOMER_SERVICE_REPRESENTATIVE,
                EnumSet.of(
                        Permission.READ_USAGE,
                        Permission.MANAGE_SERVICE_REQUESTS,
                        Permission.RECORD_AUTHORIZATIONS,
                        Permission.READ_AUTHORIZATIONS));
        grants.put(
                StaffRole.BILLING_ANALYST,
                EnumSet.of(
                        Permission.READ_USAGE,
                        Permission.EDIT_READINGS,
                        Permission.RUN_VEE,
                        Permission.READ_VEE_REPORT));
        grants.put(
                StaffRole.FIELD_TECHNICIAN,
                EnumSet.of(Permission.READ_USAGE, Permission.READ_GRID_DATA, Permission.READ_ALERTS));
        grants.put(
                StaffRole.GRID_OPERATOR,
                EnumSet.of(
                        Permission.READ_USAGE,
                        Permission.READ_GRID_DATA,
                        Permission.RUN_VEE,
                        Permission.READ_VEE_REPORT,
                        Permission.READ_ALERTS,
                        Permission.CLOSE_ALERTS,
                        Permission.MANAGE_WORK_ORDERS));
        grants.put(
                StaffRole.PRIVACY_OFFICER,
                EnumSet.of(
                        Permission.READ_USAGE,
                        Permission.READ_RETENTION_PLAN,
                        Permission.RUN_RETENTION,
                        Permission.MANAGE_LEGAL_DEMANDS,
                        Permission.READ_LEGAL_DEMANDS,
                        Permission.READ_PRIVACY_REPORT,
                        Permission.MANAGE_TRAINING,
                        Permission.READ_THIRD_PARTIES,
                        Permission.MANAGE_THIRD_PARTIES,
                        Permission.READ_AUTHORIZATIONS,
                        Permission.READ_AGGREGATES,
                        Permission.RELEASE_AGGREGATES,
                        Permission.MANAGE_PRIVACY_NOTICES,
                        Permission.READ_ACCESS_HISTORY,
                        Permission.MANAGE_DETECTION));
        grants.put(
                StaffRole.SECURITY_AUDITOR,
                EnumSet.of(
                        Permission.READ_AUDIT_LOG,
                        Permission.READ_ALERTS,
                        Permission.CLOSE_ALERTS,
                        Permission.READ_VEE_REPORT,
                        Permission.READ_RETENTION_PLAN,
                        Permission.READ_METRICS,
                        Permission.READ_THIRD_PARTIES,
                        Permission.READ_AGGREGATES,
                        Permission.READ_LEGAL_DEMANDS,
                        Permission.READ_PRIVACY_REPORT,
                        Permission.MANAGE_DETECTION));
        grants.put(
                StaffRole.ADMINISTRATOR,
                EnumSet.of(
                        Permission.MANAGE_USERS,
                        Permission.MANAGE_ASSIGNMENTS,
                        Permission.READ_RETENTION_PLAN,
                        Permission.READ_METRICS));
        grants.replaceAll((role, permissions) -> Collections.unmodifiableSet(permissions));
        return Collections.unmodifiableMap(grants);
    }

    /** The permissions {@code role} holds. */
    public static Set<Permission> of(StaffRole role) {
        return GRANTS.get(role);
    }

    /** True where {@code role} holds {@code permission}. */
    public static boolean grants(StaffRole role, Permission permission) {
        return GRANTS.get(role).contains(permission);
    }

    /** The roles that hold {@code permission}. */
    public static Set<StaffRole> holding(Permission permission) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        GRANTS.forEach((role, permissions) -> {
            if (permissions.contains(permission)) {
                roles.add(role);
            }
        });
        return Collections.unmodifiableSet(roles);
    }
}
