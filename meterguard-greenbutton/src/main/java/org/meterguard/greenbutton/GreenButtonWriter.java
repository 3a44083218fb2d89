package org.meterguard.greenbutton;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.ReadingQuality;

/**
 * Writes Green Button Download My Data: an Atom feed of ESPI resources (NAESB REQ.21), streamed through StAX so that
 * memory stays the same for a day or for years. For each usage point it writes
 *
 * <ul>
 *   <li>a UsagePoint (ServiceCategory kind 0, electricity) and its LocalTimeParameters: the standard offset, the
 *       daylight-saving offset and the zone's yearly rules as ESPI {@link DstRule}s;
 *   <li>per channel and interval length a MeterReading and its ReadingType with the channel's exact ESPI codes
 *       (accumulationBehaviour, commodity, flowDirection 1 forward / 19 reverse, kind, uom, powerOfTenMultiplier,
 *       intervalLength, defaultQuality 0);
 *   <li>one IntervalBlock per local day (so 92 or 100 quarter-hours on daylight-saving days), cut to the exported
 *       range, of IntervalReadings: timePeriod (UTC epoch seconds and duration), value, and a ReadingQuality only
 *       where the value is not valid (ESPI QualityOfReading, e.g. 7 edited, 8 and 9 estimated, 14 raw);
 *   <li>after its readings, a UsageSummary of delivered energy for each summary period the export covers wholly.
 * </ul>
 *
 * Times are UTC; the local offset and daylight-saving rules appear only in LocalTimeParameters, so nothing is shifted.
 * Links follow ESPI's layout (UsagePoint → MeterReading collection, MeterReading → IntervalBlock collection and
 * ReadingType, UsagePoint → LocalTimeParameters and UsageSummary collection; {@code up} to each collection), which
 * {@link GreenButtonReader} resolves. Not thread-safe; one instance per document.
 */
public final class GreenButtonWriter implements UsageWriter {
    private static final String ROOT = "/espi/1_1/resource";
    private static final int BUFFER = 64 * 1024;

    private final AtomXml atom;
    private final String subscription;
    private final Summaries summaries;
    private int usagePoints;
    private int readingTypes;
    private String usagePointHref;
    private ZoneId zone;
    private ExportedUsagePoint point;
    private Channel channel;
    private int duration;
    private int meterReadings;
    private String meterReadingHref;
    private int blocks;
    private boolean blockOpen;
    private long blockEnd;
    private long lastEnd = Long.MIN_VALUE;

    /**
     * Starts the document on {@code out}.
     *
     * @param out where the document goes; flushed by {@link #finish}, never closed
     * @param title the feed's title
     * @param feedId the feed's Atom id; entry ids derive from it
     * @param generated when the data was taken (published and updated of every entry)
     */
    public GreenButtonWriter(OutputStream out, String title, UUID feedId, Instant generated) throws IOException {
        this(out, title, feedId, feedId.toString(), generated, EntrySelection.ALL);
    }

    /**
     * Starts a Green Button Connect document for subscription {@code subscriptionId}: links are under {@code
     * /espi/1_1/resource/Subscription/{subscriptionId}}, entry ids derive from it, and only the entries {@code
     * selection} names are written (the feed's {@code self} is then the selection's href).
     */
    public GreenButtonWriter(
            OutputStream out, String title, String subscriptionId, Instant generated, EntrySelection selection)
            throws IOException {
        this(
                out,
                title,
                UUID.nameUUIDFromBytes(requireSegment(subscriptionId).getBytes(StandardCharsets.UTF_8)),
                subscriptionId,
                generated,
                selection);
    }

