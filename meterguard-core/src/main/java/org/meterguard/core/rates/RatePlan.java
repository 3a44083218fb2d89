package org.meterguard.core.rates;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A rate plan a customer may take: its name and the customers it is offered to, the time zone its hours are read
 * in, and its versions by effective date. A bill uses, for each day, the version in effect on that day, so a bill
 * spanning a version change is priced in parts ({@link #segments}). Defined as data ({@link RatePlanYaml}).
 *
 * @param id how the plan is referred to: 1 to 60 lower-case letters, digits or '-'
 * @param name a readable name
 * @param description what the plan suits, for the customer
 * @param example true for the examples shipped with Meterguard, which are no real utility's tariff
 * @param customerClass the customers it is offered to
 * @param zone the zone whose wall clock the time-of-use hours and billing dates are read on
 * @param versions at least one, with distinct effective dates; kept in date order
 */
public record RatePlan(
        String id,
        String name,
        String description,
        boolean example,
        CustomerClass customerClass,
        ZoneId zone,
        List<PlanVersion> versions) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,60}");

    public RatePlan {
        if (id == null || !VALID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "invalid plan id '" + id + "'; expected 1 to 60 lower-case letters, digits or '-'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(customerClass, "customerClass");
        Objects.requireNonNull(zone, "zone");
        versions = versions.stream()
                .sorted(Comparator.comparing(PlanVersion::effectiveFrom))
                .toList();
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("plan " + id + " has no version");
        }
        for (int i = 1; i < versions.size(); i++) {
            if (versions.get(i).effectiveFrom().equals(versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("plan " + id + " has two versions effective "
                        + versions.get(i).effectiveFrom());
            }
        }
    }

    /** The part of a bill one version prices. */
    public record Segment(PlanVersion version, BillingPeriod period) {}

    /** The version in effect on {@code date}, or an error naming the date before the plan's first version. */
    public PlanVersion versionOn(LocalDate date) {
        PlanVersion inEffect = null;
        for (PlanVersion version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                inEffect = version;
            }
        }
        if (inEffect == null) {
            throw new IllegalArgumentException("plan " + id + " has no version in effect on " + date
                    + "; its first is effective " + versions.get(0).effectiveFrom());
        }
        return inEffect;
    }

    /** {@code period} cut where a new version takes effect, each part with its version, in date order. */
    public List<Segment> segments(BillingPeriod period) {
        List<Segment> segments = new ArrayList<>();
        LocalDate from = period.from();
        while (from.isBefore(period.to())) {
            PlanVersion version = versionOn(from);
            LocalDate to = period.to();
            for (PlanVersion later : versions) {
                if (later.effectiveFrom().isAfter(from) && later.effectiveFrom().isBefore(to)) {
                    to = later.effectiveFrom();
                }
            }
            segments.add(new Segment(version, new BillingPeriod(from, to)));
            from = to;
        }
        return segments;
    }

    @Override
    public String toString() {
        return id + " (" + name + ")";
    }
}
