package org.meterguard.greenbutton;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Atom side of a Green Button document written through StAX: the feed, and each entry with its id, links and
 * title around one ESPI resource written in ESPI's namespace. Entry ids are name-based UUIDs of the feed's id and the
 * entry's {@code self} link, so the same export writes the same ids.
 */
final class AtomXml {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ESPI = "http://naesb.org/espi";

    private final XMLStreamWriter xml;
    private final UUID feedId;
    private final String timestamp;
    private final EntrySelection selection;
    /** True inside an entry the selection leaves out: nothing is written until it ends. */
    private boolean muted;

    AtomXml(XMLStreamWriter xml, UUID feedId, String timestamp, EntrySelection selection) {
        this.xml = xml;
        this.feedId = feedId;
        this.timestamp = timestamp;
        this.selection = selection;
    }

    void startFeed(String title, String self) throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            text("id", "urn:uuid:" + feedId);
            text("title", title);
            text("updated", timestamp);
            link("self", self);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void endFeed() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Starts an entry and the ESPI resource {@code resource} in its content. */
    void startEntry(String resource, String self, String up, String title, String... related) throws IOException {
        muted = !selection.selects(resource, self);
        if (muted) {
            return;
        }
        try {
            xml.writeStartElement("entry");
            text("id", "urn:uuid:" + UUID.nameUUIDFromBytes((feedId + self).getBytes(StandardCharsets.UTF_8)));
            link("self", self);
            link("up", up);
            for (String href : related) {
                link("related", href);
            }
            text("title", title);
            xml.writeStartElement("content");
            xml.writeStartElement(resource);
            xml.writeDefaultNamespace(ESPI);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Ends the ESPI resource and its entry. */
    void endEntry() throws IOException {
        if (muted) {
            muted = false;
            return;
        }
        try {
            xml.writeEndElement();
            xml.writeEndElement();
            text("published", timestamp);
            text("updated", timestamp);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void start(String element) throws IOException {
        if (muted) {
            return;
        }
        try {
            xml.writeStartElement(element);
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void end() throws IOException {
        if (muted) {
            return;
        }
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void text(String element, String text) throws IOException {
        if (muted) {
            return;
        }
        try {
            xml.writeStartElement(element);
            xml.writeCharacters(text);
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    void number(String element, long value) throws IOException {
        text(element, Long.toString(value));
    }

    /** An ESPI DateTimeInterval: duration, then start (UTC epoch seconds). */
    void interval(String element, long start, long duration) throws IOException {
        start(element);
        number("duration", duration);
        number("start", start);
        end();
    }

    private void link(String rel, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
    }

    void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private static IOException failed(XMLStreamException e) {
        return new IOException("writing the Green Button document failed: " + e.getMessage(), e);
    }
}
