package org.meterguard.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.meterguard.dlms.MeterEvent;
import org.meterguard.dlms.MeterEventCode;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileBuffer;
import org.meterguard.dlms.ProfileLayout;
import org.meterguard.dlms.PushEncoder;

/**
 * One meter's pushes for one UTC day: its load profile in its model's layout and, when something happened, its
 * event log. What happens is decided per meter and day from the seed: an outage (power down and up, no energy and
 * no voltage meanwhile) with probability {@code outageRate}; tampering (the meter cover opened, then from noon a
 * bypass: no consumption recorded while voltage is present) with probability {@code tamperRate}.
 *
 * @param zone the local time zone of the load shapes
 * @param outageRate probability of an outage per meter-day, 0..1
 * @param tamperRate probability of tampering per meter-day, 0..1
 */
public record SiteDay(ZoneId zone, double outageRate, double tamperRate) {
    /** Nominal voltage in 0.1 V. */
    static final int NOMINAL_DECIVOLTS = 2400;

    public SiteDay {
        if (outageRate < 0 || outageRate > 1 || tamperRate < 0 || tamperRate > 1) {
            throw new IllegalArgumentException(
                    "rates must lie in 0..1; got outage " + outageRate + ", tamper " + tamperRate);
        }
    }

    /** The DataNotification APDUs (plaintext) the meter pushes for the UTC day starting at {@code dayStart}. */
    public List<byte[]> pushes(FleetMeter site, Instant dayStart) {
        long seed = site.meter().systemTitle().value() * 0x9E3779B97F4A7C15L;
        long day = dayStart.getEpochSecond() / 86_400;
        ProfileLayout layout = SimulatedModels.layout(site.kind().model());
        long period = layout.capturePeriod().getSeconds();
        int slots = (int) (86_400 / period);
        int outageStart = -1;
        int outageEnd = -1;
        if (MeterKind.Noise.unit(seed ^ 0x0D, day) < outageRate) {
            outageStart = (int) (MeterKind.Noise.unit(seed ^ 0x0E, day) * (slots - 8));
            outageEnd = outageStart + 1 + (int) (MeterKind.Noise.unit(seed ^ 0x0F, day) * 8);
        }
        boolean tampered = MeterKind.Noise.unit(seed ^ 0x7A, day) < tamperRate;
        ProfileBuffer.Builder buffer = ProfileBuffer.builder(layout.valueColumns());
        long[] row = new long[layout.valueColumns()];
        for (int slot = 0; slot < slots; slot++) {
            Instant start = dayStart.plusSeconds(slot * period);
            boolean dark = slot >= outageStart && slot < outageEnd;
            boolean bypassed = tampered && slot >= slots / 2;
            fill(row, site, seed, start, period, dark, bypassed);
            buffer.add(start.plusSeconds(period), row);
        }
        long invokeId = day & 0xFFFF;
        List<byte[]> pushes = new ArrayList<>(2);
        pushes.add(PushEncoder.loadProfile(invokeId, site.meter().systemTitle(), layout, buffer.build()));
        List<MeterEvent> events = new ArrayList<>();
        if (outageStart >= 0) {
            events.add(MeterEvent.of(dayStart.plusSeconds(outageStart * period + 7), MeterEventCode.POWER_DOWN));
            events.add(MeterEvent.of(dayStart.plusSeconds(outageEnd * period + 3), MeterEventCode.POWER_UP));
        }
        if (tampered) {
            events.add(MeterEvent.of(
                    dayStart.plus(Duration.ofHours(11)).plusSeconds(42), MeterEventCode.METER_COVER_OPENED));
        }
        if (!events.isEmpty()) {
            events.sort((a, b) -> a.at().compareTo(b.at()));
            pushes.add(PushEncoder.events(invokeId, site.meter().systemTitle(), Obis.STANDARD_EVENT_LOG, events));
        }
        return pushes;
    }

    private void fill(
            long[] row, FleetMeter site, long seed, Instant start, long period, boolean dark, boolean bypassed) {
        ZonedDateTime local = start.atZone(zone);
        double hours = period / 3600.0;
        double demand = dark ? 0 : site.kind().demandKw(seed, local, start);
        double solar = dark ? 0 : site.kind().solarKw(seed, local, start);
        double net = demand - solar;
        row[0] = bypassed ? 0 : Math.round(Math.max(net, 0) * 1000 * hours);
        row[1] = bypassed ? 0 : Math.round(Math.max(-net, 0) * 1000 * hours);
        for (int column = 2; column < row.length; column++) {
            boolean status = site.kind().model().equals(SimulatedModels.R2) && column == 3;
            if (status) {
                row[column] = dark ? 0x0001 : 0;
            } else {
                double sag = 25 * Math.min(1, demand / 6.0);
                double noise = 30 * (MeterKind.Noise.unit(seed ^ column, start.getEpochSecond()) - 0.5);
                row[column] = dark ? 0 : Math.round(NOMINAL_DECIVOLTS - sag + noise);
            }
        }
    }
}
