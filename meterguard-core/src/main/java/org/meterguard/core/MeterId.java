package org.meterguard.core;

import java.util.regex.Pattern;

/**
 * The utility's identifier of a meter (its badge or serial number). It names a device, never a person: a meter
 * carries no personal information of its own.
 *
 * @param value 1 to 32 characters of letters, digits, '-' or '_'
 */
public record MeterId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public MeterId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "invalid meter id '" + abbreviate(value) + "'; expected 1 to 32 letters, digits, '-' or '_'");
        }
    }

    public static MeterId of(String value) {
        return new MeterId(value);
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    @Override
    public String toString() {
        return value;
    }
}
