package org.meterguard.greenbutton;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A StAX reader over one Green Button document that refuses what makes XML unsafe: a DOCTYPE is an error (so no
 * external DTD, no entity declaration, no entity expansion ever runs), external entities are off, entity references
 * are reported rather than replaced and then refused, and a resolver that refuses every external fetch stands behind
 * all of that. It is the JDK's own StAX implementation ({@link XMLInputFactory#newDefaultFactory()}), whatever else is
 * on the class path, so these settings mean the same everywhere.
 *
 * <p>Names match on namespace and local name. An ESPI name matches in the ESPI namespace, in no namespace, and in the
 * Atom namespace (a producer that dropped the {@code espi:} prefix inside an Atom default namespace); an Atom name
 * matches in the Atom namespace or no namespace. Prefixes play no part, so {@code espi:}, {@code ns0:}, {@code ns:} or
 * none read alike; elements in other namespaces (e.g. ESPI customer data) never match.
 */
final class XmlCursor implements AutoCloseable {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ESPI = "http://naesb.org/espi";

    /** Longer than any value the reader needs; bounds what one element's text can make it hold. */
    static final int MAX_TEXT = 4096;

    private final XMLStreamReader reader;

    private XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    static XmlCursor open(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused");
        });
        try {
            return new XmlCursor(factory.createXMLStreamReader(in));
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
    }

    /** Moves to the next start or end tag (or the end of the document) and returns its event type. */
    int nextTag() {
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT
                    || event == XMLStreamConstants.END_ELEMENT
                    || event == XMLStreamConstants.END_DOCUMENT) {
                return event;
            }
        }
    }

    /** Moves to the root element; a DOCTYPE or content before it is refused. */
    void toRoot() {
        if (nextTag() != XMLStreamConstants.START_ELEMENT) {
            throw reject("the document has no root element");
        }
    }

    /** Reads to the end of the document so that everything after the root is checked too. */
    void toEnd() {
        while (reader.getEventType() != XMLStreamConstants.END_DOCUMENT) {
            next();
        }
    }

    boolean isAtom(String localName) {
        String ns = reader.getNamespaceURI();
        return localName.equals(reader.getLocalName()) && (ns == null || ns.isEmpty() || ATOM.equals(ns));
    }

    boolean isEspi(String localName) {
        String ns = reader.getNamespaceURI();
        return localName.equals(reader.getLocalName())
                && (ns == null || ns.isEmpty() || ESPI.equals(ns) || ATOM.equals(ns));
    }

    String localName() {
        return reader.getLocalName();
    }

    /** The value of the un-prefixed attribute {@code name} of the current start tag, or "" where absent. */
    String attribute(String name) {
        String value = reader.getAttributeValue(null, name);
        return value == null ? "" : value.strip();
    }

    /**
     * The text of the current element, stripped of surrounding white space, leaving the cursor on its end tag. An
     * element with child elements where a value belongs is refused, and so is text longer than {@link #MAX_TEXT}.
     */
    String text() {
        String element = reader.getLocalName();
        String single = null;
        StringBuilder more = null;
        while (true) {
            int event = next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                String all = more != null ? more.toString() : single;
                return all == null ? "" : all.strip();
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw reject(element + " holds an element " + ImportRejected.quote(reader.getLocalName())
                        + " where a value belongs");
            } else if (event == XMLStreamConstants.CHARACTERS
                    || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if (single == null) {
                    single = reader.getText();
                } else {
                    more = more == null ? new StringBuilder(single) : more;
                    more.append(reader.getText());
                }
                if ((more != null ? more.length() : single.length()) > MAX_TEXT) {
                    throw reject(element + " is longer than " + MAX_TEXT + " characters");
                }
            }
        }
    }

    /** Skips the current element and everything in it, leaving the cursor on its end tag. */
    void skip() {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    int line() {
        return Math.max(reader.getLocation().getLineNumber(), 0);
    }

    int column() {
        return Math.max(reader.getLocation().getColumnNumber(), 0);
    }

    ImportRejected reject(String problem) {
        return new ImportRejected(line(), column(), problem);
    }

    private int next() {
        int event;
        try {
            event = reader.next();
        } catch (XMLStreamException e) {
            throw notWellFormed(e);
        }
        if (event == XMLStreamConstants.DTD) {
            throw reject("DOCTYPE declarations are refused: a Green Button file needs no DTD, and none is ever"
                    + " loaded or expanded (no external entities, no entity expansion)");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw reject("entity reference &" + reader.getLocalName() + "; is refused; only the five predefined XML"
                    + " entities and character references are allowed");
        }
        return event;
    }

    private static ImportRejected notWellFormed(XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage() == null ? "" : e.getMessage();
        int cut = message.indexOf("Message: ");
        String reason = cut >= 0 ? message.substring(cut + "Message: ".length()) : message;
        return new ImportRejected(
                at == null ? 0 : Math.max(at.getLineNumber(), 0),
                at == null ? 0 : Math.max(at.getColumnNumber(), 0),
                "not well-formed XML: " + reason.strip(),
                e);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // Closing releases parser state only; the caller closes the stream itself.
        }
    }
}
