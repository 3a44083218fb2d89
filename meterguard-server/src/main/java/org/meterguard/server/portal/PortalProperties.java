package org.meterguard.server.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The customer portal's settings.
 *
 * @param dailyTotalsMonths how many meter-months of daily totals {@link DailyTotals} keeps in memory (about 1 KB
 *     each; a customer's year with the year before is 25), 0 to keep none and read every view from the store
 * @param dashboardConcurrency how many dashboard answers are worked out at once (their data read and written as
 *     JSON, after the access decision and its audit entry), the others waiting their turn ({@link AnswerGate}); 0,
 *     the default, for the number of processors plus one
 * @param keptAccounts how many accounts' metered periods {@link KeptPeriods} keeps in memory (a few hundred bytes
 *     each), 0 to keep none and read them for every view
 */
@ConfigurationProperties("meterguard.portal")
public record PortalProperties(
        @DefaultValue("200000") long dailyTotalsMonths,
        @DefaultValue("0") int dashboardConcurrency,
        @DefaultValue("200000") long keptAccounts) {
    public PortalProperties {
        if (dailyTotalsMonths < 0) {
            throw new IllegalArgumentException(
                    "meterguard.portal.daily-totals-months must not be negative, not " + dailyTotalsMonths);
        }
        if (keptAccounts < 0) {
            throw new IllegalArgumentException(
                    "meterguard.portal.kept-accounts must not be negative, not " + keptAccounts);
        }
        if (dashboardConcurrency < 0) {
            throw new IllegalArgumentException(
                    "meterguard.portal.dashboard-concurrency must not be negative, not " + dashboardConcurrency);
        }
    }

    /** How many dashboard answers are worked out at once: as configured, or the processors plus one. */
    int dashboardPermits() {
        return dashboardConcurrency > 0
                ? dashboardConcurrency
                : Runtime.getRuntime().availableProcessors() + 1;
    }
}
