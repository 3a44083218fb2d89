package org.meterguard.pki;

import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/** Checks on what callers hand the CA, each failing with a message that names the bad value (never a password). */
final class Checks {

    static final int MIN_CA_PASSWORD = 12;
    static final int MIN_BUNDLE_PASSWORD = 8;

    private static final Pattern COLLECTOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DNS_NAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private Checks() {}

    static void requireUtilityName(String utility) {
        if (utility == null || utility.isBlank() || utility.chars().anyMatch(Character::isISOControl)) {
            throw new PkiException("utility name must be non-blank printable text, not '" + utility + "'");
        }
    }

    static void requireCollectorId(String collectorId) {
        if (collectorId == null || !COLLECTOR_ID.matcher(collectorId).matches()) {
            throw new PkiException("invalid collector id '" + collectorId
                    + "'; use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    static void requireHosts(List<String> hosts) {
        if (hosts == null || hosts.isEmpty()) {
            throw new PkiException("a head-end certificate needs at least one host name or IP address");
        }
        for (String host : hosts) {
            if (host == null
                    || !(IPAddress.isValid(host) || DNS_NAME.matcher(host).matches())) {
                throw new PkiException("'" + host + "' is neither a DNS name nor an IP address");
            }
        }
    }

    static void requirePassword(char[] password, int minimum, String what) {
        if (password == null || password.length < minimum) {
            int length = password == null ? 0 : password.length;
            throw new PkiException(
                    what + " too short: " + length + " characters; at least " + minimum + " are required");
        }
    }
}
