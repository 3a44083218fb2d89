package org.meterguard.core.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnonymizerTest {
    private static final List<String> FEEDERS = List.of("F-1", "F-2", "F-3", "F-4");
    private static final AnonymityPolicy NO_MERGING = new AnonymityPolicy(100, 15, 1500, false);

    @Test
    void releasesPassingCellsAndATotal() {
        AggregateRelease release = new Anonymizer(AnonymityPolicy.D_14_05_016)
                .release(List.of(res("F-1", 100, 5000), res("F-2", 150, 7000)), FEEDERS, true);

        assertThat(release.released()).extracting(c -> c.key().area()).containsExactly("F-1", "F-2");
        assertThat(release.suppressed()).isEmpty();
        assertThat(release.totals()).containsExactly(new GroupTotal("RESIDENTIAL", "d", 250, 12_000, Optional.empty()));
    }

    @Test
    void mergesAFailingCellWithItsNeighbour() {
        AggregateRelease release = new Anonymizer(AnonymityPolicy.D_14_05_016)
                .release(List.of(res("F-1", 60, 3000), res("F-2", 50, 2000), res("F-3", 120, 9000)), FEEDERS, true);

        assertThat(release.released())
                .containsExactly(
                        new ReleasedCell(new CellKey(List.of("F-1", "F-2"), "RESIDENTIAL", true, "d"), 110, 5000, true),
                        new ReleasedCell(CellKey.of("F-3", "RESIDENTIAL", true, "d"), 120, 9000, false));
        assertThat(release.suppressed()).isEmpty();
    }

    @Test
    void aFailingLastCellJoinsThePreviousBlock() {
        AggregateRelease release = new Anonymizer(AnonymityPolicy.D_14_05_016)
                .release(List.of(res("F-1", 130, 3000), res("F-2", 20, 2000)), FEEDERS, false);

        assertThat(release.released()).singleElement().satisfies(c -> {
            assertThat(c.key().area()).isEqualTo("F-1+F-2");
            assertThat(c.customers()).isEqualTo(150);
        });
    }

    @Test
    void aCellThatFailsEvenMergedIsSuppressedWithTheReason() {
        AggregateRelease release = new Anonymizer(AnonymityPolicy.D_14_05_016)
                .release(List.of(res("F-1", 30, 3000), res("F-2", 20, 2000)), FEEDERS, false);

        assertThat(release.released()).isEmpty();
        assertThat(release.suppressed()).singleElement().satisfies(c -> {
            assertThat(c.key().area()).isEqualTo("F-1+F-2");
            assertThat(c.reason())
                    .isEqualTo("50 customers, fewer than the 100 a residential cell needs even merged"
                            + " with neighbours");
        });
    }

    @Test
    void aSuppressedCellIsNotRecoverableFromTheReleasedTotal() {
        List<Cell> cells = List.of(res("F-1", 99, 4000), res("F-2", 100, 5000), res("F-3", 400, 9000));

        AggregateRelease release = new Anonymizer(NO_MERGING).release(cells, FEEDERS, true);

        GroupTotal total = release.totals().get(0);
        assertThat(total.released()).isTrue();
        long releasedCustomers =
                release.released().stream().mapToLong(ReleasedCell::customers).sum();
        long releasedUsage =
                release.released().stream().mapToLong(ReleasedCell::total).sum();
        // what subtraction reveals is more than the suppressed cell alone, and itself passes the policy
        assertThat(total.total() - releasedUsage).isNotEqualTo(4000);
        assertThat(total.customers() - releasedCustomers).isGreaterThanOrEqualTo(100);
        assertThat(release.suppressed())
                .extracting(c -> c.key().area(), SuppressedCell::complementary)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("F-1", false),
                        org.assertj.core.groups.Tuple.tuple("F-2", true));
        assertThat(release.released()).extracting(c -> c.key().area()).containsExactly("F-3");
    }

    @Test
    void withholdsTheTotalWhenNoComplementaryCellCanProtectTheSuppressedOne() {
        // one customer dominates the whole class: no union of cells passes the 15% rule, so no total may go out
        List<Cell> cells = List.of(com("F-1", 15, 9000, 8000), com("F-2", 15, 1500, 100), com("F-3", 15, 1500, 100));

        AggregateRelease release = new Anonymizer(NO_MERGING).release(cells, FEEDERS, true);

        assertThat(release.totals()).singleElement().satisfies(t -> {
            assertThat(t.released()).isFalse();
            assertThat(t.total()).isZero();
            assertThat(t.withheldBecause().orElseThrow()).contains("reveal the suppressed cells by subtraction");
        });
        assertThat(release.released()).extracting(c -> c.key().area()).containsExactly("F-2", "F-3");
        assertThat(release.suppressed()).extracting(c -> c.key().area()).containsExactly("F-1");
    }

    @Test
    void oneNonResidentialCustomerAboveFifteenPercentSuppressesTheCell() {
        AggregateRelease release = new Anonymizer(NO_MERGING)
                .release(List.of(com("F-1", 15, 10_000, 1510), com("F-2", 15, 10_000, 1500)), FEEDERS, false);

        assertThat(release.suppressed()).extracting(c -> c.key().area()).containsExactly("F-1");
        assertThat(release.released()).extracting(c -> c.key().area()).containsExactly("F-2");
    }

    @Test
    void theSameCellsInAnyOrderGiveTheSameRelease() {
        List<Cell> cells = new ArrayList<>(List.of(
                res("F-1", 60, 3000),
                res("F-2", 50, 2000),
                res("F-3", 120, 9000),
                com("F-1", 14, 100, 7),
                com("F-2", 30, 3000, 100)));
        String first = new Anonymizer(AnonymityPolicy.D_14_05_016)
                .release(cells, FEEDERS, true)
                .canonicalText();
        Collections.reverse(cells);
        String second = new Anonymizer(AnonymityPolicy.D_14_05_016)
                .release(cells, FEEDERS, true)
                .canonicalText();

        assertThat(second).isEqualTo(first);
        assertThat(first).contains("R|d|RESIDENTIAL|F-1+F-2|110|5000");
    }

    @Test
    void refusesTheSameCellTwice() {
        assertThatThrownBy(() -> new Anonymizer(AnonymityPolicy.D_14_05_016)
                        .release(List.of(res("F-1", 1, 1), res("F-1", 2, 2)), FEEDERS, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("F-1");
    }

    private static Cell res(String area, long customers, long total) {
        return new Cell(CellKey.of(area, "RESIDENTIAL", true, "d"), customers, total, Math.min(total, 10));
    }

    private static Cell com(String area, long customers, long total, long largest) {
        return new Cell(CellKey.of(area, "COMMERCIAL", false, "d"), customers, total, largest);
    }
}
