package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CipheringKeysTest {
    private static final byte[] EK = new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final byte[] AK = new byte[] {16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};

    @Test
    void rejectsKeysOtherThanSixteenBytesWithTheDocumentedMessage() {
        assertThatThrownBy(() -> CipheringKeys.of(new byte[20], AK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid key size 20; only 16 bytes are supported");
        assertThatThrownBy(() -> CipheringKeys.of(EK, new byte[32]))
                .hasMessage("invalid key size 32; only 16 bytes are supported");
    }

    @Test
    void copiesKeysInAndOut() {
        byte[] ek = EK.clone();
        CipheringKeys keys = CipheringKeys.of(ek, AK);
        ek[0] = 99;
        keys.encryptionKey(KeyAccess.insecure())[1] = 99;

        assertThat(keys.encryptionKey(KeyAccess.insecure())).isEqualTo(EK);
        assertThat(keys.authenticationKey(KeyAccess.insecure())).isEqualTo(AK);
    }

    @Test
    void redactsToString() {
        assertThat(CipheringKeys.of(EK, AK)).hasToString("CipheringKeys[redacted]");
    }

    @Test
    void equalsComparesBothKeys() {
        CipheringKeys keys = CipheringKeys.of(EK, AK);

        assertThat(keys).isEqualTo(CipheringKeys.of(EK.clone(), AK.clone()));
        assertThat(keys).hasSameHashCodeAs(CipheringKeys.of(EK, AK));
        assertThat(keys).isNotEqualTo(CipheringKeys.of(AK, EK));
        assertThat(keys).isNotEqualTo(CipheringKeys.of(EK, EK));
        assertThat(keys).isNotEqualTo(CipheringKeys.of(AK, AK));
    }

    @Test
    void requiresTheKeyAccessToken() {
        CipheringKeys keys = CipheringKeys.of(EK, AK);

        assertThatThrownBy(() -> keys.encryptionKey(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void generatesDistinctRandomKeys() {
        SecureRandom random = new SecureRandom();
        CipheringKeys first = CipheringKeys.generate(random);
        CipheringKeys second = CipheringKeys.generate(random);

        assertThat(first).isNotEqualTo(second);
        assertThat(first.encryptionKey(KeyAccess.insecure()))
                .hasSize(16)
                .isNotEqualTo(first.authenticationKey(KeyAccess.insecure()));
    }
}
