package org.meterguard.server.portal.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.meterguard.core.usage.Resolution;
import org.meterguard.core.usage.UsagePeriod;
import org.meterguard.server.web.BadRequest;

/** The portal's request parameters, parsed with messages that say what is expected. */
final class PortalParameters {
    private PortalParameters() {}

    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date such as 2026-01-31");
        }
    }

    static Resolution resolution(String text) {
        try {
            return Resolution.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is none of "
                    + Arrays.stream(Resolution.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** Checks the period's shape before any access decision, so a bad request is not audited as a read. */
    static void requirePeriod(LocalDate first, LocalDate end, Resolution resolution) {
        BadRequest.parse("from/to", first + "/" + end, x -> new UsagePeriod(ZoneOffset.UTC, first, end, resolution));
    }
}
