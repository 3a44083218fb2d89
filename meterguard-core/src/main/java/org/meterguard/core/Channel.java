package org.meterguard.core;

/**
 * A measured quantity of a meter, described as Green Button's ReadingType describes it: commodity, kind, unit of
 * measure, power-of-ten multiplier, flow direction and accumulation behaviour (ESPI code values). Values on a
 * channel are integers in {@code unit × 10^powerOfTenMultiplier}; never binary floating point, so bills add up.
 */
public enum Channel {
    /** Active energy delivered to the customer over each interval, in Wh. */
    ACTIVE_ENERGY_IMPORT(1, 12, 72, 0, 1, 4),
    /** Active energy received from the customer (e.g. rooftop solar) over each interval, in Wh. */
    ACTIVE_ENERGY_EXPORT(1, 12, 72, 0, 19, 4),
    /** Phase L1 voltage at the end of each interval, in 0.1 V (ESPI kind 54 voltage, uom 29 V, instantaneous). */
    VOLTAGE_L1(1, 54, 29, -1, 0, 12),
    /** Phase L2 voltage at the end of each interval, in 0.1 V. */
    VOLTAGE_L2(1, 54, 29, -1, 0, 12),
    /** Phase L3 voltage at the end of each interval, in 0.1 V. */
    VOLTAGE_L3(1, 54, 29, -1, 0, 12);

    private final int commodity;
    private final int kind;
    private final int uom;
    private final int powerOfTenMultiplier;
    private final int flowDirection;
    private final int accumulationBehaviour;

    Channel(int commodity, int kind, int uom, int powerOfTenMultiplier, int flowDirection, int accumulation) {
        this.commodity = commodity;
        this.kind = kind;
        this.uom = uom;
        this.powerOfTenMultiplier = powerOfTenMultiplier;
        this.flowDirection = flowDirection;
        this.accumulationBehaviour = accumulation;
    }

    /** ESPI CommodityKind: 1 = electricity (secondary metered). */
    public int commodity() {
        return commodity;
    }

    /** ESPI MeasurementKind: 12 = energy, 54 = voltage. */
    public int kind() {
        return kind;
    }

    /** ESPI UnitSymbolKind: 72 = Wh, 29 = V. */
    public int uom() {
        return uom;
    }

    /** ESPI UnitMultiplierKind: the power of ten the stored integers are scaled by. */
    public int powerOfTenMultiplier() {
        return powerOfTenMultiplier;
    }

    /** ESPI FlowDirectionKind: 0 = not applicable, 1 = forward (delivered), 19 = reverse (received). */
    public int flowDirection() {
        return flowDirection;
    }

    /**
     * ESPI AccumulationKind: 4 = delta data (each value is the interval's own amount), 12 = instantaneous (the
     * value at the end of the interval).
     */
    public int accumulationBehaviour() {
        return accumulationBehaviour;
    }

    /** The short code used in storage and APIs. */
    public short code() {
        return (short) (ordinal() + 1);
    }

    /** The channel for a storage code, or an error naming the unknown code. */
    public static Channel ofCode(int code) {
        Channel[] all = values();
        if (code < 1 || code > all.length) {
            throw new IllegalArgumentException("unknown channel code " + code);
        }
        return all[code - 1];
    }
}
