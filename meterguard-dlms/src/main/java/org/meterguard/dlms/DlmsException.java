package org.meterguard.dlms;

/**
 * Base of every error this codec raises. It is unchecked; its message names the offending value (an offset, a tag, a
 * length) and never contains key bytes or decrypted data.
 */
public abstract class DlmsException extends RuntimeException {
    protected DlmsException(String message) {
        super(message);
    }
}
