package org.meterguard.core.consent;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.meterguard.core.TimeRange;

/**
 * What an authorization lets a third party receive: which categories of information, usage from which period, and
 * at most how fine.
 *
 * @param categories the categories covered; at least one
 * @param usagePeriod the usage (by interval start) covered
 * @param finest the finest granularity the party may receive
 */
public record AuthorizationScope(Set<InformationCategory> categories, TimeRange usagePeriod, Granularity finest) {
    public AuthorizationScope {
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(usagePeriod, "usagePeriod");
        Objects.requireNonNull(finest, "finest");
        if (categories.isEmpty()) {
            throw new ConsentRuleViolated("an authorization covers at least one category of information");
        }
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /** Why a request for {@code category} over {@code period} at {@code granularity} falls outside; empty if inside. */
    public Optional<String> refusalFor(InformationCategory category, TimeRange period, Granularity granularity) {
        if (!categories.contains(category)) {
            return Optional.of("it does not cover " + category + " (only " + categories + ")");
        }
        if (period.from().isBefore(usagePeriod.from()) || period.to().isAfter(usagePeriod.to())) {
            return Optional.of("usage " + period.from() + "/" + period.to() + " lies outside the authorized "
                    + usagePeriod.from() + "/" + usagePeriod.to());
        }
        if (!finest.allows(granularity)) {
            return Optional.of(granularity + " is finer than the authorized " + finest);
        }
        return Optional.empty();
    }
}
