package org.meterguard.server.readings;

import java.util.ArrayList;
import java.util.List;

/** The revisions and conflicts one merge produced, written in the same transaction as the data. */
final class SlotChanges {
    private final List<Revision> revisions = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();

    void revision(Revision revision) {
        revisions.add(revision);
    }

    void conflict(Conflict conflict) {
        conflicts.add(conflict);
    }

    List<Revision> revisions() {
        return revisions;
    }

    List<Conflict> conflicts() {
        return conflicts;
    }
}
