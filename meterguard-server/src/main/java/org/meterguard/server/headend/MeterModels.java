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
 * model (independently of what a meter claims), and which stored channel each captured OBIS code feeds. Columns
 * without a stored channel (the status word) are checked but not stored as interval data.
 */
public final class MeterModels {
    /** Residential: 15-minute import and export energy in Wh. */
    public static final String SIMULATED_RESIDENTIAL = "MG-SIM-R1";
    /** Residential with voltage: 15-minute import and export in Wh, phase L1 voltage in 0.1 V, status word. */
    public static final String SIMULATED_RESIDENTIAL_VOLTAGE = "MG-SIM-R2";
    /** Small commercial, three-phase: 15-minute import and export in Wh, voltage L1–L3 in 0.1 V. */
    public static final String SIMULATED_COMMERCIAL = "MG-SIM-C3";
    /** Residential, hourly: import and export energy in Wh. */
    public static final String SIMULATED_HOURLY = "MG-SIM-H1";

    private static final CaptureObject IMPORT =
            CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR);
    private static final CaptureObject EXPORT =
            CaptureObject.register(Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR);
    private static final CaptureObject VOLTAGE_L1 =
            CaptureObject.register(Obis.VOLTAGE_L1, -1, CaptureObject.UNIT_VOLT);
    private static final CaptureObject VOLTAGE_L2 =
            CaptureObject.register(Obis.VOLTAGE_L2, -1, CaptureObject.UNIT_VOLT);
    private static final CaptureObject VOLTAGE_L3 =
            CaptureObject.register(Obis.VOLTAGE_L3, -1, CaptureObject.UNIT_VOLT);
    private static final CaptureObject STATUS = CaptureObject.register(Obis.STATUS_WORD, 0, CaptureObject.UNIT_NONE);

    private static final Map<String, ProfileLayout> LAYOUTS = Map.of(
            SIMULATED_RESIDENTIAL, ProfileLayout.of(Duration.ofMinutes(15), IMPORT, EXPORT),
            SIMULATED_RESIDENTIAL_VOLTAGE, ProfileLayout.of(Duration.ofMinutes(15), IMPORT, EXPORT, VOLTAGE_L1, STATUS),
            SIMULATED_COMMERCIAL,
                    ProfileLayout.of(Duration.ofMinutes(15), IMPORT, EXPORT, VOLTAGE_L1, VOLTAGE_L2, VOLTAGE_L3),
            SIMULATED_HOURLY, ProfileLayout.of(Duration.ofHours(1), IMPORT, EXPORT));

    private static final Map<Obis, Channel> CHANNELS = Map.of(
            Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, Channel.ACTIVE_ENERGY_IMPORT,
            Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, Channel.ACTIVE_ENERGY_EXPORT,
            Obis.VOLTAGE_L1, Channel.VOLTAGE_L1,
            Obis.VOLTAGE_L2, Channel.VOLTAGE_L2,
            Obis.VOLTAGE_L3, Channel.VOLTAGE_L3);

    private MeterModels() {}

    /** The load-profile layout of a model. */
    public static Optional<ProfileLayout> layoutOf(String model) {
        return Optional.ofNullable(LAYOUTS.get(model));
    }

    /** The stored channel a captured OBIS code feeds, if any. */
    public static Optional<Channel> channelOf(Obis obis) {
        return Optional.ofNullable(CHANNELS.get(obis));
    }

    /** The configured model names. */
    public static List<String> names() {
        return LAYOUTS.keySet().stream().sorted().toList();
    }
}
