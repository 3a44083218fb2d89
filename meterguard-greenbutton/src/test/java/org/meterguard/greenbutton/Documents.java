package org.meterguard.greenbutton;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Small Green Button documents written for one behaviour each, and how to read them. */
final class Documents {
    static final String UP = "/espi/1_1/resource/RetailCustomer/9/UsagePoint/1";
    static final String MR = UP + "/MeterReading/1";
    static final String RT = "/espi/1_1/resource/ReadingType/1";

    /** A forward 15-minute Wh ReadingType. */
    static final String WH_15_MIN = """
            <accumulationBehaviour>4</accumulationBehaviour>
            <commodity>1</commodity>
            <flowDirection>1</flowDirection>
            <intervalLength>900</intervalLength>
            <kind>12</kind>
            <powerOfTenMultiplier>0</powerOfTenMultiplier>
            <uom>72</uom>
            """;

    private Documents() {}

    static String usagePointEntry() {
        return """
                <entry>
                  <id>urn:uuid:00000000-0000-0000-0000-000000000001</id>
                  <link rel="self" href="%1$s"/>
                  <link rel="up" href="/espi/1_1/resource/RetailCustomer/9/UsagePoint"/>
                  <link rel="related" href="%1$s/MeterReading"/>
                  <title>1 Example Street</title>
                  <content><UsagePoint xmlns="http://naesb.org/espi"><ServiceCategory><kind>0</kind></ServiceCategory></UsagePoint></content>
                </entry>
                """.formatted(UP);
    }

    static String meterReadingEntry() {
        return """
                <entry>
                  <link rel="self" href="%1$s"/>
                  <link rel="up" href="%2$s/MeterReading"/>
                  <link rel="related" href="%1$s/IntervalBlock"/>
                  <link rel="related" href="%3$s"/>
                  <content><MeterReading xmlns="http://naesb.org/espi"/></content>
                </entry>
                """.formatted(MR, UP, RT);
    }

    static String readingTypeEntry(String body) {
        return """
                <entry>
                  <link rel="self" href="%s"/>
                  <link rel="up" href="/espi/1_1/resource/ReadingType"/>
                  <content>
                <ReadingType xmlns="http://naesb.org/espi">
                %s</ReadingType>
                  </content>
                </entry>
                """.formatted(RT, body);
    }

    static String blockEntry(String readings) {
        return """
                <entry>
                  <link rel="self" href="%1$s/IntervalBlock/1"/>
                  <link rel="up" href="%1$s/IntervalBlock"/>
                  <content>
                <IntervalBlock xmlns="http://naesb.org/espi">
                <interval><duration>86400</duration><start>1330578000</start></interval>
                %2$s</IntervalBlock>
                  </content>
                </entry>
                """.formatted(MR, readings);
    }

    static String reading(String start, String duration, String value) {
        return """
                <IntervalReading>
                  <timePeriod>
                    <duration>%s</duration>
                    <start>%s</start>
                  </timePeriod>
                  <value>%s</value>
                </IntervalReading>
                """.formatted(duration, start, value);
    }

    static String readingWithQuality(String start, String value, String... qualities) {
        StringBuilder xml = new StringBuilder("<IntervalReading>\n");
        for (String quality : qualities) {
            xml.append("  <ReadingQuality><quality>").append(quality).append("</quality></ReadingQuality>\n");
        }
        return xml.append("  <timePeriod><duration>900</duration><start>")
                .append(start)
                .append("</start></timePeriod>\n  <value>")
                .append(value)
                .append("</value>\n</IntervalReading>\n")
                .toString();
    }

    static String feed(String... entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                + String.join("", entries) + "</feed>\n";
    }

    /** A whole feed: UsagePoint, MeterReading, ReadingType with {@code readingType} body, one block of readings. */
    static String feedWith(String readingType, String readings) {
        return feed(usagePointEntry(), meterReadingEntry(), readingTypeEntry(readingType), blockEntry(readings));
    }

    static RecordingSink read(String xml) throws IOException {
        return read(new GreenButtonReader(), xml);
    }

    static RecordingSink read(GreenButtonReader reader, String xml) throws IOException {
        RecordingSink sink = new RecordingSink();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        reader.read(() -> new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    /** The 1-based line of the first occurrence of {@code marker} in {@code text}. */
    static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("marker not found: " + marker);
        }
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
