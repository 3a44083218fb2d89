package org.meterguard.dlms;

import java.util.Objects;

/**
 * One column of a profile generic buffer: the COSEM attribute captured, and the scaler and unit of its register, so
 * that a raw value {@code v} means {@code v × 10^scaler unit}.
 *
 * @param classId COSEM interface class, 0..65535 (8 clock, 3 register, 4 extended register)
 * @param obis logical name of the captured object
 * @param attributeIndex captured attribute, 1..127 (2 is the value)
 * @param scaler power of ten, -128..127
 * @param unit DLMS unit enumeration, 0..255 (27 W, 30 Wh, 33 A, 35 V, 255 count or none)
 */
public record CaptureObject(int classId, Obis obis, int attributeIndex, int scaler, int unit) {
    /** Unit enumeration value of watt. */
    public static final int UNIT_WATT = 27;
    /** Unit enumeration value of watt-hour. */
    public static final int UNIT_WATT_HOUR = 30;
    /** Unit enumeration value of ampere. */
    public static final int UNIT_AMPERE = 33;
    /** Unit enumeration value of volt. */
    public static final int UNIT_VOLT = 35;
    /** Unit enumeration value for a count or no unit. */
    public static final int UNIT_NONE = 255;
    /** Interface class of a clock. */
    public static final int CLASS_CLOCK = 8;
    /** Interface class of a register. */
    public static final int CLASS_REGISTER = 3;

    /** The clock's time attribute, the mandatory first column of a load profile. */
    public static final CaptureObject CLOCK = new CaptureObject(CLASS_CLOCK, Obis.CLOCK, 2, 0, UNIT_NONE);

    public CaptureObject {
        Objects.requireNonNull(obis, "obis");
        check("class id", classId, 0, 0xFFFF);
        check("attribute index", attributeIndex, 1, 127);
        check("scaler", scaler, -128, 127);
        check("unit", unit, 0, 255);
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "capture object " + field + " " + value + " out of range " + min + ".." + max);
        }
    }

    /** The value attribute (2) of a register (class 3). */
    public static CaptureObject register(Obis obis, int scaler, int unit) {
        return new CaptureObject(CLASS_REGISTER, obis, 2, scaler, unit);
    }

    /** Whether this is {@link #CLOCK}'s attribute (scaler and unit ignored). */
    public boolean isClock() {
        return classId == CLASS_CLOCK && obis.equals(Obis.CLOCK) && attributeIndex == 2;
    }
}
