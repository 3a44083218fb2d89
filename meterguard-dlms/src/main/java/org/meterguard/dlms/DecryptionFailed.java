package org.meterguard.dlms;

/**
 * A secured APDU that failed security suite 0 verification. Every failure of {@link SecuritySuite0#unprotect} after
 * the clear-text header has been read (bad tag, wrong key, wrong system title, altered counter or security control,
 * missing authentication, truncated tag) raises this type with the same message {@value #MESSAGE} and no cause, so
 * that nothing outside can tell which check failed.
 */
public final class DecryptionFailed extends DlmsException {
    /** The single message of every decryption failure. */
    public static final String MESSAGE = "frame failed authentication";

    /** Creates the (always identical) failure. */
    public DecryptionFailed() {
        super(MESSAGE);
    }
}
