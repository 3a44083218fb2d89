package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecurityControlTest {
    @Test
    void mapsTheThreeSuiteZeroBytes() {
        assertThat(SecurityControl.fromByte(0x30)).isEqualTo(SecurityControl.AUTHENTICATED_AND_ENCRYPTED);
        assertThat(SecurityControl.fromByte(0x20)).isEqualTo(SecurityControl.ENCRYPTED_ONLY);
        assertThat(SecurityControl.fromByte(0x10)).isEqualTo(SecurityControl.AUTHENTICATED_ONLY);
        for (SecurityControl sc : SecurityControl.values()) {
            assertThat(SecurityControl.fromByte(sc.toByte())).isEqualTo(sc);
        }
    }

    @Test
    void reportsAuthenticationAndEncryptionFlags() {
        assertThat(SecurityControl.AUTHENTICATED_AND_ENCRYPTED.authenticated()).isTrue();
        assertThat(SecurityControl.AUTHENTICATED_AND_ENCRYPTED.encrypted()).isTrue();
        assertThat(SecurityControl.ENCRYPTED_ONLY.authenticated()).isFalse();
        assertThat(SecurityControl.ENCRYPTED_ONLY.encrypted()).isTrue();
        assertThat(SecurityControl.AUTHENTICATED_ONLY.authenticated()).isTrue();
        assertThat(SecurityControl.AUTHENTICATED_ONLY.encrypted()).isFalse();
    }

    @Test
    void rejectsOtherSuitesNamingTheByte() {
        assertThatThrownBy(() -> SecurityControl.fromByte(0x31))
                .isExactlyInstanceOf(MalformedApdu.class)
                .hasMessageContaining("0x31")
                .hasMessageContaining("suite 1");
    }

    @Test
    void rejectsCompressionBroadcastKeyAndNoProtection() {
        assertThatThrownBy(() -> SecurityControl.fromByte(0xB0)).hasMessageContaining("compression");
        assertThatThrownBy(() -> SecurityControl.fromByte(0x70)).hasMessageContaining("broadcast");
        assertThatThrownBy(() -> SecurityControl.fromByte(0x00)).hasMessageContaining("no protection");
        assertThatThrownBy(() -> SecurityControl.fromByte(0x130)).isExactlyInstanceOf(MalformedApdu.class);
    }

    @Test
    void acceptsOnlyThreeOfAllByteValues() {
        int accepted = 0;
        for (int b = 0; b < 256; b++) {
            try {
                SecurityControl.fromByte(b);
                accepted++;
            } catch (MalformedApdu expected) {
                // refused
            }
        }
        assertThat(accepted).isEqualTo(3);
    }
}
