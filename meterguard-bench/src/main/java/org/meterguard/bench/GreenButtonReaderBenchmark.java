package org.meterguard.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.meterguard.core.ReadingQuality;
import org.meterguard.greenbutton.GreenButtonReader;
import org.meterguard.greenbutton.GreenButtonSink;
import org.meterguard.greenbutton.MeterReading;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Importing a year of hourly Green Button data: the Coastal Multi-Family sample (8,760 readings, 1.8 MB) from the
 * shared reference material, read by {@link GreenButtonReader} into a sink that only counts and sums. Three ways in
 * the same run:
 *
 * <ul>
 *   <li>{@link #readFile}: from the file, both passes, as the server will import an upload;
 *   <li>{@link #readBytes}: the same from bytes in memory, so the difference is the file system;
 *   <li>{@link #staxScanBaseline}: one bare pass of the JDK's StAX parser over the bytes, counting IntervalReading
 *       tags and nothing else: the floor of one pass (the reader makes two and checks every value).
 * </ul>
 *
 * The reference Java implementation (OpenESPI, JAXB) took about 3 s for this file on this machine; the target is at
 * least 20 times faster (150 ms or less).
 *
 * <pre>
 * ./mvnw -q -DskipTests -pl meterguard-bench -am package &amp;&amp; java -jar meterguard-bench/target/benchmarks.jar GreenButtonReaderBenchmark
 * </pre>
 *
 * Run from the repository root; the sample is found at {@code ../shared/data/greenbutton/samples/} (or in a {@code
 * shared/data/greenbutton/samples} above the working directory), or given with {@code -p file=PATH}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GreenButtonReaderBenchmark {
    static final String SAMPLE = "Coastal_Multi_Family_Jan_1_2011_to_Jan_1_2012_RetailCustomer_5.xml";

    /** The Green Button file; empty means the Coastal Multi-Family sample in the shared reference material. */
    @Param({""})
    String file;

    Path path;
    byte[] bytes;
    GreenButtonReader reader;

    @Setup
    public void load() throws IOException {
        path = file.isEmpty() ? findSample() : Path.of(file);
        bytes = Files.readAllBytes(path);
        reader = new GreenButtonReader();
        long readings = reader.read(path, new CountingSink()).readings();
        if (file.isEmpty() && readings != 8760) {
            throw new IllegalStateException("expected 8760 readings in " + path + ", read " + readings);
        }
    }

    static Path findSample() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared/data/greenbutton/samples").resolve(SAMPLE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared material missing: no shared/data/greenbutton/samples/" + SAMPLE
                + " above " + Path.of("").toAbsolutePath() + "; give the file with -p file=PATH");
    }

    @Benchmark
    public long readFile() throws IOException {
        CountingSink sink = new CountingSink();
        reader.read(path, sink);
        return sink.count + sink.sum;
    }

    @Benchmark
    public long readBytes() throws IOException {
        CountingSink sink = new CountingSink();
        reader.read(() -> new ByteArrayInputStream(bytes), sink);
        return sink.count + sink.sum;
    }

    @Benchmark
    public long staxScanBaseline() throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        InputStream in = new ByteArrayInputStream(bytes);
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        long count = 0;
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "IntervalReading".equals(xml.getLocalName())) {
                count++;
            }
        }
        xml.close();
        return count;
    }

    /** Counts and sums, so that the work cannot be optimised away. */
    static final class CountingSink implements GreenButtonSink {
        long count;
        long sum;

        @Override
        public void reading(MeterReading series, long start, int durationSeconds, long value, ReadingQuality quality) {
            count++;
            sum += value;
        }
    }
}
