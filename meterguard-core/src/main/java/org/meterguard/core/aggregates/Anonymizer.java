package org.meterguard.core.aggregates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies an {@link AnonymityPolicy} to cells of one area each. Within each class and period, areas are walked in
 * their neighbour order: a failing cell is merged with the next area (and the next, as long as it fails); a failing
 * remainder at the end joins the last released block where the union passes. What still fails is suppressed, with
 * the reason. Where totals are released, the total minus the released cells equals the sum of the suppressed
 * ones, so that sum must itself pass the policy: released cells with the fewest customers are suppressed as well
 * (complementary suppression) until it does; if it never does, the total is withheld instead.
 */
public final class Anonymizer {
    private final AnonymityPolicy policy;

    public Anonymizer(AnonymityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The release of {@code cells} (one area each, no key twice), with areas in {@code areaOrder} as neighbours
     * (areas not listed follow in name order), and per class and period totals when {@code withTotals}.
     */
    public AggregateRelease release(Collection<Cell> cells, List<String> areaOrder, boolean withTotals) {
        Map<String, Integer> rank = new HashMap<>();
        for (String area : areaOrder) {
            rank.putIfAbsent(area, rank.size());
        }
        Comparator<Cell> byArea = Comparator.comparing(
                        (Cell c) -> rank.getOrDefault(c.key().area(), Integer.MAX_VALUE))
                .thenComparing(c -> c.key().area());
        List<ReleasedCell> released = new ArrayList<>();
        List<SuppressedCell> suppressed = new ArrayList<>();
        List<GroupTotal> totals = new ArrayList<>();
        for (List<Cell> group : groups(cells).values()) {
            group.sort(byArea);
            Group outcome = new Group(blocks(group));
            if (withTotals) {
                totals.add(outcome.total(group));
            }
            outcome.emit(released, suppressed);
        }
        return new AggregateRelease(released, suppressed, totals);
    }

    private static Map<String, List<Cell>> groups(Collection<Cell> cells) {
        Map<String, List<Cell>> groups = new TreeMap<>();
        Set<CellKey> seen = new HashSet<>();
        for (Cell cell : cells) {
            if (cell.key().areas().size() != 1 || !seen.add(cell.key())) {
                throw new IllegalArgumentException("cells must each cover one area, once: " + cell.key());
            }
            if (cell.customers() > 0) {
                String order = cell.key().period() + "|" + cell.key().customerClass();
                groups.computeIfAbsent(order, k -> new ArrayList<>()).add(cell);
            }
        }
        return groups;
    }

    private List<Cell> blocks(List<Cell> group) {
        List<Cell> blocks = new ArrayList<>();
        Cell current = null;
        for (Cell cell : group) {
            current = current == null ? cell : current.mergedWith(cell);
            if (!policy.mergeNeighbours() || passes(current)) {
                blocks.add(current);
                current = null;
            }
        }
        if (current != null) {
            int last = blocks.size() - 1;
            if (last >= 0 && passes(blocks.get(last)) && passes(blocks.get(last).mergedWith(current))) {
                blocks.set(last, blocks.get(last).mergedWith(current));
            } else {
                blocks.add(current);
            }
        }
        return blocks;
    }

    private boolean passes(Cell cell) {
        return policy.failure(cell).isEmpty();
    }

    /** One class and period: its blocks, and which are suppressed and why. */
    private final class Group {
        private final List<Cell> blocks;
        private final Map<Cell, String> suppressedBecause = new HashMap<>();
        private final Set<Cell> complementary = new HashSet<>();

        Group(List<Cell> blocks) {
            this.blocks = blocks;
            for (Cell block : blocks) {
                policy.failure(block)
                        .ifPresent(reason -> suppressedBecause.put(
                                block,
                                block.key().areas().size() > 1 ? reason + " even merged with neighbours" : reason));
            }
        }

        GroupTotal total(List<Cell> cells) {
            CellKey first = cells.get(0).key();
            Cell all = cells.stream().reduce(Cell::mergedWith).orElseThrow();
            if (suppressedBecause.isEmpty()) {
                return new GroupTotal(
                        first.customerClass(), first.period(), all.customers(), all.total(), Optional.empty());
            }
            Cell hidden = union(new ArrayList<>(suppressedBecause.keySet()));
            List<Cell> candidates = new ArrayList<>(blocks);
            candidates.removeIf(suppressedBecause::containsKey);
            candidates.sort(Comparator.comparingLong(Cell::customers).thenComparingLong(Cell::total));
            List<Cell> added = new ArrayList<>();
            while (!passes(hidden) && added.size() < candidates.size()) {
                Cell next = candidates.get(added.size());
                added.add(next);
                hidden = hidden.mergedWith(next);
            }
            if (!passes(hidden)) {
                return new GroupTotal(
                        first.customerClass(),
                        first.period(),
                        0,
                        0,
                        Optional.of("it would reveal the suppressed cells by subtraction ("
                                + policy.failure(hidden).orElseThrow() + ")"));
            }
            for (Cell block : added) {
                complementary.add(block);
                suppressedBecause.put(
                        block,
                        "complementary suppression: the released total would otherwise reveal "
                                + "suppressed cells by subtraction");
            }
            return new GroupTotal(
                    first.customerClass(), first.period(), all.customers(), all.total(), Optional.empty());
        }

        private Cell union(List<Cell> cells) {
            return cells.stream().reduce(Cell::mergedWith).orElseThrow();
        }

        void emit(List<ReleasedCell> released, List<SuppressedCell> suppressed) {
            for (Cell block : blocks) {
                String reason = suppressedBecause.get(block);
                if (reason == null) {
                    released.add(new ReleasedCell(
                            block.key(),
                            block.customers(),
                            block.total(),
                            block.key().areas().size() > 1));
                } else {
                    suppressed.add(new SuppressedCell(block.key(), reason, complementary.contains(block)));
                }
            }
        }
    }
}
