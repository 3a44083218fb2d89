package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ObisTest {
    @Test
    void parsesDottedForm() {
        assertThat(Obis.parse("1.0.1.8.0.255")).isEqualTo(Obis.ACTIVE_ENERGY_IMPORT);
    }

    @Test
    void parsesIecFormsWithDashAndColon() {
        assertThat(Obis.parse("1-0:1.8.0.255")).isEqualTo(Obis.ACTIVE_ENERGY_IMPORT);
        assertThat(Obis.parse("1-0:32.7.0*255")).isEqualTo(Obis.VOLTAGE_L1);
    }

    @Test
    void printsDottedForm() {
        assertThat(Obis.CLOCK).hasToString("0.0.1.0.0.255");
        assertThat(Obis.STATUS_WORD).hasToString("0.0.96.10.1.255");
        assertThat(Obis.parse(Obis.VOLTAGE_L3.toString())).isEqualTo(Obis.VOLTAGE_L3);
    }

    @Test
    void definesTheDocumentedConstants() {
        assertThat(Obis.ACTIVE_ENERGY_EXPORT).hasToString("1.0.2.8.0.255");
        assertThat(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL).hasToString("1.0.1.29.0.255");
        assertThat(Obis.ACTIVE_ENERGY_EXPORT_INTERVAL).hasToString("1.0.2.29.0.255");
        assertThat(Obis.VOLTAGE_L2).hasToString("1.0.52.7.0.255");
    }

    @Test
    void rejectsGroupAbove255NamingIt() {
        assertThatThrownBy(() -> Obis.parse("1.0.1.8.0.256"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256");
        assertThatThrownBy(() -> new Obis(-1, 0, 0, 0, 0, 0)).hasMessageContaining("-1");
    }

    @Test
    void rejectsTextThatIsNoObisCode() {
        assertThatThrownBy(() -> Obis.parse("1.0.1.8.0")).hasMessageContaining("'1.0.1.8.0'");
        assertThatThrownBy(() -> Obis.parse("a.b.c.d.e.f")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Obis.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAndReadsSixBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(6);
        Obis.STATUS_WORD.writeTo(buffer);

        assertThat(buffer.array()).containsExactly(0, 0, 96, 10, 1, 0xFF);
        buffer.flip();
        assertThat(Obis.read(buffer)).isEqualTo(Obis.STATUS_WORD);
        assertThat(Obis.VOLTAGE_L1.toBytes()).containsExactly(1, 0, 32, 7, 0, 0xFF);
    }

    @Test
    void readRefusesFewerThanSixBytesWithoutConsumingThem() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 0, 1, 8, 0});

        assertThatThrownBy(() -> Obis.read(buffer)).isInstanceOf(java.nio.BufferUnderflowException.class);
        assertThat(buffer.position()).isZero();
    }
}
