package org.meterguard.server.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.meterguard.core.TimeRange;
import org.meterguard.server.access.AccessControl;
import org.meterguard.server.accounts.Accounts;
import org.meterguard.server.accounts.Contact;
import org.meterguard.server.accounts.MeteredPeriod;
import org.meterguard.server.accounts.Occupancy;
import org.meterguard.server.accounts.ServicePoint;
import org.meterguard.server.accounts.ServicePoints;
import org.meterguard.server.grid.GridViews;
import org.meterguard.server.grid.MeterOutage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A customer's own accounts, service points and their meters' outages, each read decided and audited by
 * {@link AccessControl#authorizeOwn} first and bounded by the account's occupancy: an outage is shown only where it
 * overlaps a span the account occupied while that meter measured it.
 */
@Service
public class CustomerViews {
    private final Accounts accounts;
    private final ServicePoints points;
    private final GridViews grid;
    private final AccessControl access;
    private final Clock clock = Clock.systemUTC();

    CustomerViews(Accounts accounts, ServicePoints points, GridViews grid, AccessControl access) {
        this.accounts = accounts;
        this.points = points;
        this.grid = grid;
        this.access = access;
    }

    /** The caller's own account {@code accountId}; refused unless it is theirs. */
    public CustomerAccount account(Authentication caller, String accountId, String clientAddress) {
        access.authorizeOwn(
                caller, accountId, "read-account", "account/" + accountId, "account and service points", clientAddress);
        Optional<Contact> contact = accounts.contact(accountId);
        List<Occupancy> occupancies = accounts.occupancies(accountId);
        List<ServicePoint> servicePoints = occupancies.stream()
                .map(Occupancy::servicePointId)
                .distinct()
                .map(points::find)
                .flatMap(Optional::stream)
                .toList();
        return new CustomerAccount(
                accountId,
                contact.map(Contact::name).orElse(""),
                contact.map(Contact::postalAddress).orElse(""),
                occupancies,
                servicePoints,
                accounts.meteredPeriods(accountId));
    }

    /** The outages of the meters that measured the caller's account within {@code range}, newest first. */
    public List<MeterOutage> outages(Authentication caller, String accountId, TimeRange range, String clientAddress) {
        access.authorizeOwn(
                caller,
                accountId,
                "read-outages",
                "account/" + accountId + "/outages",
                range.from() + ".." + range.to(),
                clientAddress);
        Instant now = clock.instant();
        List<MeterOutage> outages = new ArrayList<>();
        for (MeteredPeriod metered : accounts.meteredPeriods(accountId)) {
            metered.period()
                    .intersection(range)
                    .ifPresent(span -> outages.addAll(grid.outages(metered.meterId(), span, now)));
        }
        outages.sort(Comparator.comparing(MeterOutage::start).reversed());
        return outages;
    }
}
