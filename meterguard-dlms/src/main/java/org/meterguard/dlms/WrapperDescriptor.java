package org.meterguard.dlms;

/**
 * Layout constants of the IEC 62056-47 TCP wrapper header, for framing code outside this module (for example Netty's
 * {@code LengthFieldBasedFrameDecoder(maxFrameLength(maxPayload), LENGTH_FIELD_OFFSET, LENGTH_FIELD_LENGTH,
 * LENGTH_ADJUSTMENT, INITIAL_BYTES_TO_STRIP)}, followed by {@link WrapperFrame#decode(byte[])}):
 *
 * <pre>
 *  0         2              4                   6              8
 *  +---------+--------------+-------------------+--------------+---------------+
 *  | version | source wPort | destination wPort | APDU length  | APDU (length) |
 *  | 0x0001  |   (uint16)   |     (uint16)      |   (uint16)   |               |
 *  +---------+--------------+-------------------+--------------+---------------+
 * </pre>
 *
 * All fields are big-endian.
 */
public final class WrapperDescriptor {
    /** The only wrapper version. */
    public static final int VERSION = 0x0001;
    /** Header length in bytes. */
    public static final int HEADER_LENGTH = 8;
    /** Offset of the version field. */
    public static final int VERSION_OFFSET = 0;
    /** Offset of the source wPort. */
    public static final int SOURCE_OFFSET = 2;
    /** Offset of the destination wPort. */
    public static final int DESTINATION_OFFSET = 4;
    /** Offset of the APDU length field. */
    public static final int LENGTH_FIELD_OFFSET = 6;
    /** Size of the APDU length field in bytes. */
    public static final int LENGTH_FIELD_LENGTH = 2;
    /** The length field counts exactly the APDU bytes after the header. */
    public static final int LENGTH_ADJUSTMENT = 0;
    /** Keep the header in the frame so that the version can be checked. */
    public static final int INITIAL_BYTES_TO_STRIP = 0;
    /** Largest APDU length the 16-bit field can express. */
    public static final int MAX_PAYLOAD = 0xFFFF;

    private WrapperDescriptor() {}

    /** Length of a whole frame (header included) carrying at most {@code maxPayload} APDU bytes. */
    public static int maxFrameLength(int maxPayload) {
        if (maxPayload < 0 || maxPayload > MAX_PAYLOAD) {
            throw new IllegalArgumentException("max payload " + maxPayload + " out of range 0..65535");
        }
        return HEADER_LENGTH + maxPayload;
    }
}
