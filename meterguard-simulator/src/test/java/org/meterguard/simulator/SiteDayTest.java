package org.meterguard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.meterguard.dlms.CipheringKeys;
import org.meterguard.dlms.DecodedPush;
import org.meterguard.dlms.MeterEvent;
import org.meterguard.dlms.MeterEventCode;
import org.meterguard.dlms.MeterModel;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.PushDecoder;
import org.meterguard.dlms.SystemTitle;

class SiteDayTest {
    private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
    private static final Instant SUMMER = Instant.parse("2026-06-21T00:00:00Z");
    private static final Instant WINTER = Instant.parse("2026-12-21T00:00:00Z");

    @Test
    void solarExportsOnlyInDaylightAndMoreInSummer() {
        FleetMeter site = site(MeterKind.SOLAR, 7);
        ProfileBuffer summer = profile(new SiteDay(ZONE, 0, 0), site, SUMMER);
        long summerExport = 0;
        for (int row = 0; row < summer.size(); row++) {
            int localHour =
                    summer.capturedAt(row).minusSeconds(900).atZone(ZONE).getHour();
            if (localHour < 4 || localHour >= 22) {
                assertThat(summer.value(row, 1))
                        .as("no export at night, hour " + localHour)
                        .isZero();
            }
            assertThat(summer.value(row, 0)).isNotNegative();
            summerExport += summer.value(row, 1);
        }
        ProfileBuffer winter = profile(new SiteDay(ZONE, 0, 0), site, WINTER);
        long winterExport = 0;
        for (int row = 0; row < winter.size(); row++) {
            winterExport += winter.value(row, 1);
        }
        assertThat(summerExport).isGreaterThan(winterExport).isGreaterThan(5_000);
    }

    @Test
    void theSameMeterAndDayGiveTheSameBytes() {
        FleetMeter site = site(MeterKind.EV, 3);
        SiteDay days = new SiteDay(ZONE, 0.5, 0.5);
        assertThat(days.pushes(site, SUMMER).get(0))
                .isEqualTo(days.pushes(site, SUMMER).get(0));
    }

    @Test
    void anOutageDarkensTheMeterAndIsLoggedAsPowerDownAndUp() {
        FleetMeter site = site(MeterKind.RESIDENTIAL, 11);
        List<byte[]> pushes = new SiteDay(ZONE, 1, 0).pushes(site, SUMMER);
        assertThat(pushes).hasSize(2);
        ProfileBuffer profile = decodeProfile(site, pushes.get(0));
        long dark = 0;
        for (int row = 0; row < profile.size(); row++) {
            if (profile.value(row, 2) == 0) {
                dark++;
                assertThat(profile.value(row, 0)).isZero();
            }
        }
        assertThat(dark).isBetween(1L, 8L);
        DecodedPush.EventLogPush log = (DecodedPush.EventLogPush) PushDecoder.decode(pushes.get(1), model(site));
        assertThat(log.events())
                .extracting(MeterEvent::known)
                .extracting(o -> o.orElseThrow())
                .containsExactly(MeterEventCode.POWER_DOWN, MeterEventCode.POWER_UP);
    }

    @Test
    void tamperingOpensTheCoverAndRecordsNothingUnderVoltageFromNoon() {
        FleetMeter site = site(MeterKind.RESIDENTIAL, 5);
        List<byte[]> pushes = new SiteDay(ZONE, 0, 1).pushes(site, SUMMER);
        ProfileBuffer profile = decodeProfile(site, pushes.get(0));
        for (int row = 48; row < 96; row++) {
            assertThat(profile.value(row, 0)).isZero();
            assertThat(profile.value(row, 2)).isBetween(2300L, 2450L);
        }
        DecodedPush.EventLogPush log = (DecodedPush.EventLogPush) PushDecoder.decode(pushes.get(1), model(site));
        assertThat(log.events()).extracting(MeterEvent::code).containsExactly(MeterEventCode.METER_COVER_OPENED.code());
    }

    @Test
    void aBusinessDrawsMoreOnAWeekdayThanOnASunday() {
        FleetMeter site = site(MeterKind.COMMERCIAL, 9);
        long monday = total(profile(new SiteDay(ZONE, 0, 0), site, Instant.parse("2026-06-22T00:00:00Z")));
        long sunday = total(profile(new SiteDay(ZONE, 0, 0), site, Instant.parse("2026-06-28T00:00:00Z")));
        assertThat(monday).isGreaterThan(sunday * 3 / 2);
    }

    @Test
    void generatesTheMixBehindTheCollectorsAndReadsItBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        SimulatedFleet fleet =
                SimulatedFleet.generate(100, 4, SimulatedFleet.mix("residential=70,solar=15,ev=10,commercial=5"), "T");
        assertThat(fleet.collectors()).hasSize(4);
        assertThat(fleet.meters().stream().filter(m -> m.kind() == MeterKind.SOLAR))
                .hasSize(15);
        fleet.write(dir);
        assertThat(java.nio.file.Files.getPosixFilePermissions(dir.resolve(SimulatedFleet.FLEET_CSV)))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        SimulatedFleet read = SimulatedFleet.read(dir);
        assertThat(read.meters())
                .extracting(FleetMeter::kind)
                .isEqualTo(fleet.meters().stream().map(FleetMeter::kind).toList());
        assertThat(read.meters().get(42).meter().keys().encryptionKey(org.meterguard.dlms.KeyAccess.insecure()))
                .isEqualTo(
                        fleet.meters().get(42).meter().keys().encryptionKey(org.meterguard.dlms.KeyAccess.insecure()));
    }

    private static long total(ProfileBuffer profile) {
        long sum = 0;
        for (int row = 0; row < profile.size(); row++) {
            sum += profile.value(row, 0);
        }
        return sum;
    }

    private static ProfileBuffer profile(SiteDay days, FleetMeter site, Instant day) {
        return decodeProfile(site, days.pushes(site, day).get(0));
    }

    private static ProfileBuffer decodeProfile(FleetMeter site, byte[] apdu) {
        return ((DecodedPush.LoadProfilePush) PushDecoder.decode(apdu, model(site))).buffer();
    }

    private static MeterModel model(FleetMeter site) {
        return new MeterModel(
                site.kind().model(),
                SimulatedModels.layout(site.kind().model()),
                Set.of(Obis.STANDARD_EVENT_LOG),
                List.of());
    }

    private static FleetMeter site(MeterKind kind, int serial) {
        return new FleetMeter(
                new SimulatedMeter(
                        "T-" + serial,
                        new SystemTitle(0x4D47_0000_0000_0000L | serial),
                        CipheringKeys.generate(new SecureRandom())),
                kind,
                "C-1");
    }
}
