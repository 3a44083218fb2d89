package org.meterguard.greenbutton;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.xml.stream.XMLStreamConstants;

/**
 * The first pass over a Green Button document: every Atom entry's links and ESPI resource, with UsagePoints,
 * ReadingTypes and LocalTimeParameters read in full and IntervalBlocks only counted (their readings are skipped, so
 * this pass holds no reading). Links may come before or after the content, so nothing is resolved here.
 */
final class MetadataPass {
    private final XmlCursor xml;
    private final Warnings warnings;
    private final List<Entry> entries = new ArrayList<>();

    private MetadataPass(XmlCursor xml, Warnings warnings) {
        this.xml = xml;
        this.warnings = warnings;
    }

    static List<Entry> read(XmlCursor xml, Warnings warnings) {
        MetadataPass pass = new MetadataPass(xml, warnings);
        pass.document();
        return pass.entries;
    }

    private void document() {
        xml.toRoot();
        if (xml.isAtom("feed")) {
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (xml.isAtom("entry")) {
                    entry();
                } else {
                    xml.skip();
                }
            }
        } else if (xml.isAtom("entry")) {
            entry();
        } else {
            throw xml.reject("root element " + ImportRejected.quote(xml.localName())
                    + " is neither an Atom feed nor an Atom entry");
        }
        xml.toEnd();
    }

    private void entry() {
        Entry entry = new Entry(entries.size(), xml.line());
        entries.add(entry);
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.isAtom("link")) {
                link(entry);
            } else if (xml.isAtom("id")) {
                entry.atomId = xml.text();
            } else if (xml.isAtom("content")) {
                content(entry);
            } else {
                xml.skip();
            }
        }
    }

    private void link(Entry entry) {
        String rel = xml.attribute("rel");
        String href = xml.attribute("href");
        if ("self".equals(rel) && entry.self.isEmpty()) {
            entry.self = href;
        } else if ("up".equals(rel) && entry.up.isEmpty()) {
            entry.up = href;
            entry.upLine = xml.line();
        } else if ("related".equals(rel) && !href.isEmpty()) {
            entry.related.add(href);
        }
        xml.skip();
    }

    private void content(Entry entry) {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            Entry.Resource resource = resourceOf();
            if (resource == Entry.Resource.OTHER) {
                xml.skip();
                continue;
            }
            boolean anotherBlock = resource == Entry.Resource.INTERVAL_BLOCK && entry.blocks > 0;
            if (entry.resource != Entry.Resource.NONE && !anotherBlock) {
                throw xml.reject("entry holds a " + xml.localName() + " after a " + entry.resource.element
                        + "; an entry's content must hold one ESPI resource (or IntervalBlocks only)");
            }
            entry.resource = resource;
            entry.resourceLine = entry.resourceLine == 0 ? xml.line() : entry.resourceLine;
            resource(entry, resource);
        }
    }

    private Entry.Resource resourceOf() {
        if (xml.isEspi("IntervalBlock")) {
            return Entry.Resource.INTERVAL_BLOCK;
        } else if (xml.isEspi("UsagePoint")) {
            return Entry.Resource.USAGE_POINT;
        } else if (xml.isEspi("MeterReading")) {
            return Entry.Resource.METER_READING;
        } else if (xml.isEspi("ReadingType")) {
            return Entry.Resource.READING_TYPE;
        } else if (xml.isEspi("LocalTimeParameters")) {
            return Entry.Resource.LOCAL_TIME_PARAMETERS;
        }
        return Entry.Resource.OTHER;
    }

    private void resource(Entry entry, Entry.Resource resource) {
        switch (resource) {
            case INTERVAL_BLOCK -> {
                entry.blocks++;
                xml.skip();
            }
            case USAGE_POINT -> entry.serviceKind = usagePoint();
            case METER_READING -> entry.readingType = meterReading();
            case READING_TYPE -> entry.readingType = readingType();
            case LOCAL_TIME_PARAMETERS -> entry.localTimeParameters = localTimeParameters();
            default -> xml.skip();
        }
    }

    /** Reads a UsagePoint's {@code ServiceCategory/kind}; other children are not needed. */
    private OptionalInt usagePoint() {
        OptionalInt kind = OptionalInt.empty();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.isEspi("ServiceCategory")) {
                xml.skip();
                continue;
            }
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (!xml.isEspi("kind")) {
                    xml.skip();
                    continue;
                }
                int line = xml.line();
                String text = xml.text();
                if (EspiNumbers.isInteger(text)) {
                    kind = OptionalInt.of((int) Math.max(Math.min(Long.parseLong(text), 65_535), -1));
                } else if (!text.isEmpty()) {
                    warnings.add(
                            line,
                            "UsagePoint ServiceCategory kind " + ImportRejected.quote(text)
                                    + " is not an integer; ignored (it is not needed to import readings)");
                }
            }
        }
        return kind;
    }

    /**
     * A MeterReading's content is empty in ESPI. Some producers write its ReadingType inside it; that one is kept
     * (used where no ReadingType entry is linked) and the departure reported.
     */
    private ReadingType meterReading() {
        ReadingType embedded = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.isEspi("ReadingType") && embedded == null) {
                int line = xml.line();
                embedded = readingType();
                warnings.add(
                        line,
                        "ReadingType written inside a MeterReading (ESPI puts it in an entry of its"
                                + " own); used as that MeterReading's ReadingType unless one is linked");
            } else {
                xml.skip();
            }
        }
        return embedded;
    }

    private ReadingType readingType() {
        int line = xml.line();
        OptionalInt accumulation = OptionalInt.empty();
        OptionalInt commodity = OptionalInt.empty();
        OptionalInt defaultQuality = OptionalInt.empty();
        OptionalInt flow = OptionalInt.empty();
        OptionalLong intervalLength = OptionalLong.empty();
        OptionalInt kind = OptionalInt.empty();
        OptionalInt multiplier = OptionalInt.empty();
        OptionalInt uom = OptionalInt.empty();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.localName();
            if (!xml.isEspi(name)) {
                xml.skip();
                continue;
            }
            switch (name) {
                case "accumulationBehaviour" -> accumulation = code();
                case "commodity" -> commodity = code();
                case "defaultQuality" -> defaultQuality = code();
                case "flowDirection" -> flow = code();
                case "intervalLength" -> intervalLength = seconds();
                case "kind" -> kind = code();
                case "powerOfTenMultiplier" -> multiplier = code();
                case "uom" -> uom = code();
                default -> xml.skip();
            }
        }
        return new ReadingType(
                "", commodity, kind, uom, multiplier, flow, intervalLength, accumulation, defaultQuality, line);
    }

    /** A ReadingType code: absent where the element is empty, an error where it is not a small integer. */
    private OptionalInt code() {
        String element = xml.localName();
        String text = xml.text();
        if (text.isEmpty()) {
            return OptionalInt.empty();
        }
        long value = EspiNumbers.integer(xml, "ReadingType " + element, text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw xml.reject("ReadingType " + element + " " + ImportRejected.quote(text) + " is out of range");
        }
        return OptionalInt.of((int) value);
    }

    private OptionalLong seconds() {
        String text = xml.text();
        return text.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(EspiNumbers.integer(xml, "ReadingType intervalLength", text));
    }

    /**
     * LocalTimeParameters only help to place local-day readings; where they are incomplete or malformed they are
     * ignored with a warning rather than failing the file.
     */
    private LocalTimeParameters localTimeParameters() {
        int line = xml.line();
        String tz = "";
        String dst = "";
        String start = "";
        String end = "";
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.localName();
            if (!xml.isEspi(name)) {
                xml.skip();
                continue;
            }
            switch (name) {
                case "tzOffset" -> tz = xml.text();
                case "dstOffset" -> dst = xml.text();
                case "dstStartRule" -> start = xml.text();
                case "dstEndRule" -> end = xml.text();
                default -> xml.skip();
            }
        }
        if (!EspiNumbers.isInteger(tz) || !(dst.isEmpty() || EspiNumbers.isInteger(dst))) {
            warnings.add(
                    line,
                    "LocalTimeParameters tzOffset " + ImportRejected.quote(tz) + " / dstOffset "
                            + ImportRejected.quote(dst)
                            + " are not whole seconds; these LocalTimeParameters are ignored");
            return null;
        }
        return new LocalTimeParameters(Long.parseLong(tz), dst.isEmpty() ? 0 : Long.parseLong(dst), start, end);
    }
}
