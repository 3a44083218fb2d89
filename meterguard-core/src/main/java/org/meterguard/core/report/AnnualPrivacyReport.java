package org.meterguard.core.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The annual privacy report for one calendar year (days in the utility's zone). Every section is a list of counted
 * lines; {@link #totals()} adds them up. Written as CSV by {@link ReportCsv}.
 *
 * @param year the calendar year reported
 * @param dueOn the day the report is due: 120 days after the year's end
 * @param yearEnded false while the year is still running (the counts are then partial)
 * @param authorizedThirdParties the third parties with a contract in good standing (in force, protective terms
 *     confirmed, not terminated) on any day of the year, and not cut off before it began
 * @param disclosures releases of covered information by recipient, basis and category
 * @param disclosuresRefused requests for disclosure that were refused (no valid basis, cut-off parties)
 * @param authorizations customers' authorizations granted and revoked in the year, by mechanism
 * @param breaches breaches detected in the year, by third party
 * @param cutOffs third parties cut off in the year
 * @param legalDemands legal and emergency demands received in the year and what was released, by kind
 * @param aggregates aggregate releases made in the year
 * @param totals the sums of the sections
 */
public record AnnualPrivacyReport(
        int year,
        LocalDate dueOn,
        boolean yearEnded,
        List<String> authorizedThirdParties,
        List<DisclosureLine> disclosures,
        long disclosuresRefused,
        List<AuthorizationLine> authorizations,
        List<BreachLine> breaches,
        List<CutOffLine> cutOffs,
        List<DemandLine> legalDemands,
        AggregateLine aggregates,
        Totals totals) {
    /** Releases to one recipient on one kind of basis of one category. */
    public record DisclosureLine(
            String recipient, String basisKind, String category, long releases, long customers, long items) {}

    /** Authorizations granted and revoked in the year by one mechanism (ONLINE, SIGNED_FORM). */
    public record AuthorizationLine(String mechanism, long granted, long revoked) {}

    /** Breaches at one third party detected in the year. */
    public record BreachLine(
            String thirdPartyId, long breaches, long customersAffected, long reportedLate, long regulatorNotices) {}

    /** One third party cut off, when and why. */
    public record CutOffLine(String thirdPartyId, LocalDate on, String reason) {}

    /**
     * Legal demands of one kind: received in the year, releases made under demands of that kind in the year, and
     * the customers whose records were disclosed.
     */
    public record DemandLine(String kind, long received, long releases, long customersDisclosed) {}

    /** Aggregate releases in the year and their cells. */
    public record AggregateLine(long releases, long cellsReleased, long cellsSuppressed) {}

    /** The report's sums. */
    public record Totals(
            int authorizedThirdParties,
            long releases,
            long customersDisclosed,
            long authorizationsGranted,
            long authorizationsRevoked,
            long breaches,
            long customersAffectedByBreaches,
            long cutOffs,
            long legalDemands,
            long emergencyRequests,
            long customersDisclosedUnderDemands) {}

    public AnnualPrivacyReport {
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(aggregates, "aggregates");
        Objects.requireNonNull(totals, "totals");
        authorizedThirdParties = List.copyOf(authorizedThirdParties);
        disclosures = List.copyOf(disclosures);
        authorizations = List.copyOf(authorizations);
        breaches = List.copyOf(breaches);
        cutOffs = List.copyOf(cutOffs);
        legalDemands = List.copyOf(legalDemands);
        if (disclosuresRefused < 0) {
            throw new IllegalArgumentException("refused disclosures " + disclosuresRefused + " cannot be negative");
        }
    }

    /** The day the report for {@code year} is due: 120 days after December 31 of that year. */
    public static LocalDate dueOn(int year) {
        return LocalDate.of(year, 12, 31).plusDays(120);
    }

    /**
     * The report for {@code year} from its sections, as known on {@code today}; the totals are computed here.
     * {@code customersDisclosed} (all releases, legal demands included) and {@code customersDisclosedUnderDemands}
     * count distinct customers, which the lines cannot give by adding (one customer may appear under several).
     */
    public static AnnualPrivacyReport assemble(
            int year,
            LocalDate today,
            List<String> authorizedThirdParties,
            List<DisclosureLine> disclosures,
            long customersDisclosed,
            long disclosuresRefused,
            List<AuthorizationLine> authorizations,
            List<BreachLine> breaches,
            List<CutOffLine> cutOffs,
            List<DemandLine> legalDemands,
            long customersDisclosedUnderDemands,
            AggregateLine aggregates) {
        long demands = legalDemands.stream().mapToLong(DemandLine::received).sum();
        long emergencies = legalDemands.stream()
                .filter(d -> "EMERGENCY".equals(d.kind()))
                .mapToLong(DemandLine::received)
                .sum();
        Totals totals = new Totals(
                authorizedThirdParties.size(),
                disclosures.stream().mapToLong(DisclosureLine::releases).sum(),
                customersDisclosed,
                authorizations.stream().mapToLong(AuthorizationLine::granted).sum(),
                authorizations.stream().mapToLong(AuthorizationLine::revoked).sum(),
                breaches.stream().mapToLong(BreachLine::breaches).sum(),
                breaches.stream().mapToLong(BreachLine::customersAffected).sum(),
                cutOffs.size(),
                demands - emergencies,
                emergencies,
                customersDisclosedUnderDemands);
        return new AnnualPrivacyReport(
                year,
                dueOn(year),
                today.isAfter(LocalDate.of(year, 12, 31)),
                authorizedThirdParties,
                disclosures,
                disclosuresRefused,
                authorizations,
                breaches,
                cutOffs,
                legalDemands,
                aggregates,
                totals);
    }
}
