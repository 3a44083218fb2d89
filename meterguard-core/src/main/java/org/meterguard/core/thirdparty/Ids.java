package org.meterguard.core.thirdparty;

import java.util.regex.Pattern;

/** The form of identifiers: 1 to 64 letters, digits, '.', '_' or '-', so they are safe in logs and audit subjects. */
final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {}

    static String require(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new ThirdPartyRuleViolated("invalid " + what + " '" + value
                    + "': use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new ThirdPartyRuleViolated("a " + what + " must not be empty");
        }
        return value.strip();
    }
}
