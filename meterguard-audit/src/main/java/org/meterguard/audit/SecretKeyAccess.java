package org.meterguard.audit;

/**
 * The capability a caller must present to read a tree head signing key's private bytes out of
 * {@link TreeHeadSigningKey}. Obtaining it through {@link #insecure()} makes every place that handles private key
 * material visible in review (the idea of Tink's {@code InsecureSecretKeyAccess}).
 */
public final class SecretKeyAccess {
    private static final SecretKeyAccess INSTANCE = new SecretKeyAccess();

    private SecretKeyAccess() {}

    /** The token; call it only where private key bytes are genuinely needed (key storage, provisioning). */
    public static SecretKeyAccess insecure() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "SecretKeyAccess[insecure]";
    }
}
