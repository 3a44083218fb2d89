package org.meterguard.dlms;

/**
 * The capability a caller must present to read raw key bytes out of {@link CipheringKeys}. Obtaining it through
 * {@link #insecure()} makes every place that handles raw key material visible in the code (the same idea as Tink's
 * {@code InsecureSecretKeyAccess}).
 */
public final class KeyAccess {
    private static final KeyAccess INSTANCE = new KeyAccess();

    private KeyAccess() {}

    /** The token; call it only where raw key bytes are genuinely needed (key storage, provisioning). */
    public static KeyAccess insecure() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "KeyAccess[insecure]";
    }
}
