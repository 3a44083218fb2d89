package org.meterguard.core.consent;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.meterguard.core.TimeRange;

/**
 * A Green Button Connect My Data scope, as a third party registers it and asks a customer for it, e.g.
 * {@code FB=1_3_4_5_13_14_15;IntervalDuration=900;BlockDuration=daily;HistoryLength=31536000}, and how it maps onto a
 * customer authorization's scope:
 *
 * <ul>
 *   <li>{@code FB} (required): ESPI function blocks; 4 or 5 (interval metering) grant
 *       {@link InformationCategory#INTERVAL_USAGE}, 15 or 16 (usage summary) {@link InformationCategory#USAGE_SUMMARY};
 *       at least one of them must be present, other blocks are accepted and grant nothing.
 *   <li>{@code IntervalDuration} (required): 900 (quarter-hourly) and/or 3600 (hourly), separated by {@code _}; the
 *       finest is the authorization's granularity.
 *   <li>{@code HistoryLength} (required): seconds of usage before the grant the party may receive (1 s to 10 years).
 *   <li>{@code AuthorizationLength} (optional, a Meterguard extension): seconds the authorization lasts from its
 *       grant, 1 day to 10 years; one year when absent. Usage up to its end is covered as it is measured.
 *   <li>{@code BlockDuration} (optional): only {@code daily} (or 86400) — interval blocks are local days.
 *   <li>{@code SubscriptionFrequency}, {@code AccountCollection}, {@code BR}: accepted and ignored.
 * </ul>
 *
 * Any other key, a repeated key, or a malformed value makes the scope invalid: there is no scope we do not
 * understand, and no administrative scope is an ESPI scope.
 *
 * @param text the scope as written
 * @param functionBlocks the function blocks named
 * @param categories what it covers
 * @param finest the finest interval length it allows
 * @param history how far back before the grant usage is covered
 * @param length how long the authorization lasts
 */
