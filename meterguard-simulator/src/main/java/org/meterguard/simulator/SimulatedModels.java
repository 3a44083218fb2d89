package org.meterguard.simulator;

import java.time.Duration;
import java.util.Map;
import org.meterguard.dlms.CaptureObject;
import org.meterguard.dlms.Obis;
import org.meterguard.dlms.ProfileLayout;

/**
 * The meter models the simulator's meters are, with the load-profile layouts they push: the vendor's side of what a
 * head-end is configured with per model (Meterguard's server holds the same layouts in its {@code MeterModels}).
 */
public final class SimulatedModels {
    /** Residential: 15-minute import and export energy in Wh. */
    public static final String R1 = "MG-SIM-R1";
    /** Residential with voltage: import and export in Wh, voltage L1 in 0.1 V, status word. */
    public static final String R2 = "MG-SIM-R2";
    /** Three-phase small commercial: import and export in Wh, voltage L1–L3 in 0.1 V. */
    public static final String C3 = "MG-SIM-C3";
    /** Residential, hourly: import and export energy in Wh. */
    public static final String H1 = "MG-SIM-H1";

    private static final CaptureObject IMPORT =
            CaptureObject.register(Obis.ACTIVE_ENERGY_IMPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR);
    private static final CaptureObject EXPORT =
            CaptureObject.register(Obis.ACTIVE_ENERGY_EXPORT_INTERVAL, 0, CaptureObject.UNIT_WATT_HOUR);

    private static final Map<String, ProfileLayout> LAYOUTS = Map.of(
            R1, PushBuilder.RESIDENTIAL_LAYOUT,
            R2,
                    ProfileLayout.of(
                            Duration.ofMinutes(15),
                            IMPORT,
                            EXPORT,
                            CaptureObject.register(Obis.VOLTAGE_L1, -1, CaptureObject.UNIT_VOLT),
                            CaptureObject.register(Obis.STATUS_WORD, 0, CaptureObject.UNIT_NONE)),
            C3,
                    ProfileLayout.of(
                            Duration.ofMinutes(15),
                            IMPORT,
                            EXPORT,
                            CaptureObject.register(Obis.VOLTAGE_L1, -1, CaptureObject.UNIT_VOLT),
                            CaptureObject.register(Obis.VOLTAGE_L2, -1, CaptureObject.UNIT_VOLT),
                            CaptureObject.register(Obis.VOLTAGE_L3, -1, CaptureObject.UNIT_VOLT)),
            H1, ProfileLayout.of(Duration.ofHours(1), IMPORT, EXPORT));

    private SimulatedModels() {}

    /** The layout of a model; fails naming an unknown one. */
    public static ProfileLayout layout(String model) {
        ProfileLayout layout = LAYOUTS.get(model);
        if (layout == null) {
            throw new IllegalArgumentException("unknown simulated model '" + model + "'; known: " + LAYOUTS.keySet());
        }
        return layout;
    }
}
