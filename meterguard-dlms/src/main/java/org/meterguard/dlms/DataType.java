package org.meterguard.dlms;

/**
 * The A-XDR data types of the DLMS Blue Book (DLMS UA 1000-1) with their tag bytes. Fixed-width integer types (and
 * enum) carry their width and signedness; every value is encoded big-endian after its tag.
 */
public enum DataType {
    NULL_DATA(0, "null-data", 0, false),
    ARRAY(1, "array", 0, false),
    STRUCTURE(2, "structure", 0, false),
    BOOLEAN(3, "boolean", 0, false),
    BIT_STRING(4, "bit-string", 0, false),
    DOUBLE_LONG(5, "double-long", 4, true),
    DOUBLE_LONG_UNSIGNED(6, "double-long-unsigned", 4, false),
    OCTET_STRING(9, "octet-string", 0, false),
    VISIBLE_STRING(10, "visible-string", 0, false),
    UTF8_STRING(12, "utf8-string", 0, false),
    BCD(13, "bcd", 0, false),
    INTEGER(15, "integer", 1, true),
    LONG(16, "long", 2, true),
    UNSIGNED(17, "unsigned", 1, false),
    LONG_UNSIGNED(18, "long-unsigned", 2, false),
    COMPACT_ARRAY(19, "compact-array", 0, false),
    LONG64(20, "long64", 8, true),
    LONG64_UNSIGNED(21, "long64-unsigned", 8, false),
    ENUM(22, "enum", 1, false),
    FLOAT32(23, "float32", 0, false),
    FLOAT64(24, "float64", 0, false),
    DATE_TIME(25, "date-time", 0, false),
    DATE(26, "date", 0, false),
    TIME(27, "time", 0, false),
    DELTA_INTEGER(28, "delta-integer", 0, false),
    DELTA_LONG(29, "delta-long", 0, false),
    DELTA_DOUBLE_LONG(30, "delta-double-long", 0, false),
    DELTA_UNSIGNED(31, "delta-unsigned", 0, false),
    DELTA_LONG_UNSIGNED(32, "delta-long-unsigned", 0, false),
    DELTA_DOUBLE_LONG_UNSIGNED(33, "delta-double-long-unsigned", 0, false);

    private static final DataType[] BY_TAG = new DataType[256];

    static {
        for (DataType type : values()) {
            BY_TAG[type.tag] = type;
        }
    }

    private final int tag;
    private final String dlmsName;
    private final int width;
    private final boolean signed;

    DataType(int tag, String dlmsName, int width, boolean signed) {
        this.tag = tag;
        this.dlmsName = dlmsName;
        this.width = width;
        this.signed = signed;
    }

    /** The type with this tag, or {@code null} when the tag is not a known type. */
    public static DataType fromTag(int tag) {
        return tag < 0 || tag > 0xFF ? null : BY_TAG[tag];
    }

    /** The tag byte. */
    public int tag() {
        return tag;
    }

    /** The Blue Book name, for example "double-long-unsigned". */
    public String dlmsName() {
        return dlmsName;
    }

    /** Whether this is one of the eight integer types (not enum). */
    public boolean isInteger() {
        return width > 0 && this != ENUM;
    }

    /** Number of value bytes of a fixed-width integer or enum type; 0 for every other type. */
    public int width() {
        return width;
    }

    /** Whether a fixed-width integer type is two's-complement signed. */
    public boolean signed() {
        return signed;
    }

    /**
     * Whether {@code value} fits this integer type. A long64-unsigned holds all 64 bits, so any {@code long} fits
     * (read as unsigned).
     */
    public boolean fits(long value) {
        if (width == 0) {
            return false;
        }
        if (width == 8) {
            return true;
        }
        int bits = width * 8;
        return signed ? value >= -(1L << (bits - 1)) && value < (1L << (bits - 1)) : value >= 0 && value < (1L << bits);
    }

    /**
     * Checks {@link #fits}.
     *
     * @throws IllegalArgumentException naming the value and type when it does not fit
     */
    public long checkFits(long value) {
        if (!fits(value)) {
            throw new IllegalArgumentException("value " + value + " does not fit A-XDR type " + dlmsName);
        }
        return value;
    }

    /** "double-long-unsigned (0x06)". */
    String describe() {
        return dlmsName + " (" + Hex.byteHex(tag) + ")";
    }

    /** Describes a tag byte, known or not. */
    static String describeTag(int tag) {
        DataType type = fromTag(tag);
        return type == null ? "unknown tag " + Hex.byteHex(tag) : type.describe();
    }
}