public record EspiScope(
        String text,
        Set<Integer> functionBlocks,
        Set<InformationCategory> categories,
        Granularity finest,
        Duration history,
        Duration length) {
    private static final Duration LONGEST = Duration.ofDays(3_650);
    private static final Duration DEFAULT_LENGTH = Duration.ofDays(365);
    private static final Set<String> IGNORED = Set.of("SubscriptionFrequency", "AccountCollection", "BR");

    public EspiScope {
        if (text == null || text.isBlank()) {
            throw new ConsentRuleViolated("an ESPI scope is required");
        }
        functionBlocks = Collections.unmodifiableSet(new TreeSet<>(functionBlocks));
        categories = Collections.unmodifiableSet(EnumSet.copyOf(categories));
    }

    /** Parses {@code text}; a {@link ConsentRuleViolated} names what is wrong with it. */
    public static EspiScope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConsentRuleViolated(
                    "an ESPI scope is required, e.g. FB=4_5_15;IntervalDuration=900;" + "HistoryLength=31536000");
        }
        Map<String, String> fields = fields(text);
        Set<Integer> blocks = numbers(text, "FB", required(text, fields, "FB"));
        Set<InformationCategory> categories = EnumSet.noneOf(InformationCategory.class);
        if (blocks.contains(4) || blocks.contains(5)) {
            categories.add(InformationCategory.INTERVAL_USAGE);
        }
        if (blocks.contains(15) || blocks.contains(16)) {
            categories.add(InformationCategory.USAGE_SUMMARY);
        }
        if (categories.isEmpty()) {
            throw new ConsentRuleViolated("scope '" + text + "' names no function block we serve: FB needs 4 or 5"
                    + " (interval metering) or 15 or 16 (usage summary)");
        }
        Set<Integer> intervals = numbers(text, "IntervalDuration", required(text, fields, "IntervalDuration"));
        if (!Set.of(900, 3600).containsAll(intervals)) {
            throw new ConsentRuleViolated(
                    "scope '" + text + "': IntervalDuration " + intervals + " is not 900 or 3600 seconds");
        }
        Granularity finest = intervals.contains(900) ? Granularity.QUARTER_HOURLY : Granularity.HOURLY;
        Duration history = seconds(text, fields, "HistoryLength", Duration.ofSeconds(1), null);
        Duration length = seconds(text, fields, "AuthorizationLength", Duration.ofDays(1), DEFAULT_LENGTH);
        String block = fields.get("BlockDuration");
        if (block != null && !block.equals("daily") && !block.equals("86400")) {
            throw new ConsentRuleViolated(
                    "scope '" + text + "': BlockDuration '" + block + "' is not daily; interval blocks are local days");
        }
        return new EspiScope(text, blocks, categories, finest, history, length);
    }

    /** True where {@code text} parses as an ESPI scope. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (ConsentRuleViolated e) {
            return false;
        }
    }

    /**
     * The authorization scope granted at {@code grantedAt}: usage from {@code history} before the grant to the end of
     * the authorization, both cut to whole hours inside it.
     */
    public AuthorizationScope authorizationScope(Instant grantedAt) {
        Instant from = grantedAt.minus(history);
        Instant hourFrom = from.truncatedTo(ChronoUnit.HOURS);
        from = hourFrom.equals(from) ? from : hourFrom.plus(1, ChronoUnit.HOURS);
        Instant to = expiry(grantedAt).truncatedTo(ChronoUnit.HOURS);
        return new AuthorizationScope(categories, new TimeRange(from, to), finest);
    }

    /** When an authorization granted at {@code grantedAt} under this scope ends. */
    public Instant expiry(Instant grantedAt) {
        return grantedAt.plus(length);
    }

    /** The scope in words, for the customer's consent screen. */
    public String describe() {
        return categories.stream()
                        .map(EspiScope::words)
                        .reduce((a, b) -> a + " and " + b)
                        .orElse("")
                + ", " + (finest == Granularity.QUARTER_HOURLY ? "every 15 minutes" : "hourly")
                + ", from " + days(history) + " before today until " + days(length) + " from today";
    }

    private static String words(InformationCategory category) {
        switch (category) {
            case INTERVAL_USAGE:
                return "your electricity use over time (interval data)";
            case USAGE_SUMMARY:
                return "your usage summaries";
            default:
                return "your account information";
        }
    }

    private static String days(Duration duration) {
        long days = duration.toDays();
        return days == 0 ? duration.toHours() + " hours" : days + " days";
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new ConsentRuleViolated("scope '" + text + "': '" + part + "' is not key=value");
            }
            String key = part.substring(0, eq);
            if (!Set.of("FB", "IntervalDuration", "HistoryLength", "AuthorizationLength", "BlockDuration")
                            .contains(key)
                    && !IGNORED.contains(key)) {
                throw new ConsentRuleViolated("scope '" + text + "': unknown key '" + key + "'");
            }
            if (fields.put(key, part.substring(eq + 1)) != null) {
                throw new ConsentRuleViolated("scope '" + text + "': '" + key + "' appears twice");
            }
        }
        return fields;
    }

    private static String required(String text, Map<String, String> fields, String key) {
        return Optional.ofNullable(fields.get(key))
                .orElseThrow(() -> new ConsentRuleViolated("scope '" + text + "' lacks " + key));
    }

    private static Set<Integer> numbers(String text, String key, String value) {
        Set<Integer> numbers = new TreeSet<>();
        for (String n : value.split("_", -1)) {
            if (!n.matches("[0-9]{1,6}")) {
                throw new ConsentRuleViolated(
                        "scope '" + text + "': " + key + " '" + value + "' is not numbers" + " separated by '_'");
            }
            numbers.add(Integer.parseInt(n));
        }
        return numbers;
    }

    private static Duration seconds(
            String text, Map<String, String> fields, String key, Duration least, Duration absent) {
        String value = absent == null ? required(text, fields, key) : fields.get(key);
        if (value == null) {
            return absent;
        }
        if (!value.matches("[0-9]{1,10}")) {
            throw new ConsentRuleViolated("scope '" + text + "': " + key + " '" + value + "' is not seconds");
        }
        Duration duration = Duration.ofSeconds(Long.parseLong(value));
        if (duration.compareTo(least) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new ConsentRuleViolated("scope '" + text + "': " + key + " " + value + " s is not between "
                    + least.getSeconds() + " s and 10 years");
        }
        return duration;
    }
}
