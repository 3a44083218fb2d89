package org.meterguard.greenbutton;

/** Parsing of ESPI's integer and epoch-seconds texts, with messages that name the element and the value. */
final class EspiNumbers {
    static final long ABSENT = Long.MIN_VALUE;

    private EspiNumbers() {}

    /** True where {@code text} is an integer of at most 18 digits ({@code -12}, {@code +5}, {@code 282}). */
    static boolean isInteger(String text) {
        int n = text.length();
        int i = n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        if (i == n || n - i > 18) {
            return false;
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The integer in {@code text}, or an error naming {@code what} (e.g. "IntervalReading value") and the text.
     * Integers of up to 18 digits are accepted, more than ESPI's Int48 and UInt32 need.
     */
    static long integer(XmlCursor xml, String what, String text) {
        if (!isInteger(text)) {
            throw xml.reject(what + " " + ImportRejected.quote(text) + " is not an integer");
        }
        return Long.parseLong(text);
    }

    /**
     * Epoch seconds, accepting a fraction that is zero ({@code 1625097600.0}) as some producers write it; a fraction
     * that is not zero is an error, since interval boundaries are whole seconds.
     */
    static long epochSeconds(XmlCursor xml, String what, String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return integer(xml, what, text);
        }
        String whole = text.substring(0, dot);
        for (int i = dot + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw xml.reject(what + " " + ImportRejected.quote(text) + " is not a number of seconds");
            }
            if (c != '0') {
                throw xml.reject(what + " " + ImportRejected.quote(text)
                        + " has a fraction of a second; interval boundaries must be whole seconds");
            }
        }
        if (!isInteger(whole)) {
            throw xml.reject(what + " " + ImportRejected.quote(text) + " is not a number of seconds");
        }
        return Long.parseLong(whole);
    }
}
