package org.meterguard.server.headend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meterguard.core.Channel;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileLayout;

/**
 * The capture-object layout each meter model pushes its load profile in, as real head-ends configure it per
 * model, and which stored channel each captured OBIS code feeds.
 */
public final class MeterModels {
    /** The simulator's residential meter: 15-minute import and export energy in Wh. */
    public static final String SIMULATED_RESIDENTIAL = "MG-SIM-R1";

    private static final Map<String, ProfileLayout> LAYOUTS = Map.of(
            SIMULATED_RESIDENTIAL,
            new ProfileLayout(
                    List.of(
                            CaptureObject.CLOCK,
                            CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR),
                            CaptureObject.register(
                                    Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR)),
                    Duration.ofMinutes(15)));

    private static final Map<Obis, Channel> CHANNELS = Map.of(
            Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, Channel.ACTIVE_ENERGY_IMPORT,
            Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, Channel.ACTIVE_ENERGY_EXPORT);

    private MeterModels() {}

    public static Optional<ProfileLayout> layoutOf(String model) {
        return Optional.ofNullable(LAYOUTS.get(model));
    }

    public static Optional<Channel> channelOf(Obis obis) {
        return Optional.ofNullable(CHANNELS.get(obis));
    }
}
