package org.meterguard.core.vee;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.meterguard.core.ReadingQuality;

/** Applies people's edits in the order given; each becomes an {@code EDITED} value and a revision. */
final class Editing {
    private Editing() {}

    static VeeResult apply(IntervalSeries series, List<Edit> edits) {
        Draft draft = new Draft(series);
        List<Revision> revisions = new ArrayList<>();
        for (Edit edit : edits) {
            int i = series.indexOf(edit.intervalStart())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "edit at " + edit.intervalStart() + " is not the start of an interval of " + series));
            revisions.add(revision(draft, i, edit));
            draft.set(i, edit.newValue(), ReadingQuality.EDITED);
        }
        return new VeeResult(draft.toSeries(), List.of(), revisions);
    }

    private static Revision revision(Draft draft, int i, Edit edit) {
        boolean had = draft.isPresent(i);
        return new Revision(
                edit.intervalStart(),
                had ? OptionalLong.of(draft.value(i)) : OptionalLong.empty(),
                had ? Optional.of(draft.quality(i)) : Optional.empty(),
                edit.newValue(),
                ReadingQuality.EDITED,
                edit.editor(),
                edit.editedAt(),
                edit.reason());
    }
}
