package org.meterguard.server.headend;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meterguard.core.Channel;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.MeterModel;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileLayout;

/**
 * What each meter model pushes, as real head-ends configure it per model (independently of what a meter claims):
 * the capture-object layout of its load profile, its event logs and its registers; and which stored channel each
 * captured OBIS code feeds. Columns
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

    private static final Set<Obis> EVENT_LOGS = Set.of(Obis.STANDARD_EVENT_LOG, Obis.POWER_FAILURE_EVENT_LOG);
    private static final List<Obis> REGISTERS = List.of(Obis.ACTIVE_ENERGY_IMPORT, Obis.ACTIVE_ENERGY_EXPORT);

    private static final Map<String, MeterModel> MODELS = Map.of(
            SIMULATED_RESIDENTIAL, model(SIMULATED_RESIDENTIAL, Duration.ofMinutes(15), IMPORT, EXPORT),
            SIMULATED_RESIDENTIAL_VOLTAGE,
                    model(SIMULATED_RESIDENTIAL_VOLTAGE, Duration.ofMinutes(15), IMPORT, EXPORT, VOLTAGE_L1, STATUS),
            SIMULATED_COMMERCIAL,
                    model(
                            SIMULATED_COMMERCIAL,
                            Duration.ofMinutes(15),
                            IMPORT,
                            EXPORT,
                            VOLTAGE_L1,
                            VOLTAGE_L2,
                            VOLTAGE_L3),
            SIMULATED_HOURLY, model(SIMULATED_HOURLY, Duration.ofHours(1), IMPORT, EXPORT));

    private static final Map<Obis, Channel> CHANNELS = Map.of(
            Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, Channel.ACTIVE_ENERGY_IMPORT,
            Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, Channel.ACTIVE_ENERGY_EXPORT,
            Obis.VOLTAGE_L1, Channel.VOLTAGE_L1,
            Obis.VOLTAGE_L2, Channel.VOLTAGE_L2,
            Obis.VOLTAGE_L3, Channel.VOLTAGE_L3);

    private MeterModels() {}

    private static MeterModel model(String name, Duration period, CaptureObject... columns) {
        return new MeterModel(name, ProfileLayout.of(period, columns), EVENT_LOGS, REGISTERS);
    }

    /** A configured model: its load-profile layout, event logs and registers. */
    public static Optional<MeterModel> model(String name) {
        return Optional.ofNullable(MODELS.get(name));
    }

    /** The load-profile layout of a model. */
    public static Optional<ProfileLayout> layoutOf(String model) {
        return model(model).map(MeterModel::loadProfile);
    }

    /** The stored channel a captured OBIS code feeds, if any. */
    public static Optional<Channel> channelOf(Obis obis) {
        return Optional.ofNullable(CHANNELS.get(obis));
    }

    /** The configured model names. */
    public static List<String> names() {
        return MODELS.keySet().stream().sorted().toList();
    }
}
