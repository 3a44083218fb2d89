package org.meterguard.core.privacy;

/** Checks for the notice's text fields. */
final class Text {
    private Text() {}

    static String required(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a privacy notice needs " + what);
        }
        return value.strip();
    }
}
