package org.meterguard.core.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnonymityPolicyTest {
    private static final AnonymityPolicy POLICY = AnonymityPolicy.D_14_05_016;

    @Test
    void residentialCellNeedsOneHundredCustomers() {
        assertThat(POLICY.failure(residential(99))).hasValueSatisfying(r -> assertThat(r)
                .contains("99 customers, fewer than the 100 a residential cell needs"));
        assertThat(POLICY.failure(residential(100))).isEmpty();
    }

    @Test
    void nonResidentialCellNeedsFifteenCustomers() {
        assertThat(POLICY.failure(commercial(14, 14_000, 1000)))
                .hasValueSatisfying(r -> assertThat(r).contains("fewer than the 15"));
        assertThat(POLICY.failure(commercial(15, 15_000, 1000))).isEmpty();
    }

    @Test
    void noNonResidentialCustomerMayExceedFifteenPercentOfTheCell() {
        assertThat(POLICY.failure(commercial(20, 10_000, 1500))).isEmpty();
        assertThat(POLICY.failure(commercial(20, 10_000, 1501))).isPresent();
        assertThat(POLICY.failure(commercial(20, 1000, 151)))
                .hasValueSatisfying(r -> assertThat(r).isEqualTo("one customer has more than 15% of the cell's usage"));
    }

    @Test
    void residentialCellsAreNotHeldToTheShareRule() {
        assertThat(POLICY.failure(new Cell(CellKey.of("zip:1", "RESIDENTIAL", true, "d"), 100, 1000, 900)))
                .isEmpty();
    }

    @Test
    void aCellWithoutUsagePassesOnItsCustomerCount() {
        assertThat(POLICY.failure(commercial(15, 0, 0))).isEmpty();
    }

    private static Cell residential(long customers) {
        return new Cell(CellKey.of("zip:1", "RESIDENTIAL", true, "d"), customers, customers * 10, 10);
    }

    private static Cell commercial(long customers, long total, long largest) {
        return new Cell(CellKey.of("zip:1", "COMMERCIAL", false, "d"), customers, total, largest);
    }
}
