package org.meterguard.server.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer portal's settings.
 *
 * @param dailyTotalsMonths how many meter-months of daily totals {@link DailyTotals} keeps in memory (about 1 KB
 *     each; a customer's year with the year before is 25), 0 to keep none and read every view from the store
 */
@ConfigurationProperties("meterguard.portal")
public record PortalProperties(@DefaultValue("200000") long dailyTotalsMonths) {
    public PortalProperties {
        if (dailyTotalsMonths < 0) {
            throw new IllegalArgumentException(
                    "meterguard.portal.daily-totals-months must not be negative, not " + dailyTotalsMonths);
        }
    }
}
