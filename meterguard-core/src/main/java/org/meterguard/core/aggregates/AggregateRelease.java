package org.meterguard.core.aggregates;

import java.util.List;

/**
 * What may be released of a set of cells under a policy: the released cells, the suppressed ones with their
 * reasons, and the per class and period totals (released or withheld). Each list is in a fixed order (period,
 * class, then the areas' neighbour order), so the same input gives the same release.
 */
public record AggregateRelease(List<ReleasedCell> released, List<SuppressedCell> suppressed, List<GroupTotal> totals) {
    public AggregateRelease {
        released = List.copyOf(released);
        suppressed = List.copyOf(suppressed);
        totals = List.copyOf(totals);
    }

    /** The release as canonical text, one line per item, for digests that show two releases are the same. */
    public String canonicalText() {
        StringBuilder text = new StringBuilder();
        for (ReleasedCell cell : released) {
            text.append("R|")
                    .append(cell.key().period())
                    .append('|')
                    .append(cell.key().customerClass())
                    .append('|')
                    .append(cell.key().area())
                    .append('|')
                    .append(cell.customers())
                    .append('|')
                    .append(cell.total())
                    .append('\n');
        }
        for (SuppressedCell cell : suppressed) {
            text.append("S|")
                    .append(cell.key().period())
                    .append('|')
                    .append(cell.key().customerClass())
                    .append('|')
                    .append(cell.key().area())
                    .append('|')
                    .append(cell.reason())
                    .append('\n');
        }
        for (GroupTotal total : totals) {
            text.append("T|")
                    .append(total.period())
                    .append('|')
                    .append(total.customerClass())
                    .append('|')
                    .append(total.customers())
                    .append('|')
                    .append(total.total())
                    .append('|')
                    .append(total.withheldBecause().orElse(""))
                    .append('\n');
        }
        return text.toString();
    }
}
