package org.meterguard.greenbutton;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The ESPI ReadingType of a series, as far as Meterguard needs it: the fields that say what the values measure and
 * how they are scaled, each as the file states it (ESPI code values; empty where absent or empty in the file).
 *
 * @param href the entry's {@code self} link; empty for a ReadingType written inside a MeterReading
 * @param commodity ESPI CommodityKind (1 = electricity, secondary metered)
 * @param kind ESPI MeasurementKind (12 = energy)
 * @param uom ESPI UnitSymbolKind (72 = Wh)
 * @param powerOfTenMultiplier ESPI UnitMultiplierKind: values are in {@code uom × 10^powerOfTenMultiplier}
 * @param flowDirection ESPI FlowDirectionKind (1 = forward, 19 = reverse)
 * @param intervalLength the length of each interval in seconds
 * @param accumulationBehaviour ESPI AccumulationKind (4 = delta data)
 * @param defaultQuality ESPI QualityOfReading code of readings that state none
 * @param line the line of the ReadingType element
 */
public record ReadingType(
        String href,
        OptionalInt commodity,
        OptionalInt kind,
        OptionalInt uom,
        OptionalInt powerOfTenMultiplier,
        OptionalInt flowDirection,
        OptionalLong intervalLength,
        OptionalInt accumulationBehaviour,
        OptionalInt defaultQuality,
        int line) {
    public ReadingType {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(commodity, "commodity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uom, "uom");
        Objects.requireNonNull(powerOfTenMultiplier, "powerOfTenMultiplier");
        Objects.requireNonNull(flowDirection, "flowDirection");
        Objects.requireNonNull(intervalLength, "intervalLength");
        Objects.requireNonNull(accumulationBehaviour, "accumulationBehaviour");
        Objects.requireNonNull(defaultQuality, "defaultQuality");
    }

    ReadingType withHref(String link) {
        return new ReadingType(
                link,
                commodity,
                kind,
                uom,
                powerOfTenMultiplier,
                flowDirection,
                intervalLength,
                accumulationBehaviour,
                defaultQuality,
                line);
    }

    /**
     * How messages name this ReadingType: the last two segments of its {@code self} link (e.g. {@code
     * 'ReadingType/07'}), which identify it within the file without repeating customer identifiers from the rest of
     * the link; for one without a link, its line.
     */
    public String label() {
        if (href.isEmpty()) {
            return "ReadingType at line " + line;
        }
        String trimmed = href.endsWith("/") ? href.substring(0, href.length() - 1) : href;
        int last = trimmed.lastIndexOf('/');
        int previous = last > 0 ? trimmed.lastIndexOf('/', last - 1) : -1;
        return "ReadingType " + ImportRejected.quote(trimmed.substring(previous + 1));
    }
}
