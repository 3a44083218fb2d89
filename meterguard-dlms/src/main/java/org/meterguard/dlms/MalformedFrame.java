package org.meterguard.dlms;

/**
 * An IEC 62056-47 wrapper frame that cannot be accepted: a version other than 0x0001, a declared length above the
 * configured maximum, or a length that disagrees with the bytes present. The byte stream cannot be resynchronised after
 * this; the caller must close the connection.
 */
public final class MalformedFrame extends DlmsException {
    /**
     * @param message what is wrong, naming the bad value
     */
    public MalformedFrame(String message) {
        super(message);
    }
}
