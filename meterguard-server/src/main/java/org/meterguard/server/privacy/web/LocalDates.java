package org.meterguard.server.privacy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** ISO dates from requests, with a message that says what is expected. */
final class LocalDates {
    private LocalDates() {}

    static LocalDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing; give a date such as 2027-01-01");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date such as 2027-01-01");
        }
    }
}
