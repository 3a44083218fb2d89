package org.meterguard.core.rates;

import java.util.regex.Pattern;

/**
 * A named time-of-use period of a rate plan, such as on-peak or off-peak. Plans are data, so a period is its name;
 * the constants are the names the usual tariffs use. Two periods are the same when their names are.
 *
 * @param name 1 to 40 lower-case letters, digits or '-'
 */
public record TouPeriod(String name) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,40}");

    /** The hours priced highest (e.g. 16:00–21:00). */
    public static final TouPeriod ON_PEAK = new TouPeriod("on-peak");
    /** Shoulder hours between on-peak and off-peak (some tariffs say partial-peak). */
    public static final TouPeriod MID_PEAK = new TouPeriod("mid-peak");
    /** The remaining hours. */
    public static final TouPeriod OFF_PEAK = new TouPeriod("off-peak");
    /** The cheapest hours of electric-vehicle plans (typically after midnight). */
    public static final TouPeriod SUPER_OFF_PEAK = new TouPeriod("super-off-peak");

    public TouPeriod {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "invalid period name '" + name + "'; expected 1 to 40 lower-case letters, digits or '-'");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
