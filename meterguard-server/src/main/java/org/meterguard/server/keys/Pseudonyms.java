package org.meterguard.server.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.meterguard.core.MeterId;
import org.springframework.stereotype.Component;

/**
 * Keyed pseudonyms for reads that need no identity (e.g. a feeder's outages for grid planning): an HMAC-SHA256 of
 * the meter id under a key derived from the KEK, so the same meter gets the same pseudonym in every answer (outages
 * can still be counted and compared) while nobody without the key can tell which meter it is or guess it by
 * hashing candidate ids.
 */
@Component
public class Pseudonyms {
    private static final int BYTES = 12;

    private final SecretKeySpec key;

    Pseudonyms(KeyEncryptionKey kek) {
        this.key = new SecretKeySpec(kek.derive("pseudonyms v1"), "HmacSHA256");
    }

    /** The meter's pseudonym, {@code pm-} and 24 hex digits. */
    public String ofMeter(MeterId meter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal(("meter:" + meter.value()).getBytes(StandardCharsets.UTF_8));
            return "pm-" + HexFormat.of().formatHex(tag, 0, BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not compute a pseudonym", e);
        }
    }
}
