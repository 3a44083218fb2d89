package org.meterguard.dlms;

/**
 * An APDU, A-XDR value or field that does not follow the DLMS encoding rules: truncated input, an unexpected tag, a
 * length that overruns the input, trailing bytes, a value outside its range. The message names the offset (when known)
 * and what was expected and found; a connection that produced one should be treated as untrustworthy.
 */
public final class MalformedApdu extends DlmsException {
    /** Offset value meaning that the error is not tied to a byte position. */
    public static final int NO_OFFSET = -1;

    private final int offset;

    /**
     * A structural error not tied to a byte position (for instance in an already decoded {@link DataValue} tree).
     *
     * @param message what is wrong, naming the bad value
     */
    public MalformedApdu(String message) {
        super(message);
        this.offset = NO_OFFSET;
    }

    /**
     * An error at a byte position of the input.
     *
     * @param offset zero-based offset of the offending byte in the decoded input
     * @param detail what was expected and what was found
     */
    public MalformedApdu(int offset, String detail) {
        super("malformed APDU at offset " + offset + ": " + detail);
        this.offset = offset;
    }

    /** Zero-based offset of the offending byte, or {@link #NO_OFFSET}. */
    public int offset() {
        return offset;
    }
}
