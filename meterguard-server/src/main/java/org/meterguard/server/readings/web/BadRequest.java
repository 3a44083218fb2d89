package org.meterguard.server.readings.web;

import java.util.function.Function;

/** A request parameter that does not parse; the message names the parameter and says what is expected. */
class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message);
    }

    static <T> T parse(String name, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid " + name + ": " + e.getMessage());
        }
    }
}
