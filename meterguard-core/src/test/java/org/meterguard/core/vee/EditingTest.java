package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.ReadingQuality;

class EditingTest {
    private static final Instant EDITED_AT = Instant.parse("2026-03-12T17:30:00Z");
    private final IntervalSeries day = DayData.constant("2026-03-10", 100, ReadingQuality.VALID)
            .set(20, 9000, ReadingQuality.QUESTIONABLE)
            .missing(30)
            .series();

    @Test
    void writesTheEditAndKeepsTheOriginalInTheRevision() {
        Edit edit = new Edit(day.start(20), 140, "j.doe", EDITED_AT, "customer reported a meter swap at 05:00");

        VeeResult result = Vee.edit(day, List.of(edit));

        assertThat(result.series().value(20)).isEqualTo(140);
        assertThat(result.series().quality(20)).isEqualTo(ReadingQuality.EDITED);
        assertThat(ReadingQuality.EDITED.espiCode()).isEqualTo(7);
        assertThat(result.revisions()).singleElement().satisfies(r -> {
            assertThat(r.originalValue()).hasValue(9000);
            assertThat(r.originalQuality()).contains(ReadingQuality.QUESTIONABLE);
            assertThat(r.newValue()).isEqualTo(140);
            assertThat(r.actor()).isEqualTo("j.doe");
            assertThat(r.at()).isEqualTo(EDITED_AT);
            assertThat(r.reason()).contains("meter swap");
        });
        assertThat(day.value(20)).isEqualTo(9000);
    }

    @Test
    void editsAMissingSlot() {
        VeeResult result = Vee.edit(day, List.of(new Edit(day.start(30), 95, "j.doe", EDITED_AT, "site visit read")));

        assertThat(result.series().value(30)).isEqualTo(95);
        assertThat(result.revisions()).singleElement().satisfies(r -> assertThat(r.originalMissing())
                .isTrue());
    }

    @Test
    void chainsTwoEditsOfOneSlot() {
        VeeResult result = Vee.edit(
                day,
                List.of(
                        new Edit(day.start(20), 140, "j.doe", EDITED_AT, "first look"),
                        new Edit(day.start(20), 150, "a.roe", EDITED_AT.plusSeconds(60), "second look")));

        assertThat(result.series().value(20)).isEqualTo(150);
        assertThat(result.revisions().get(1).originalValue()).hasValue(140);
        assertThat(result.revisions().get(1).originalQuality()).contains(ReadingQuality.EDITED);
    }

    @Test
    void needsAnEditorAndAReason() {
        assertThatThrownBy(() -> new Edit(day.start(20), 1, "j.doe", EDITED_AT, " "))
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> new Edit(day.start(20), 1, "", EDITED_AT, "why"))
                .hasMessageContaining("editor");
        assertThatThrownBy(() -> new Edit(day.start(20), 1, "j.doe", null, "why"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void refusesAnEditOutsideTheSeriesOrOffTheGrid() {
        Edit outside = new Edit(day.span().to(), 1, "j.doe", EDITED_AT, "why");
        Edit offGrid = new Edit(day.start(3).plusSeconds(30), 1, "j.doe", EDITED_AT, "why");
        assertThatThrownBy(() -> Vee.edit(day, List.of(outside))).hasMessageContaining("not the start of an interval");
        assertThatThrownBy(() -> Vee.edit(day, List.of(offGrid))).hasMessageContaining("not the start of an interval");
    }
}
