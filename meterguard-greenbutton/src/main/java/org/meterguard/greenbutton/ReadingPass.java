package org.meterguard.greenbutton;

import javax.xml.stream.XMLStreamConstants;
import org.meterguard.core.ReadingQuality;

/**
 * The second pass over a Green Button document: it walks the same entries in the same order as the metadata pass,
 * skips every entry without IntervalBlocks, and hands each IntervalReading of the others to the sink as soon as its
 * end tag is read. Only the reading being read is held.
 */
final class ReadingPass {
    private final XmlCursor xml;
    private final SeriesRules[] seriesByEntry;
    private final GreenButtonSink sink;
    private int entryIndex;
    private long readings;

    // The reading being read; reset for each IntervalReading.
    private long start;
    private long duration;
    private long value;
    private ReadingQuality quality;

    private ReadingPass(XmlCursor xml, SeriesRules[] seriesByEntry, GreenButtonSink sink) {
        this.xml = xml;
        this.seriesByEntry = seriesByEntry;
        this.sink = sink;
    }

    /** Streams the readings to {@code sink} and returns how many there were. */
    static long read(XmlCursor xml, SeriesRules[] seriesByEntry, GreenButtonSink sink) {
        ReadingPass pass = new ReadingPass(xml, seriesByEntry, sink);
        pass.document();
        return pass.readings;
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
        } else {
            entry();
        }
        xml.toEnd();
    }

    private void entry() {
        if (entryIndex >= seriesByEntry.length) {
            throw xml.reject("the file changed between the two passes (more entries than before)");
        }
        SeriesRules series = seriesByEntry[entryIndex++];
        if (series == null) {
            xml.skip();
            return;
        }
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.isAtom("content")) {
                content(series);
            } else {
                xml.skip();
            }
        }
    }

    private void content(SeriesRules series) {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.isEspi("IntervalBlock")) {
                block(series);
            } else {
                xml.skip();
            }
        }
    }

    private void block(SeriesRules series) {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.isEspi("IntervalReading")) {
                reading(series);
            } else {
                xml.skip();
            }
        }
    }

    private void reading(SeriesRules series) {
        int line = xml.line();
        int column = xml.column();
        start = EspiNumbers.ABSENT;
        duration = EspiNumbers.ABSENT;
        value = EspiNumbers.ABSENT;
        quality = null;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.isEspi("timePeriod")) {
                timePeriod(series);
            } else if (xml.isEspi("value")) {
                value = series.value(xml, EspiNumbers.integer(xml, "IntervalReading value", xml.text()));
            } else if (xml.isEspi("ReadingQuality")) {
                readingQuality();
            } else {
                xml.skip();
            }
        }
        if (start == EspiNumbers.ABSENT) {
            throw new ImportRejected(line, column, "IntervalReading has no timePeriod start");
        }
        if (value == EspiNumbers.ABSENT) {
            throw new ImportRejected(line, column, "IntervalReading has no value");
        }
        sink.reading(series.series, start, (int) duration, value, quality == null ? series.fallbackQuality() : quality);
        readings++;
    }

    /** Reads duration and start in either order; each is checked where it stands so errors name its line. */
    private void timePeriod(SeriesRules series) {
        int line = xml.line();
        int column = xml.column();
        String startText = null;
        int startLine = 0;
        int startColumn = 0;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (xml.isEspi("duration")) {
                duration = series.duration(
                        xml, EspiNumbers.integer(xml, "IntervalReading timePeriod duration", xml.text()));
            } else if (xml.isEspi("start")) {
                startLine = xml.line();
                startColumn = xml.column();
                startText = xml.text();
                start = EspiNumbers.epochSeconds(xml, "IntervalReading timePeriod start", startText);
            } else {
                xml.skip();
            }
        }
        if (duration == EspiNumbers.ABSENT) {
            throw new ImportRejected(line, column, "IntervalReading timePeriod has no duration");
        }
        if (startText != null) {
            series.start(startLine, startColumn, start);
        }
    }

    private void readingQuality() {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!xml.isEspi("quality")) {
                xml.skip();
                continue;
            }
            String text = xml.text();
            if (text.isEmpty()) {
                continue; // an empty optional element says nothing
            }
            long code = EspiNumbers.integer(xml, "ReadingQuality quality", text);
            ReadingQuality mapped = EspiQuality.ofCode(code);
            if (mapped == null) {
                throw xml.reject("ReadingQuality " + EspiQuality.refusal(code));
            }
            quality = EspiQuality.leastTrusted(quality, mapped);
        }
    }
}
