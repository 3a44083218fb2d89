package org.meterguard.server.keys;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the key-encryption key lives.
 *
 * @param keystore the PKCS#12 file holding the KEK; created on first start
 * @param keystorePassword the keystore's password; when empty, a generated one is kept in
 *     {@code keystore-password} beside the keystore, readable by the owner only (a demo default: production
 *     passes {@code MG_KEYSTORE_PASSWORD} from its secret store)
 */
@ConfigurationProperties("meterguard.keys")
public record KeyProperties(Path keystore, @DefaultValue("") String keystorePassword) {

    @Override
    public String toString() {
        return "KeyProperties[keystore=" + keystore + ", keystorePassword=redacted]";
    }
}
