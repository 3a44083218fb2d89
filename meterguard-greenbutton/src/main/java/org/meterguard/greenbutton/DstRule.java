package org.meterguard.greenbutton;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.Locale;
import java.util.Optional;

/**
 * ESPI's {@code DstRuleType}: when, within any year, daylight-saving time starts or ends, as a 32-bit map written as
 * eight hexadecimal digits (ESPI schema, {@code DstRuleType}):
 *
 * <pre>
 *  31    28 27   25 24       20 19   17 16     12 11             0
 * +--------+-------+-----------+-------+---------+----------------+
 * | month  |  op   | day of    | day of| hour    | seconds        |
 * | 1..12  |  0..7 | month 0..31| week  | 0..23   | 0..3599        |
 * +--------+-------+-----------+-------+---------+----------------+
 * </pre>
 *
 * Day of week 1..7 is Monday..Sunday (0 not applicable). Operators: 0 the day of the month; 1 the day of the week on
 * or after the day of the month; 2..6 its first..fifth occurrence in the month; 7 its last occurrence. {@code
 * FFFFFFFF} means no daylight-saving processing. The time is the local wall-clock time at which the change happens,
 * read on the clock in force before it (US rules: 02:00 for both, as ESPI's own samples write {@code 360E2000} and
 * {@code B40E2000}).
 *
 * @param bits the rule's 32 bits
 */
public record DstRule(int bits) {
    /** The rule that turns daylight-saving processing off. */
    public static final DstRule DISABLED = new DstRule(0xFFFF_FFFF);

    private static final int FIRST_OCCURRENCE = 2;
    private static final int LAST_OCCURRENCE = 7;
    private static final int ON_OR_AFTER = 1;
    private static final int DAY_OF_MONTH = 0;

    /** The rule from its eight hexadecimal digits, as ESPI writes it. */
    public static DstRule parse(String hex) {
        if (hex == null || !hex.matches("[0-9A-Fa-f]{1,8}")) {
            throw new IllegalArgumentException("DstRule " + hex + " is not up to eight hexadecimal digits");
        }
        return new DstRule(Integer.parseUnsignedInt(hex, 16));
    }

    /**
     * The ESPI rule for a java.time transition rule, or empty where ESPI's encoding cannot state it (a day counted
     * back from a month's end other than its last, or a change at 24:00).
     *
     * @param rule the transition rule of a zone's {@link java.time.zone.ZoneRules#getTransitionRules()}
     */
    public static Optional<DstRule> of(ZoneOffsetTransitionRule rule) {
        if (rule.isMidnightEndOfDay()) {
            return Optional.empty();
        }
        int indicator = rule.getDayOfMonthIndicator();
        DayOfWeek weekday = rule.getDayOfWeek();
        int operator;
        int dayOfMonth = 0;
        if (weekday == null) {
            if (indicator < 1) {
                return Optional.empty();
            }
            operator = DAY_OF_MONTH;
            dayOfMonth = indicator;
        } else if (indicator == -1) {
            operator = LAST_OCCURRENCE;
        } else if (indicator < 0) {
            return Optional.empty();
        } else if ((indicator - 1) % 7 == 0 && indicator <= 22) {
            operator = FIRST_OCCURRENCE + (indicator - 1) / 7;
        } else {
            operator = ON_OR_AFTER;
            dayOfMonth = indicator;
        }
        LocalTime wall = wallClockBefore(rule);
        int bits = rule.getMonth().getValue() << 28
                | operator << 25
                | dayOfMonth << 20
                | (weekday == null ? 0 : weekday.getValue()) << 17
                | wall.getHour() << 12
                | wall.getMinute() * 60 + wall.getSecond();
        return Optional.of(new DstRule(bits));
    }

    /** The rule's time on the wall clock in force before the change (rules may state it in standard time or UTC). */
    private static LocalTime wallClockBefore(ZoneOffsetTransitionRule rule) {
        LocalDateTime stated = LocalDate.of(2001, 1, 1).atTime(rule.getLocalTime());
        ZoneOffset standard = rule.getStandardOffset();
        ZoneOffset before = rule.getOffsetBefore();
        return rule.getTimeDefinition().createDateTime(stated, standard, before).toLocalTime();
    }

    /** True for {@code FFFFFFFF}: no daylight-saving processing. */
    public boolean disabled() {
        return bits == 0xFFFF_FFFF;
    }

    /** The eight hexadecimal digits ESPI writes, upper case. */
    public String hex() {
        return String.format(Locale.ROOT, "%08X", bits);
    }

    /**
     * The local date and wall-clock time at which this rule changes the clock in {@code year}.
     *
     * @throws IllegalStateException for the disabled rule or one whose fields are out of range
     */
    public LocalDateTime in(int year) {
        if (disabled()) {
            throw new IllegalStateException("the disabled DST rule names no date");
        }
        int month = bits >>> 28;
        int operator = bits >>> 25 & 0x7;
        int dayOfMonth = bits >>> 20 & 0x1F;
        int weekday = bits >>> 17 & 0x7;
        int hour = bits >>> 12 & 0x1F;
        int seconds = bits & 0xFFF;
        if (month < 1 || month > 12 || hour > 23 || seconds > 3599 || operator != DAY_OF_MONTH && weekday == 0) {
            throw new IllegalStateException("DST rule " + hex() + " has a field out of range");
        }
        LocalDate first = LocalDate.of(year, Month.of(month), 1);
        LocalDate date;
        if (operator == DAY_OF_MONTH) {
            date = first.withDayOfMonth(dayOfMonth);
        } else if (operator == ON_OR_AFTER) {
            date = first.withDayOfMonth(dayOfMonth).with(TemporalAdjusters.nextOrSame(DayOfWeek.of(weekday)));
        } else if (operator == LAST_OCCURRENCE) {
            date = first.with(TemporalAdjusters.lastInMonth(DayOfWeek.of(weekday)));
        } else {
            date = first.with(TemporalAdjusters.dayOfWeekInMonth(operator - 1, DayOfWeek.of(weekday)));
        }
        return date.atTime(hour, seconds / 60, seconds % 60);
    }
}
