package org.meterguard.core.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What has expired at an instant, given the month partitions that exist:
 *
 * <ul>
 *   <li>{@code interval_day} holds interval energy and voltage: a month is dropped once both have expired for all
 *       of it; before that, voltage rows that have expired are deleted from it (and energy rows, should energy be
 *       kept for less time than voltage);
 *   <li>{@code register_read} (interval data) and {@code meter_event} (events): a month is dropped once it has
 *       expired whole; a partly expired month waits, so removal lags expiry by less than a month;
 *   <li>personal information of accounts closed longer ago than its period is crypto-shredded;
 *   <li>received-frame records are deleted by age.
 * </ul>
 */
public final class RetentionPlan {
    /** The partitioned tables, by name. */
    public static final String INTERVAL_DAY = "interval_day";

    public static final String REGISTER_READ = "register_read";
    public static final String METER_EVENT = "meter_event";

    private RetentionPlan() {}

    /** A partition that exists. */
    public record Partition(String table, YearMonth month) {}

    /** The steps, in order, that apply {@code policy} at {@code now}. */
    public static List<RetentionAction> plan(RetentionPolicy policy, Instant now, Collection<Partition> partitions) {
        List<RetentionAction> actions = new ArrayList<>();
        LocalDate energyKept = policy.firstKeptDay(DataCategory.INTERVAL_DATA, now);
        LocalDate voltageKept = policy.firstKeptDay(DataCategory.VOLTAGE, now);
        LocalDate eventsKept = policy.firstKeptDay(DataCategory.EVENTS, now);
        List<Partition> ordered = partitions.stream()
                .distinct()
                .sorted(Comparator.comparing(Partition::table).thenComparing(Partition::month))
                .toList();
        for (Partition partition : ordered) {
            LocalDate firstDayAfter = partition.month().plusMonths(1).atDay(1);
            switch (partition.table()) {
                case INTERVAL_DAY -> {
                    boolean energyGone = !firstDayAfter.isAfter(energyKept);
                    boolean voltageGone = !firstDayAfter.isAfter(voltageKept);
                    if (energyGone && voltageGone) {
                        actions.add(new RetentionAction.DropPartition(
                                DataCategory.INTERVAL_DATA, INTERVAL_DAY, partition.month()));
                    } else {
                        addDelete(actions, DataCategory.VOLTAGE, partition.month(), voltageKept);
                        addDelete(actions, DataCategory.INTERVAL_DATA, partition.month(), energyKept);
                    }
                }
                case REGISTER_READ -> {
                    if (!firstDayAfter.isAfter(energyKept)) {
                        actions.add(new RetentionAction.DropPartition(
                                DataCategory.INTERVAL_DATA, REGISTER_READ, partition.month()));
                    }
                }
                case METER_EVENT -> {
                    if (!firstDayAfter.isAfter(eventsKept)) {
                        actions.add(
                                new RetentionAction.DropPartition(DataCategory.EVENTS, METER_EVENT, partition.month()));
                    }
                }
                default -> throw new IllegalArgumentException("no retention rule for table " + partition.table());
            }
        }
        actions.add(new RetentionAction.ShredAccounts(policy.cutoff(DataCategory.PERSONAL_INFORMATION, now)));
        actions.add(new RetentionAction.DeleteReceivedFrames(policy.cutoff(DataCategory.RECEIVED_FRAMES, now)));
        return actions;
    }

    private static void addDelete(
            List<RetentionAction> actions, DataCategory category, YearMonth month, LocalDate firstKept) {
        if (month.atDay(1).isBefore(firstKept)) {
            actions.add(new RetentionAction.DeleteRows(category, INTERVAL_DAY, month, firstKept));
        }
    }
}
