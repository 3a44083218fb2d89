package org.meterguard.server.legal;

import java.util.List;
import org.meterguard.core.TimeRange;
import org.meterguard.core.access.BasisCheck;
import org.meterguard.core.legal.LegalDemand;
import org.meterguard.core.legal.LegalDemandStatus;
import org.meterguard.server.access.LegalDemandBases;
import org.meterguard.server.thirdparties.ThirdPartyProperties;
import org.springframework.stereotype.Component;

/**
 * The legal-demand register as access control checks a declared demand: VALID only while the demand is OPEN and
 * names every account read, over usage days that hold the whole period.
 */
@Component
class LegalDemandBasis implements LegalDemandBases {
    private final LegalDemandStore store;
    private final ThirdPartyProperties utility;

    LegalDemandBasis(LegalDemandStore store, ThirdPartyProperties utility) {
        this.store = store;
        this.utility = utility;
    }

    @Override
    public BasisCheck.Status check(String demandId, List<String> accounts, TimeRange period) {
        return store.find(demandId)
                .map(row -> status(row.demand(), accounts, period))
                .orElse(BasisCheck.Status.UNKNOWN);
    }

    private BasisCheck.Status status(LegalDemand demand, List<String> accounts, TimeRange period) {
        if (demand.status() != LegalDemandStatus.OPEN) {
            return BasisCheck.Status.CLOSED;
        }
        TimeRange demanded = demand.scope().usagePeriod(utility.utilityZone());
        boolean covers = !accounts.isEmpty()
                && demand.scope().accountIds().containsAll(accounts)
                && !period.from().isBefore(demanded.from())
                && !period.to().isAfter(demanded.to());
        return covers ? BasisCheck.Status.VALID : BasisCheck.Status.OTHER_RESOURCE;
    }
}
