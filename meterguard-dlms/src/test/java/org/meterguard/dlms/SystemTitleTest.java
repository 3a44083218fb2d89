package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SystemTitleTest {
    @Test
    void parsesAndPrintsSixteenUppercaseHexDigits() {
        SystemTitle title = SystemTitle.parse("4d4d4d0000bc614e");

        assertThat(title.value()).isEqualTo(0x4D4D4D0000BC614EL);
        assertThat(title).hasToString("4D4D4D0000BC614E");
    }

    @Test
    void convertsToAndFromEightBigEndianBytes() {
        byte[] bytes = HexFormat.of().parseHex("FF4D4D0000BC614E");
        SystemTitle title = SystemTitle.of(bytes);

        assertThat(title.value()).isNegative();
        assertThat(title.toBytes()).isEqualTo(bytes);
        assertThat(title).hasToString("FF4D4D0000BC614E");
    }

    @Test
    void rejectsByteArraysOfOtherLengthsNamingTheLength() {
        assertThatThrownBy(() -> SystemTitle.of(new byte[7]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7");
        assertThatThrownBy(() -> SystemTitle.of(new byte[9])).hasMessageContaining("9");
    }

    @Test
    void rejectsTextThatIsNotSixteenHexDigits() {
        assertThatThrownBy(() -> SystemTitle.parse("4D4D4D0000BC614")).hasMessageContaining("4D4D4D0000BC614");
        assertThatThrownBy(() -> SystemTitle.parse("4D4D4D0000BC614G")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SystemTitle.parse("+D4D4D0000BC614E")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsManufacturerFromTheFirstThreeBytes() {
        assertThat(SystemTitle.parse("4D4D4D0000BC614E").manufacturer()).isEqualTo("MMM");
        assertThat(SystemTitle.parse("4B464D1234567890").manufacturer()).isEqualTo("KFM");
        assertThat(SystemTitle.parse("00414200BC614E00").manufacturer()).isEqualTo("?AB");
    }
}
