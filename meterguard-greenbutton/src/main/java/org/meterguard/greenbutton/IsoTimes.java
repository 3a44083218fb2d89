package org.meterguard.greenbutton;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * ISO-8601 texts of whole-second instants, written straight into a {@link StringBuilder}: {@code
 * 2026-03-08T09:45:00Z} in UTC and {@code 2026-03-08T01:45:00-08:00} in a zone. The same texts as {@code
 * Instant.toString()} and {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} for years 0 to 9999, several times faster,
 * which matters at one row per interval.
 */
final class IsoTimes {
    private IsoTimes() {}

    static void utc(StringBuilder out, long epochSecond) {
        dateTime(out, LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC));
        out.append('Z');
    }

    static void local(StringBuilder out, long epochSecond, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(java.time.Instant.ofEpochSecond(epochSecond));
        dateTime(out, LocalDateTime.ofEpochSecond(epochSecond, 0, offset));
        int total = offset.getTotalSeconds();
        if (total == 0) {
            out.append('Z');
            return;
        }
        out.append(total < 0 ? '-' : '+');
        int abs = Math.abs(total);
        two(out, abs / 3600);
        out.append(':');
        two(out, abs / 60 % 60);
        if (abs % 60 != 0) {
            out.append(':');
            two(out, abs % 60);
        }
    }

    private static void dateTime(StringBuilder out, LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            out.append(t);
            return;
        }
        out.append((char) ('0' + year / 1000))
                .append((char) ('0' + year / 100 % 10))
                .append((char) ('0' + year / 10 % 10))
                .append((char) ('0' + year % 10))
                .append('-');
        two(out, t.getMonthValue());
        out.append('-');
        two(out, t.getDayOfMonth());
        out.append('T');
        two(out, t.getHour());
        out.append(':');
        two(out, t.getMinute());
        out.append(':');
        two(out, t.getSecond());
    }

    private static void two(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
