package org.meterguard.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 7468 textual encoding: one labelled base64 block, lines of 64 characters. */
final class Pem {
    private static final String DASHES = "-----";

    private Pem() {}

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return DASHES + "BEGIN " + label + DASHES + "\n" + body + "\n" + DASHES + "END " + label + DASHES + "\n";
    }

    /** Whether {@code text} starts (after white space) with a BEGIN line for {@code label}. */
    static boolean isPem(String text, String label) {
        return text.strip().startsWith(DASHES + "BEGIN " + label + DASHES);
    }

    /** The DER bytes of the single {@code label} block of {@code text}; anything else is an error naming it. */
    static byte[] decode(String text, String label) {
        String begin = DASHES + "BEGIN " + label + DASHES;
        String end = DASHES + "END " + label + DASHES;
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not a PEM " + label + ": expected '" + begin + "' ... '" + end + "'");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM " + label + " block is not valid base64", e);
        }
    }
}
