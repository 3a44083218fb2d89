package org.meterguard.core;

/**
 * The quality of one interval value, with the ESPI {@code QualityOfReading} code it maps onto (NAESB REQ.21).
 * A slot with no value at all is missing and carries no quality.
 */
public enum ReadingQuality {
    /** Passed validation. */
    VALID(0),
    /** Changed by a person; the original value is kept. */
    EDITED(7),
    /** Estimated from a like-day profile. */
    ESTIMATED_REFERENCE_DAY(8),
    /** Estimated by linear interpolation across a short gap. */
    ESTIMATED_LINEAR(9),
    /** Failed a validation check and was not replaced. */
    QUESTIONABLE(10),
    /** As received from the meter, not yet validated. */
    RAW(14);

    private final int espiCode;

    ReadingQuality(int espiCode) {
        this.espiCode = espiCode;
    }

    /** The ESPI QualityOfReading code. */
    public int espiCode() {
        return espiCode;
    }

    /** True where the value did not come from the meter as measured. */
    public boolean isEstimateOrEdit() {
        return this == EDITED || this == ESTIMATED_LINEAR || this == ESTIMATED_REFERENCE_DAY;
    }

    /** True where the value was estimated rather than measured or entered; an actual reading may replace it. */
    public boolean isEstimate() {
        return this == ESTIMATED_LINEAR || this == ESTIMATED_REFERENCE_DAY;
    }

    private static final ReadingQuality[] BY_CODE = new ReadingQuality[32];

    static {
        for (ReadingQuality quality : values()) {
            BY_CODE[quality.espiCode] = quality;
        }
    }

    /** The quality for an ESPI code, or an error naming the unknown code. */
    public static ReadingQuality ofEspiCode(int code) {
        ReadingQuality quality = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        if (quality == null) {
            throw new IllegalArgumentException("unknown ESPI quality code " + code);
        }
        return quality;
    }
}
