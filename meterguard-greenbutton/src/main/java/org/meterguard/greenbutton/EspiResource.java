package org.meterguard.greenbutton;

import java.util.List;
import java.util.Objects;
import org.meterguard.core.TimeRange;

/**
 * An ESPI resource other than usage, written as one entry by {@link GreenButtonWriter#resource}: Green Button
 * Connect's {@code ApplicationInformation} and {@code Authorization}. Its fields are written in the order given, which
 * must be the schema's.
 *
 * @param kind the ESPI element, e.g. {@code Authorization}
 * @param self the entry's {@code self} link
 * @param up the collection it belongs to
 * @param title the Atom title
 * @param fields its elements in schema order
 */
public record EspiResource(String kind, String self, String up, String title, List<Field> fields) {
    public EspiResource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(title, "title");
        fields = List.copyOf(fields);
    }

    /**
     * One element: text, or (when {@code interval} is set) an ESPI DateTimeInterval.
     *
     * @param name the element
     * @param text its text; ignored for an interval
     * @param interval the interval, or null for text
     */
    public record Field(String name, String text, TimeRange interval) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }

        /** A text element. */
        public static Field of(String name, Object text) {
            return new Field(name, String.valueOf(text), null);
        }

        /** A DateTimeInterval element. */
        public static Field interval(String name, TimeRange interval) {
            return new Field(name, "", Objects.requireNonNull(interval, "interval"));
        }
    }
}
