package org.meterguard.greenbutton;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import org.meterguard.core.ReadingQuality;

/**
 * Reads a Green Button file (NAESB REQ.21 ESPI resources in an Atom feed or entry) and streams its interval readings
 * to a {@link GreenButtonSink}, never holding the file in memory.
 *
 * <h2>Two passes</h2>
 *
 * ESPI ties an IntervalBlock to its units only through Atom links (IntervalBlock {@code up} → MeterReading, MeterReading
 * {@code related} → ReadingType, MeterReading {@code up} → UsagePoint), entries may come in any order, and links may
 * follow the content they describe. So the file is read twice: the first pass keeps only each entry's links and its
 * small resources (UsagePoint, MeterReading, ReadingType, LocalTimeParameters) and skips IntervalBlocks; the links are
 * then resolved, every series' ReadingType mapped to a channel ({@link GreenButtonSink#begin} follows), and the second
 * pass delivers the readings one by one. A ReadingType that cannot be imported fails the file before any reading is
 * delivered. Memory is proportional to the number of entries, not readings. Both passes checksum the bytes (CRC-32C);
 * if the second read differs from the first the file is rejected.
 *
 * <h2>Safety</h2>
 *
 * A DOCTYPE is refused outright, so no DTD is loaded, no entity is declared or expanded and nothing outside the file is
 * ever fetched; entity references other than XML's predefined five are refused.
 *
 * <h2>Strict where Meterguard needs it</h2>
 *
 * Every IntervalReading must have a timePeriod start, a positive duration and an integer value; durations match the
 * ReadingType's intervalLength, starts lie on an {@link org.meterguard.core.IntervalGrid}, values rescale exactly to
 * the channel's unit, and quality codes map onto {@link ReadingQuality}. Any failure is an {@link ImportRejected} that
 * names the line, the element and the bad value.
 *
 * <h2>Lenient where files vary</h2>
 *
 * <ul>
 *   <li>Namespace prefixes play no part; ESPI and Atom names are matched by namespace and, where a producer left the
 *       namespace out, by local name alone.
 *   <li>Epoch seconds with a zero fraction ({@code 1625097600.0}) are accepted; any other fraction is an error.
 *   <li>Empty optional elements ({@code <kind/>}, {@code <quality></quality>}) count as absent.
 *   <li>Quality: the reading's own ReadingQuality (of several, the least trusted); else the ReadingType's
 *       defaultQuality; else the quality given to this reader (by default {@link ReadingQuality#RAW}: nobody has said
 *       the value was validated). ESPI codes 17, 18 and 19 (validated, verified, revenue-quality) read as VALID.
 *   <li>With a {@linkplain GreenButtonWarning warning}: a ReadingType without flowDirection reads as forward, without
 *       accumulationBehaviour as delta data; a ReadingType written inside its MeterReading is used; a MeterReading
 *       whose {@code up} link matches no UsagePoint is given the file's only UsagePoint; malformed LocalTimeParameters
 *       are ignored.
 *   <li>Daily series (intervalLength 86,400) with LocalTimeParameters may start at local midnight and hold 23- and
 *       25-hour days at daylight-saving changes, as ESPI daily values do; such starts are not on the UTC grid, which a
 *       store must allow for.
 * </ul>
 *
 * Instances are immutable and may be shared between threads.
 */
public final class GreenButtonReader {
    /** A file that can be opened more than once and yields the same bytes each time, e.g. a saved upload. */
    @FunctionalInterface
    public interface Source {
        /** A new stream over the whole file, from its first byte; the reader closes it. */
        InputStream open() throws IOException;
    }

    private static final int BUFFER = 64 * 1024;

    private final ReadingQuality unstatedQuality;

    /** A reader that gives readings without any stated quality {@link ReadingQuality#RAW}. */
    public GreenButtonReader() {
        this(ReadingQuality.RAW);
    }

    /**
     * @param unstatedQuality the quality of readings for which neither the reading nor its ReadingType states one
     */
    public GreenButtonReader(ReadingQuality unstatedQuality) {
        this.unstatedQuality = Objects.requireNonNull(unstatedQuality, "unstatedQuality");
    }

    /** Reads {@code file}; see {@link #read(Source, GreenButtonSink)}. */
    public GreenButtonSummary read(Path file, GreenButtonSink sink) throws IOException {
        Objects.requireNonNull(file, "file");
        return read(() -> Files.newInputStream(file), sink);
    }

    /**
     * Reads the file twice and delivers its readings to {@code sink}.
     *
     * @return what was read, with the warnings
     * @throws ImportRejected if the file cannot be imported; readings already delivered must be discarded
     * @throws IOException if the source cannot be read
     */
    public GreenButtonSummary read(Source source, GreenButtonSink sink) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        Warnings warnings = new Warnings(sink);
        List<Entry> entries;
        long checksum;
        try (CheckedInputStream in = open(source);
                XmlCursor xml = XmlCursor.open(keepOpen(in))) {
            entries = MetadataPass.read(xml, warnings);
            checksum = drain(in);
        }
        FeedLinker.Linked linked = FeedLinker.link(entries, warnings, unstatedQuality);
        sink.begin(linked.feed());
        long readings = 0;
        if (!linked.feed().meterReadings().isEmpty()) {
            try (CheckedInputStream in = open(source);
                    XmlCursor xml = XmlCursor.open(keepOpen(in))) {
                readings = ReadingPass.read(xml, linked.seriesByEntry(), sink);
                if (drain(in) != checksum) {
                    throw new ImportRejected(0, 0, "the file changed between the two passes (checksum differs)");
                }
            }
        }
        return new GreenButtonSummary(linked.feed(), readings, warnings.all());
    }

    private static CheckedInputStream open(Source source) throws IOException {
        InputStream raw = Objects.requireNonNull(source.open(), "source.open()");
        return new CheckedInputStream(new BufferedInputStream(raw, BUFFER), new CRC32C());
    }

    /** The JDK parser closes its stream at the end of the document; the checksum is read after that. */
    private static InputStream keepOpen(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {}
        };
    }

    /** Reads whatever the parser left (trailing white space or comments) and returns the checksum of all bytes. */
    private static long drain(CheckedInputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
        return in.getChecksum().getValue();
    }
}
