package org.meterguard.greenbutton;

import java.time.Duration;
import java.util.OptionalInt;
import org.meterguard.core.Channel;
import org.meterguard.core.IntervalGrid;

/**
 * Which {@link Channel} a ReadingType's values go to. Only electricity (commodity 1) energy (kind 12) in Wh (uom 72)
 * as interval deltas (accumulationBehaviour 4) is imported: forward flow (1) is {@link Channel#ACTIVE_ENERGY_IMPORT},
 * reverse flow (19) {@link Channel#ACTIVE_ENERGY_EXPORT}. A ReadingType that leaves out flowDirection is read as
 * forward, and one that leaves out accumulationBehaviour as delta data, each with a warning; powerOfTenMultiplier
 * left out means 0, as in ESPI. Everything else is refused, naming the ReadingType and its line.
 */
final class ChannelMapping {
    private static final int ELECTRICITY = 1;
    private static final int ENERGY = 12;
    private static final int WATT_HOURS = 72;
    private static final int DELTA_DATA = 4;
    private static final int FORWARD = 1;
    private static final int REVERSE = 19;

    private ChannelMapping() {}

    static Channel channelOf(ReadingType type, Warnings warnings) {
        require(type, "commodity", type.commodity(), ELECTRICITY, "electricity");
        require(type, "kind", type.kind(), ENERGY, "energy");
        require(type, "uom", type.uom(), WATT_HOURS, "Wh");
        if (type.accumulationBehaviour().isEmpty()) {
            warnings.add(type.line(), type.label() + " has no accumulationBehaviour; read as 4 (delta data)");
        } else {
            require(type, "accumulationBehaviour", type.accumulationBehaviour(), DELTA_DATA, "delta data");
        }
        int multiplier = type.powerOfTenMultiplier().orElse(0);
        if (multiplier < -18 || multiplier > 18) {
            throw refuse(type, "powerOfTenMultiplier " + multiplier + " is outside -18..18");
        }
        checkIntervalLength(type);
        checkDefaultQuality(type);
        return direction(type, warnings);
    }

    private static Channel direction(ReadingType type, Warnings warnings) {
        if (type.flowDirection().isEmpty()) {
            warnings.add(type.line(), type.label() + " has no flowDirection; read as 1 (forward, energy delivered)");
            return Channel.ACTIVE_ENERGY_IMPORT;
        }
        int flow = type.flowDirection().getAsInt();
        if (flow == FORWARD) {
            return Channel.ACTIVE_ENERGY_IMPORT;
        } else if (flow == REVERSE) {
            return Channel.ACTIVE_ENERGY_EXPORT;
        }
        throw refuse(type, "flowDirection " + flow + " is not supported; only 1 (forward) and 19 (reverse) are");
    }

    private static void require(ReadingType type, String field, OptionalInt actual, int wanted, String meaning) {
        if (actual.isEmpty()) {
            throw refuse(
                    type,
                    "has no " + field + "; only " + field + " " + wanted + " (" + meaning + ") is supported"
                            + supportedSummary());
        }
        if (actual.getAsInt() != wanted) {
            throw refuse(
                    type,
                    field + " " + actual.getAsInt() + " is not supported; only " + field + " " + wanted + " (" + meaning
                            + ") is" + supportedSummary());
        }
    }

    private static String supportedSummary() {
        return " (Meterguard imports electricity energy in Wh: commodity 1, kind 12, uom 72, accumulationBehaviour 4)";
    }

    private static void checkIntervalLength(ReadingType type) {
        if (type.intervalLength().isEmpty()) {
            return;
        }
        long seconds = type.intervalLength().getAsLong();
        try {
            new IntervalGrid(Duration.ofSeconds(seconds));
        } catch (IllegalArgumentException e) {
            throw refuse(
                    type,
                    "intervalLength " + seconds + " is not an interval grid: it must be whole minutes"
                            + " that divide a day evenly (e.g. 900, 3600, 86400)");
        }
    }

    private static void checkDefaultQuality(ReadingType type) {
        if (type.defaultQuality().isPresent()
                && EspiQuality.ofCode(type.defaultQuality().getAsInt()) == null) {
            throw refuse(
                    type,
                    "defaultQuality "
                            + EspiQuality.refusal(type.defaultQuality().getAsInt()));
        }
    }

    private static ImportRejected refuse(ReadingType type, String problem) {
        return new ImportRejected(type.line(), 0, type.label() + " " + problem);
    }
}
