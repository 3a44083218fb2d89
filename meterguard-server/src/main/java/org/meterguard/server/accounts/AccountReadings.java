package org.meterguard.server.accounts;

import java.util.ArrayList;
import java.util.List;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalReading;
import org.meterguard.core.TimeRange;
import org.meterguard.server.readings.ReadingStore;
import org.springframework.stereotype.Service;

/**
 * An account's own interval data: the readings of the meters that measured its service points, only within its
 * occupancy. A new occupant never sees the previous occupant's data; the previous occupant keeps their own.
 */
@Service
public class AccountReadings {
    private final Accounts accounts;
    private final ReadingStore store;

    AccountReadings(Accounts accounts, ReadingStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    /** The account's readings of {@code channel} whose intervals start within {@code range}, in time order. */
    public List<IntervalReading> read(String accountId, Channel channel, TimeRange range) {
        List<IntervalReading> readings = new ArrayList<>();
        for (MeteredPeriod period : accounts.meteredPeriods(accountId)) {
            period.period()
                    .intersection(range)
                    .ifPresent(span -> readings.addAll(store.read(period.meterId(), channel, span)));
        }
        return readings;
    }
}
