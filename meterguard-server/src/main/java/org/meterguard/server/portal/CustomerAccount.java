package org.meterguard.server.portal;

import java.util.List;
import java.util.Objects;
import org.meterguard.server.accounts.MeteredPeriod;
import org.meterguard.server.accounts.Occupancy;
import org.meterguard.server.accounts.ServicePoint;

/**
 * One of a customer's own accounts as the portal shows it: the name and service address on it, where it takes
 * service and when, and which meter measured it when.
 *
 * @param accountId the account
 * @param name the name on the account; empty once shredded
 * @param postalAddress the postal address on the account; empty once shredded
 * @param occupancies its service points, from move-in to move-out
 * @param servicePoints the service points it occupies or occupied
 * @param meteredPeriods the meters and the spans whose data is theirs
 */
public record CustomerAccount(
        String accountId,
        String name,
        String postalAddress,
        List<Occupancy> occupancies,
        List<ServicePoint> servicePoints,
        List<MeteredPeriod> meteredPeriods) {
    public CustomerAccount {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(postalAddress, "postalAddress");
        occupancies = List.copyOf(occupancies);
        servicePoints = List.copyOf(servicePoints);
        meteredPeriods = List.copyOf(meteredPeriods);
    }

    /** The service point {@code servicePointId} of this account, or null when not recorded. */
    public ServicePoint servicePointOf(String servicePointId) {
        return servicePoints.stream()
                .filter(p -> p.servicePointId().equals(servicePointId))
                .findFirst()
                .orElse(null);
    }
}
