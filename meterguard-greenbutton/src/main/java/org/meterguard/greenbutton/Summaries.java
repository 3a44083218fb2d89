package org.meterguard.greenbutton;

import java.io.IOException;
import java.time.Instant;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;

/**
 * The UsageSummary entries of one usage point: delivered energy over each summary period the export covers wholly
 * ({@code overallConsumptionLastPeriod} in Wh, with the least trusted quality among its intervals), written after the
 * usage point's readings. No cost or bill amounts: Meterguard states only what it measured.
 */
final class Summaries {
    private final AtomXml atom;
    private final long statusTime;
    private PeriodTotals totals = new PeriodTotals(java.util.List.of());
    private String usagePoint;
    private String readingType;

    Summaries(AtomXml atom, Instant generated) {
        this.atom = atom;
        this.statusTime = generated.getEpochSecond();
    }

    void begin(ExportedUsagePoint point, String usagePointHref) {
        totals = new PeriodTotals(point.summaryPeriods());
        usagePoint = usagePointHref;
        readingType = null;
    }

    /** The ReadingType the summaries' measurements refer to (the first of delivered energy). */
    void readingType(String href) {
        if (readingType == null) {
            readingType = href;
        }
    }

    void add(long start, int duration, long value, ReadingQuality quality) {
        totals.add(start, duration, value, quality);
    }

    void write() throws IOException {
        int written = 0;
        for (int i = 0; i < totals.size(); i++) {
            if (!totals.complete(i)) {
                continue;
            }
            written++;
            TimeRange period = totals.period(i);
            String collection = usagePoint + "/UsageSummary";
            atom.startEntry(
                    "UsageSummary",
                    collection + "/" + written,
                    collection,
                    "Usage " + period.from() + " to " + period.to());
            long from = period.from().getEpochSecond();
            atom.interval("billingPeriod", from, period.to().getEpochSecond() - from);
            atom.start("overallConsumptionLastPeriod");
            atom.number("powerOfTenMultiplier", Channel.ACTIVE_ENERGY_IMPORT.powerOfTenMultiplier());
            atom.number("uom", Channel.ACTIVE_ENERGY_IMPORT.uom());
            atom.number("value", totals.sum(i));
            if (readingType != null) {
                atom.text("readingTypeRef", readingType);
            }
            atom.end();
            atom.number("qualityOfReading", totals.quality(i).espiCode());
            atom.number("statusTimeStamp", statusTime);
            atom.number("commodity", Channel.ACTIVE_ENERGY_IMPORT.commodity());
            atom.endEntry();
        }
    }
}
