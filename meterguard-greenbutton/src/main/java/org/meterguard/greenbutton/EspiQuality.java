package org.meterguard.greenbutton;

import org.meterguard.core.ReadingQuality;

/**
 * ESPI QualityOfReading codes onto {@link ReadingQuality}. Codes 0, 7, 8, 9, 10 and 14 have an exact counterpart. Codes
 * 17 (validated), 18 (verified: failed a check but shown to be actual usage) and 19 (revenue-quality) all say the value
 * passed validation and fits billing, so they become {@link ReadingQuality#VALID}. The rest have none and are refused:
 * 11 (derived), 12 (projected, a forecast), 13 (mixed), 15 (normalized for weather) and 16 (other) are not measured
 * history, and any other number is not ESPI.
 */
final class EspiQuality {
    private EspiQuality() {}

    /** The quality for an ESPI code, or null where there is no counterpart. */
    static ReadingQuality ofCode(long code) {
        if (code == 0 || code == 17 || code == 18 || code == 19) {
            return ReadingQuality.VALID;
        } else if (code == 7) {
            return ReadingQuality.EDITED;
        } else if (code == 8) {
            return ReadingQuality.ESTIMATED_REFERENCE_DAY;
        } else if (code == 9) {
            return ReadingQuality.ESTIMATED_LINEAR;
        } else if (code == 10) {
            return ReadingQuality.QUESTIONABLE;
        } else if (code == 14) {
            return ReadingQuality.RAW;
        }
        return null;
    }

    /** Why a code is refused, for messages. */
    static String refusal(long code) {
        String meaning =
                switch ((int) Math.max(Math.min(code, 100), -1)) {
                    case 11 -> " (derived)";
                    case 12 -> " (projected, a forecast)";
                    case 13 -> " (mixed)";
                    case 15 -> " (normalized for weather)";
                    case 16 -> " (other)";
                    default -> " (not an ESPI QualityOfReading code)";
                };
        return "quality " + code + meaning + " has no Meterguard counterpart; accepted are 0, 7, 8, 9, 10 and 14, and"
                + " 17, 18 and 19 as valid";
    }

    /**
     * Of two qualities stated for one reading, the one that trusts the value least: questionable, then estimated,
     * then edited, then raw, then valid. A null {@code current} means none stated yet.
     */
    static ReadingQuality leastTrusted(ReadingQuality current, ReadingQuality next) {
        return current == null || rank(next) > rank(current) ? next : current;
    }

    private static int rank(ReadingQuality quality) {
        return switch (quality) {
            case VALID -> 0;
            case RAW -> 1;
            case EDITED -> 2;
            case ESTIMATED_REFERENCE_DAY, ESTIMATED_LINEAR -> 3;
            case QUESTIONABLE -> 4;
        };
    }
}
