package org.meterguard.server.web;

import java.util.function.Function;

/** A request parameter that does not parse; the message names the parameter and says what is expected. */
public class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
        super(message);
    }

    public static <T> T parse(String name, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid " + name + ": " + e.getMessage());
        }
    }
}
