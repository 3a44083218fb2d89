package org.meterguard.core.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pairs a meter's power events into outages. Events are taken in time order; a power down opens an outage and
 * the next power up closes it. A second power down while one is open is the same outage (meters repeat a last
 * gasp); a power up with no open outage (its power down was lost, as last gasps often are) is counted as an
 * unmatched restoration and opens nothing, since the outage's start is unknown.
 *
 * @param outages the outages, oldest first
 * @param unmatchedRestorations power ups with no power down before them
 */
public record Outages(List<Outage> outages, int unmatchedRestorations) {
    public Outages {
        outages = List.copyOf(outages);
    }

    /** The outages {@code events} (in any order) describe. */
    public static Outages of(List<PowerEvent> events) {
        List<PowerEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(PowerEvent::at));
        List<Outage> outages = new ArrayList<>();
        Instant openSince = null;
        int unmatched = 0;
        for (PowerEvent event : ordered) {
            if (event.down()) {
                openSince = openSince == null ? event.at() : openSince;
            } else if (openSince != null) {
                outages.add(new Outage(openSince, Optional.of(event.at())));
                openSince = null;
            } else {
                unmatched++;
            }
        }
        if (openSince != null) {
            outages.add(new Outage(openSince, Optional.empty()));
        }
        return new Outages(outages, unmatched);
    }
}
