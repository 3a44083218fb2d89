package org.meterguard.dlms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CollectorMessageTest {
    private static final Instant AT = Instant.parse("2026-11-23T04:00:00Z");

    @Test
    void roundTripsHeartbeatsAndAlarms() {
        for (CollectorMessage message : new CollectorMessage[] {
            CollectorMessage.heartbeat(0xFFFF_FFFFL, AT, 1234),
            CollectorMessage.alarm(7, AT, CollectorMessage.Alarm.ENCLOSURE_OPENED, 0),
            CollectorMessage.alarm(8, AT, CollectorMessage.Alarm.POWER_LOST, 99)
        }) {
            assertThat(CollectorMessage.decode(message.encode())).isEqualTo(message);
        }
    }

    @Test
    void frameIsAddressedToTheCollectorManagementPort() {
        WrapperFrame frame =
                WrapperFrame.decode(CollectorMessage.heartbeat(1, AT, 3).frame());
        assertThat(frame.destination()).isEqualTo(CollectorMessage.HEAD_END_WPORT);
        assertThat(CollectorMessage.decode(frame.payload())).isEqualTo(CollectorMessage.heartbeat(1, AT, 3));
    }

    @Test
    void refusesWrongLengthMagicKindAndAlarm() {
        byte[] good =
                CollectorMessage.alarm(1, AT, CollectorMessage.Alarm.TILT, 2).encode();
        assertThatThrownBy(() -> CollectorMessage.decode(new byte[21])).isInstanceOf(MalformedApdu.class);
        byte[] magic = good.clone();
        magic[0] = 0;
        assertThatThrownBy(() -> CollectorMessage.decode(magic)).isInstanceOf(MalformedApdu.class);
        byte[] kind = good.clone();
        kind[3] = 9;
        assertThatThrownBy(() -> CollectorMessage.decode(kind)).isInstanceOf(MalformedApdu.class);
        byte[] alarm = good.clone();
        alarm[17] = 42;
        assertThatThrownBy(() -> CollectorMessage.decode(alarm)).hasMessageContaining("unknown alarm 42");
        byte[] heartbeatWithAlarm = CollectorMessage.heartbeat(1, AT, 2).encode();
        heartbeatWithAlarm[17] = 2;
        assertThatThrownBy(() -> CollectorMessage.decode(heartbeatWithAlarm)).isInstanceOf(MalformedApdu.class);
    }
}
