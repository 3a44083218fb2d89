package org.meterguard.dlms;

import java.util.Objects;

/**
 * The xDLMS data-notification APDU a meter pushes (usually inside {@link GeneralGloCiphering}):
 *
 * <pre>
 * +------+--------------------------+------------------------------+-------------------+
 * | 0x0F | long-invoke-id-and-      | date-time: 0x00 (absent) or  | notification-body |
 * |      | priority (4, big-endian) | 0x0C ‖ 12 bytes              | (one A-XDR Data)  |
 * +------+--------------------------+------------------------------+-------------------+
 * </pre>
 *
 * @param longInvokeIdAndPriority 0..0xFFFFFFFF
 * @param dateTime the time of the notification, or {@code null} when absent
 * @param body the notification body
 */
public record DataNotification(long longInvokeIdAndPriority, CosemDateTime dateTime, DataValue body) {
    /** The APDU tag. */
    public static final int TAG = 0x0F;

    public DataNotification {
        if (longInvokeIdAndPriority < 0 || longInvokeIdAndPriority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(
                    "long-invoke-id-and-priority " + longInvokeIdAndPriority + " out of range 0..4294967295");
        }
        Objects.requireNonNull(body, "body");
    }

    /** The APDU bytes. */
    public byte[] encode() {
        AxdrWriter writer = new AxdrWriter(256);
        writer.rawUint8(TAG).rawUint32(longInvokeIdAndPriority);
        if (dateTime == null) {
            writer.length(0);
        } else {
            writer.length(CosemDateTime.LENGTH).rawBytes(dateTime.toBytes());
        }
        body.encode(writer);
        return writer.toByteArray();
    }

    /**
     * Decodes a complete APDU; trailing bytes are refused.
     *
     * @throws MalformedApdu naming offset and problem on any malformed input
     * @throws UnsupportedDataType when the body uses an unsupported A-XDR type
     */
    public static DataNotification decode(byte[] apdu) {
        AxdrReader reader = new AxdrReader(apdu);
        int tag = reader.readRawUint8();
        if (tag != TAG) {
            throw reader.malformed(0, "expected data-notification tag 0x0F, found " + Hex.byteHex(tag));
        }
        long invokeId = reader.readRawUint32();
        CosemDateTime dateTime = readOptionalDateTime(reader);
        DataValue body = DataValue.decode(reader);
        reader.expectEnd();
        return new DataNotification(invokeId, dateTime, body);
    }

    private static CosemDateTime readOptionalDateTime(AxdrReader reader) {
        int offset = reader.position();
        int length = reader.readLength();
        if (length == 0) {
            return null;
        }
        if (length != CosemDateTime.LENGTH) {
            throw reader.malformed(offset, "date-time octet-string of length " + length + "; expected 0 or 12");
        }
        try {
            return CosemDateTime.read(reader.readRawBytes(length));
        } catch (IllegalArgumentException e) {
            throw reader.malformed(offset, e.getMessage());
        }
    }
}
