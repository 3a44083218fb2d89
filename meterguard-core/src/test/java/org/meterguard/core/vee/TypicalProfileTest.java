package org.meterguard.core.vee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.meterguard.core.Channel;
import org.meterguard.core.ReadingQuality;

class TypicalProfileTest {

    @Test
    void takesTheMedianOfValidValuesPerSlotAndDayType() {
        TypicalProfile profile = TypicalProfile.fromHistory(List.of(
                DayData.constant("2026-03-02", 100, ReadingQuality.VALID).series(),
                DayData.constant("2026-03-03", 900, ReadingQuality.VALID).series(),
                DayData.constant("2026-03-04", 120, ReadingQuality.VALID).series(),
                DayData.constant("2026-03-07", 40, ReadingQuality.VALID).series()));

        assertThat(profile.typical(DayType.WEEKDAY, 30)).hasValue(120);
        assertThat(profile.samples(DayType.WEEKEND, 30)).isEqualTo(1);
        assertThat(profile.typical(DayType.WEEKEND, 30)).isEmpty();
    }

    @Test
    void averagesTheMiddlePairOfAnEvenCountRoundingHalfUp() {
        TypicalProfile profile = TypicalProfile.fromHistory(
                List.of(
                        DayData.constant("2026-03-02", 100, ReadingQuality.VALID)
                                .series(),
                        DayData.constant("2026-03-03", 101, ReadingQuality.VALID)
                                .series()),
                2);
        assertThat(profile.typical(DayType.WEEKDAY, 0)).hasValue(101);
    }

    @Test
    void leavesOutEstimatesEditsAndUnvalidatedValues() {
        TypicalProfile profile = TypicalProfile.fromHistory(
                List.of(DayData.constant("2026-03-02", 100, ReadingQuality.VALID)
                        .set(10, 5, ReadingQuality.ESTIMATED_REFERENCE_DAY)
                        .set(11, 5, ReadingQuality.EDITED)
                        .set(12, 5, ReadingQuality.RAW)
                        .set(13, 5, ReadingQuality.QUESTIONABLE)
                        .series()),
                1);
        assertThat(profile.typical(DayType.WEEKDAY, 9)).hasValue(100);
        for (int slot = 10; slot <= 13; slot++) {
            assertThat(profile.typical(DayType.WEEKDAY, slot)).isEmpty();
        }
    }

    @Test
    void countsBothPassesOfTheRepeatedHourAndNothingForTheSkippedOne() {
        TypicalProfile profile = TypicalProfile.fromHistory(
                List.of(
                        DayData.constant("2026-11-01", 10, ReadingQuality.VALID)
                                .set(8, 30, ReadingQuality.VALID)
                                .series(),
                        DayData.constant("2026-03-08", 20, ReadingQuality.VALID).series()),
                1);

        assertThat(profile.samples(DayType.WEEKEND, 4)).isEqualTo(3); // 01:00 twice in November, once in March
        assertThat(profile.typical(DayType.WEEKEND, 4)).hasValue(20);
        assertThat(profile.samples(DayType.WEEKEND, 8)).isEqualTo(1); // 02:00 never happened in March
        assertThat(profile.samples(DayType.WEEKEND, 12)).isEqualTo(2);
    }

    @Test
    void refusesHistoryOfMixedChannels() {
        assertThatThrownBy(() -> TypicalProfile.fromHistory(List.of(
                        DayData.constant("2026-03-02", 1, ReadingQuality.VALID).series(),
                        DayData.constant("2026-03-03", 1, ReadingQuality.VALID)
                                .channel(Channel.ACTIVE_ENERGY_EXPORT)
                                .series())))
                .hasMessageContaining("mixes");
        assertThatThrownBy(() -> TypicalProfile.fromHistory(List.of())).hasMessageContaining("prior days");
    }
}