    private GreenButtonWriter(
            OutputStream out,
            String title,
            UUID feedId,
            String subscriptionId,
            Instant generated,
            EntrySelection selection)
            throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(selection, "selection");
        XMLOutputFactory factory = XMLOutputFactory.newDefaultFactory();
        try {
            atom = new AtomXml(
                    // A Writer, not the stream: the JDK's StAX writer would hand an OutputStream one byte at a time.
                    factory.createXMLStreamWriter(
                            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER)),
                    feedId,
                    generated.toString(),
                    selection);
        } catch (XMLStreamException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
        }
        subscription = ROOT + "/Subscription/" + subscriptionId;
        summaries = new Summaries(atom, generated);
        atom.startFeed(title, selection.href().isEmpty() ? subscription + "/UsagePoint" : selection.href());
    }

    private static String requireSegment(String subscriptionId) {
        if (subscriptionId == null || !subscriptionId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(
                    "invalid subscription id '" + subscriptionId + "': 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return subscriptionId;
    }

    /**
     * Writes {@code resource} as an entry (before the first usage point): Green Button Connect's
     * ApplicationInformation or Authorization.
     */
    public void resource(EspiResource resource) throws IOException {
        if (point != null) {
            throw new IllegalStateException("resources come before the first usage point");
        }
        atom.startEntry(resource.kind(), resource.self(), resource.up(), resource.title());
        for (EspiResource.Field field : resource.fields()) {
            if (field.interval() != null) {
                atom.interval(
                        field.name(),
                        field.interval().from().getEpochSecond(),
                        field.interval().to().getEpochSecond()
                                - field.interval().from().getEpochSecond());
            } else {
                atom.text(field.name(), field.text());
            }
        }
        atom.endEntry();
    }

    @Override
    public void usagePoint(ExportedUsagePoint next) throws IOException {
        endUsagePoint();
        point = next;
        zone = next.zone();
        usagePoints++;
        usagePointHref = subscription + "/UsagePoint/" + usagePoints;
        String localTime = ROOT + "/LocalTimeParameters/" + usagePoints;
        atom.startEntry(
                "UsagePoint",
                usagePointHref,
                subscription + "/UsagePoint",
                next.title(),
                usagePointHref + "/MeterReading",
                localTime,
                usagePointHref + "/UsageSummary");
        atom.start("ServiceCategory");
        atom.number("kind", 0);
        atom.end();
        atom.endEntry();
        LocalTimeParameters parameters = LocalTimeParameters.of(zone, next.localTimeAt());
        atom.startEntry("LocalTimeParameters", localTime, ROOT + "/LocalTimeParameters", "Local time: " + zone);
        atom.text("dstEndRule", parameters.dstEndRule());
        atom.number("dstOffset", parameters.dstOffset());
        atom.text("dstStartRule", parameters.dstStartRule());
        atom.number("tzOffset", parameters.tzOffset());
        atom.endEntry();
        summaries.begin(next, usagePointHref);
        meterReadings = 0;
        channel = null;
    }

    @Override
    public void reading(MeterId meter, Channel of, long start, int seconds, long value, ReadingQuality quality)
            throws IOException {
        if (point == null) {
            throw new IllegalStateException("a reading before the first usage point");
        }
        if (of != channel || seconds != duration) {
            endBlock();
            startSeries(of, seconds);
        } else if (start < lastEnd) {
            throw new IllegalArgumentException("reading at " + start + " of " + of + " starts before the previous one"
                    + " ends (" + lastEnd + "); a series' readings must come in time order");
        }
        if (!blockOpen || start >= blockEnd) {
            endBlock();
            startBlock(start);
        }
        atom.start("IntervalReading");
        if (quality != ReadingQuality.VALID) {
            atom.start("ReadingQuality");
            atom.number("quality", quality.espiCode());
            atom.end();
        }
        atom.interval("timePeriod", start, seconds);
        atom.number("value", value);
        atom.end();
        lastEnd = start + seconds;
        if (of == Channel.ACTIVE_ENERGY_IMPORT) {
            summaries.add(start, seconds, value, quality);
        }
    }

    private void startSeries(Channel of, int seconds) throws IOException {
        channel = of;
        duration = seconds;
        lastEnd = Long.MIN_VALUE;
        meterReadings++;
        readingTypes++;
        blocks = 0;
        meterReadingHref = usagePointHref + "/MeterReading/" + meterReadings;
        String readingType = ROOT + "/ReadingType/" + readingTypes;
        atom.startEntry(
                "MeterReading",
                meterReadingHref,
                usagePointHref + "/MeterReading",
                describe(of, seconds),
                meterReadingHref + "/IntervalBlock",
                readingType);
        atom.endEntry();
        atom.startEntry("ReadingType", readingType, ROOT + "/ReadingType", describe(of, seconds));
        atom.number("accumulationBehaviour", of.accumulationBehaviour());
        atom.number("commodity", of.commodity());
        atom.number("defaultQuality", ReadingQuality.VALID.espiCode());
        atom.number("flowDirection", of.flowDirection());
        atom.number("intervalLength", seconds);
        atom.number("kind", of.kind());
        atom.number("powerOfTenMultiplier", of.powerOfTenMultiplier());
        atom.number("uom", of.uom());
        atom.endEntry();
        if (of == Channel.ACTIVE_ENERGY_IMPORT) {
            summaries.readingType(readingType);
        }
    }

    private static String describe(Channel of, int seconds) {
        String what = of == Channel.ACTIVE_ENERGY_IMPORT
                ? "Energy delivered"
                : of == Channel.ACTIVE_ENERGY_EXPORT ? "Energy received (export)" : of.name();
        return what + ", " + (seconds % 60 == 0 ? seconds / 60 + "-minute" : seconds + "-second") + " intervals";
    }

    /** Opens the block of the local day holding {@code start}, cut to the exported range. */
    private void startBlock(long start) throws IOException {
        LocalDate day = Instant.ofEpochSecond(start).atZone(zone).toLocalDate();
        long dayStart = day.atStartOfDay(zone).toEpochSecond();
        long dayEnd = day.plusDays(1).atStartOfDay(zone).toEpochSecond();
        long from = Math.max(dayStart, point.range().from().getEpochSecond());
        long to = Math.min(dayEnd, point.range().to().getEpochSecond());
        if (start < from || start >= to) {
            throw new IllegalArgumentException(
                    "reading at " + Instant.ofEpochSecond(start) + " lies outside the export " + point.range());
        }
        blocks++;
        String collection = meterReadingHref + "/IntervalBlock";
        atom.startEntry("IntervalBlock", collection + "/" + blocks, collection, "");
        atom.interval("interval", from, to - from);
        blockOpen = true;
        blockEnd = dayEnd;
    }

    private void endBlock() throws IOException {
        if (blockOpen) {
            atom.endEntry();
            blockOpen = false;
        }
    }

    private void endUsagePoint() throws IOException {
        if (point != null) {
            endBlock();
            summaries.write();
        }
    }

    @Override
    public void finish() throws IOException {
        endUsagePoint();
        atom.endFeed();
        atom.close();
    }
}
