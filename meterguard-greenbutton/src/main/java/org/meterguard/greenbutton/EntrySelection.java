package org.meterguard.greenbutton;

import java.util.Objects;

/**
 * Which entries of a Green Button document are written: every one (Download My Data, a Connect
 * {@code Batch/Subscription} feed), or those of one ESPI resource kind at or under one href (a Connect My Data resource
 * request such as {@code …/UsagePoint/1/MeterReading/2/IntervalBlock}). The others are still produced in order, so
 * numbering and links are the same whatever is selected, but not written.
 *
 * @param kind the ESPI resource written (e.g. {@code IntervalBlock}); empty for all kinds
 * @param href the entries' {@code self} link, or the collection above them; empty for all
 */
public record EntrySelection(String kind, String href) {
    /** Every entry. */
    public static final EntrySelection ALL = new EntrySelection("", "");

    public EntrySelection {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(href, "href");
    }

    /** True where the entry of {@code resource} with link {@code self} is written. */
    public boolean selects(String resource, String self) {
        return (kind.isEmpty() || kind.equals(resource))
                && (href.isEmpty() || self.equals(href) || self.startsWith(href + "/"));
    }

    /** True where every entry is written. */
    public boolean all() {
        return kind.isEmpty() && href.isEmpty();
    }
}
