package org.meterguard.dlms;

import java.util.Optional;

/**
 * The event codes a meter writes into its standard event log (0.0.99.98.0.255) and power failure event log
 * (0.0.99.97.0.255) and pushes to the head-end, with their numeric values.
 *
 * <p><b>Source.</b> The values are those of the IDIS "standard event log" code table as adopted by the Dutch DSMR
 * companion standard (DSMR 4.x/5.x P3, section "Event codes"), cross-checked against the {@code EventType} enum of the
 * Open Smart Grid Platform (OSGP/open-smart-grid-platform, Apache-2.0), which implements that table: 1 power down … 47
 * configuration change. The DLMS UA Blue Book itself defines no event codes; they belong to the companion standards,
 * and manufacturers add their own above 230 (see {@link MeterEvent} for codes not listed here).
 *
 * <p><b>Not in the table.</b> Neither table we could check has a code for "last gasp" or for "reverse energy":
 *
 * <ul>
 *   <li>A <em>last gasp</em> is not a separate event: it is the push a meter sends on losing supply, and it carries
 *       {@link #POWER_DOWN} (code 1) in an event-log push. Meterguard represents it that way.
 *   <li><em>Reverse energy</em> (energy flowing against the expected direction) has no code in the IDIS/DSMR standard
 *       event log; meters report it in manufacturer-specific codes or in the power quality log. It arrives as a
 *       {@link MeterEvent} whose {@link MeterEvent#known()} is empty, with the raw code kept.
 * </ul>
 */
public enum MeterEventCode {
    /** 1: power down (all phases); the start of an outage. Also what a last-gasp push carries. */
    POWER_DOWN(1),
    /** 2: power up (all phases); the end of an outage. */
    POWER_UP(2),
    /** 3: daylight saving time enabled or disabled. */
    DAYLIGHT_SAVING_CHANGED(3),
    /** 4: clock adjusted; the entry carries the old time. */
    CLOCK_ADJUSTED_OLD_TIME(4),
    /** 5: clock adjusted; the entry carries the new time. */
    CLOCK_ADJUSTED_NEW_TIME(5),
    /** 6: clock invalid. */
    CLOCK_INVALID(6),
    /** 7: replace battery. */
    REPLACE_BATTERY(7),
    /** 8: battery voltage low. */
    BATTERY_VOLTAGE_LOW(8),
    /** 9: tariff (TOU) activated. */
    TARIFF_ACTIVATED(9),
    /** 10: error register cleared. */
    ERROR_REGISTER_CLEARED(10),
    /** 11: alarm register cleared. */
    ALARM_REGISTER_CLEARED(11),
    /** 12: hardware error: program memory. */
    PROGRAM_MEMORY_ERROR(12),
    /** 13: hardware error: RAM. */
    RAM_ERROR(13),
    /** 14: hardware error: non-volatile memory. */
    NV_MEMORY_ERROR(14),
    /** 15: watchdog error. */
    WATCHDOG_ERROR(15),
    /** 16: hardware error: measurement system. */
    MEASUREMENT_SYSTEM_ERROR(16),
    /** 17: firmware ready for activation. */
    FIRMWARE_READY_FOR_ACTIVATION(17),
    /** 18: firmware activated. */
    FIRMWARE_ACTIVATED(18),
    /** 19: passive tariff (TOU) programmed. */
    PASSIVE_TARIFF_PROGRAMMED(19),
    /** 40: terminal cover removed (opened). */
    TERMINAL_COVER_OPENED(40),
    /** 41: terminal cover closed. */
    TERMINAL_COVER_CLOSED(41),
    /** 42: strong DC (magnetic) field detected. */
    STRONG_DC_FIELD_DETECTED(42),
    /** 43: no strong DC (magnetic) field any more. */
    STRONG_DC_FIELD_ENDED(43),
    /** 44: meter cover removed (opened). */
    METER_COVER_OPENED(44),
    /** 45: meter cover closed. */
    METER_COVER_CLOSED(45),
    /** 46: failed login (association) attempt. */
    FAILED_LOGIN_ATTEMPT(46),
    /** 47: configuration change. */
    CONFIGURATION_CHANGED(47);

    private static final MeterEventCode[] BY_CODE = new MeterEventCode[256];

    static {
        for (MeterEventCode code : values()) {
            BY_CODE[code.code] = code;
        }
    }

    private final int code;

    MeterEventCode(int code) {
        this.code = code;
    }

    /** The numeric event code as it appears in the event log. */
    public int code() {
        return code;
    }

    /** The listed code with this value, or empty for any other value (manufacturer-specific or unknown). */
    public static Optional<MeterEventCode> of(int code) {
        return code < 0 || code >= BY_CODE.length ? Optional.empty() : Optional.ofNullable(BY_CODE[code]);
    }
}
