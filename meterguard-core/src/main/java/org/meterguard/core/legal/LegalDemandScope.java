package org.meterguard.core.legal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.meterguard.core.TimeRange;
import org.meterguard.core.consent.InformationCategory;

/**
 * What a legal demand asks for: the customer accounts it names (the rules want them named with specificity), the
 * categories of information, and the usage days, both ends included.
 *
 * @param accountIds the accounts named; at least one, sorted, no duplicates
 * @param categories the categories demanded; at least one
 * @param usageFrom the first day of usage demanded
 * @param usageThrough the last day of usage demanded (included); not before {@code usageFrom}
 */
public record LegalDemandScope(
        List<String> accountIds, Set<InformationCategory> categories, LocalDate usageFrom, LocalDate usageThrough) {
    public LegalDemandScope {
        Objects.requireNonNull(accountIds, "accountIds");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(usageFrom, "usageFrom");
        Objects.requireNonNull(usageThrough, "usageThrough");
        TreeSet<String> accounts = new TreeSet<>();
        for (String account : accountIds) {
            if (account == null || account.isBlank()) {
                throw new LegalRuleViolated("a legal demand names each account by its id; found an empty one");
            }
            accounts.add(account.strip());
        }
        if (accounts.isEmpty()) {
            throw new LegalRuleViolated("a legal demand names at least one customer account");
        }
        if (categories.isEmpty()) {
            throw new LegalRuleViolated("a legal demand names at least one category of information");
        }
        if (usageThrough.isBefore(usageFrom)) {
            throw new LegalRuleViolated(
                    "the usage demanded ends on " + usageThrough + ", before it begins on " + usageFrom);
        }
        accountIds = List.copyOf(accounts);
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /** The usage demanded as instants: from the start of {@code usageFrom} to the end of {@code usageThrough}. */
    public TimeRange usagePeriod(ZoneId zone) {
        return new TimeRange(
                usageFrom.atStartOfDay(zone).toInstant(),
                usageThrough.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Why releasing {@code category} of {@code accountId} over {@code period} falls outside; empty if inside. */
    public Optional<String> refusalFor(String accountId, InformationCategory category, TimeRange period, ZoneId zone) {
        if (!accountIds.contains(accountId)) {
            return Optional.of("it does not name account " + accountId);
        }
        if (!categories.contains(category)) {
            return Optional.of("it does not demand " + category + " (only " + categories + ")");
        }
        TimeRange demanded = usagePeriod(zone);
        if (period.from().isBefore(demanded.from()) || period.to().isAfter(demanded.to())) {
            return Optional.of("usage " + period.from() + "/" + period.to() + " lies outside the demanded " + usageFrom
                    + " through " + usageThrough);
        }
        return Optional.empty();
    }
}
