package org.meterguard.dlms;

/**
 * The byte layout of a Meterguard push: a plaintext {@link DataNotification} whose body names the device and the
 * pushed object before the object's content (package-private; offsets are from the start of the APDU):
 *
 * <pre>
 *  0  0x0F                                   data-notification
 *  1  long-invoke-id-and-priority (4)
 *  5  0x00 | 0x0C ‖ date-time (12)           notification time, absent or present
 *  B  0x02 0x03                              structure(3)            B = 6 or 18
 * B+2 0x09 0x08 ‖ system title (8)           logical device name
 * B+12 0x09 0x06 ‖ OBIS (6)                  logical name of the pushed object
 * B+20 0x01 ‖ count (A-XDR length)           content: array of entries
 *
 * entry of load profile 1 (1.0.99.1.0.255):   0x02 K+1 ‖ 0x09 0x0C date-time(12) ‖ value_1 .. value_K (any integer)
 * entry of an event log (0.0.99.98/97.0.255): 0x02 0x02 ‖ 0x09 0x0C date-time(12) ‖ 0x11 code(1) | 0x12 code(2)
 * entry of a readout (0.0.21.0.1.255):        0x02 0x04 ‖ 0x09 0x06 OBIS(6) ‖ value (any integer)
 *                                             ‖ 0x02 0x02 0x0F scaler 0x16 unit ‖ 0x09 0x0C date-time(12)
 * </pre>
 */
final class PushDescriptor {
    static final int TAG_OFFSET = 0;
    static final int INVOKE_ID_OFFSET = 1;
    static final int DATE_TIME_LENGTH_OFFSET = 5;
    /** Offset of the body when the notification carries no date-time. */
    static final int BODY_OFFSET = 6;
    /** Bytes of the body before the content: structure(3), device name, pushed object's logical name. */
    static final int BODY_HEADER_LENGTH = 2 + 2 + SystemTitle.LENGTH + 2 + Obis.LENGTH;
    /** Elements of the body structure. */
    static final int BODY_ELEMENTS = 3;
    /** Bytes of a date-time written as octet-string(12): tag, length, 12 bytes. */
    static final int DATE_TIME_FIELD = 2 + CosemDateTime.LENGTH;
    /** Elements of an event log entry. */
    static final int EVENT_ELEMENTS = 2;
    /** Elements of a readout entry. */
    static final int READOUT_ELEMENTS = 4;

    private PushDescriptor() {}

    /** Bytes of an A-XDR length encoding {@code length}. */
    static int lengthSize(int length) {
        return length < 0x80 ? 1 : length <= 0xFF ? 2 : 3;
    }
}
