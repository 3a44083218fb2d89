package org.meterguard.core.usage;

/**
 * How finely usage is shown: fixed 15-minute or hourly steps (so a daylight-saving day has 92 or 100 quarter-hours,
 * 23 or 25 hours), or local calendar days and months. Each has a longest span it may be asked for.
 */
public enum Resolution {
    QUARTER_HOUR(900, 366),
    HOUR(3600, 366),
    DAY(0, 3 * 366),
    MONTH(0, 10 * 366);

    private final int stepSeconds;
    private final int longestDays;

    Resolution(int stepSeconds, int longestDays) {
        this.stepSeconds = stepSeconds;
        this.longestDays = longestDays;
    }

    /** The fixed step in seconds; 0 for calendar days and months. */
    int stepSeconds() {
        return stepSeconds;
    }

    /** The longest span, in days, usage may be asked for at this resolution. */
    public int longestDays() {
        return longestDays;
    }
}
