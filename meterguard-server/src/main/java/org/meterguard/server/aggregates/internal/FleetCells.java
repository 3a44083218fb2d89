package org.meterguard.server.aggregates.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.meterguard.core.aggregates.Cell;
import org.meterguard.core.aggregates.CellKey;
import org.meterguard.core.aggregates.CellTally;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.PlacedDayHandler;
import org.meterguard.server.readings.DayRowHandler;

/**
 * Turns placed day rows into cells. A unit is one account in one area: the "customer" a cell counts, with its usage
 * per period. Each stream sums its rows into units of its own, so streams over disjoint meter ranges run in
 * parallel without locks; {@link #cells} joins the units one account has in several streams (an account with
 * meters in two ranges) and tallies each unit once per period in which it has rows: per cell the customers, their
 * total and the largest customer, which is all the anonymity policy needs.
 */
public final class FleetCells {
    private final LocalDate firstDay;
    private final int periods;

    /** Cells for days from {@code firstDay}, over {@code periods} periods (1 for the whole span). */
    public FleetCells(LocalDate firstDay, int periods) {
        this.firstDay = firstDay;
        this.periods = periods;
    }

    /** A new stream's accumulator. */
    public Stream newStream() {
        return new Stream();
    }

    /** The areas met by {@code streams}, in name order. */
    public static List<String> areas(List<Stream> streams) {
        TreeSet<String> areas = new TreeSet<>();
        streams.forEach(s -> areas.addAll(s.areaNames));
        return List.copyOf(areas);
    }

    /** The cells: per period, area and class, each unit with rows counted once with its period total. */
    public List<Cell> cells(List<Stream> streams, String areaPrefix, List<String> periodLabels) {
        List<String> areas = areas(streams);
        Map<String, Integer> areaIndex = new HashMap<>();
        areas.forEach(a -> areaIndex.put(a, areaIndex.size()));
        for (int s = 1; s < streams.size(); s++) {
            streams.get(s).joinInto(streams.subList(0, s));
        }
        AccountClass[] classes = AccountClass.values();
        CellTally[] tallies = new CellTally[periods * areas.size() * classes.length];
        for (Stream stream : streams) {
            int[] global = stream.areaNames.stream().mapToInt(areaIndex::get).toArray();
            for (int u = 0; u < stream.units; u++) {
                if (stream.joined[u]) {
                    continue;
                }
                for (int p = 0; p < periods; p++) {
                    int slot = u * periods + p;
                    if (stream.seen[slot]) {
                        int index =
                                (p * areas.size() + global[stream.unitArea[u]]) * classes.length + stream.unitClass[u];
                        if (tallies[index] == null) {
                            tallies[index] = new CellTally();
                        }
                        tallies[index].addCustomer(Math.max(0, stream.totals[slot]));
                    }
                }
            }
        }
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            if (tallies[i] != null) {
                AccountClass accountClass = classes[i % classes.length];
                String area = areas.get((i / classes.length) % areas.size());
                String period = periodLabels.get(i / classes.length / areas.size());
                cells.add(tallies[i].toCell(CellKey.of(
                        areaPrefix + area, accountClass.name(), accountClass == AccountClass.RESIDENTIAL, period)));
            }
        }
        return cells;
    }

    /** One stream's sums: placed day rows, each added to its unit's period total. Allocates per new unit only. */
    public final class Stream implements PlacedDayHandler {
        private final Map<String, Integer> unitByAccount = new HashMap<>();
        private final Map<String, Integer> unitByAccountAndArea = new HashMap<>();
        private final Map<String, Integer> areaIds = new HashMap<>();
        private final List<String> areaNames = new ArrayList<>();
        private String lastArea;
        private int lastAreaId;
        private String[] unitAccount = new String[1024];
        private int[] unitArea = new int[1024];
        private int[] unitClass = new int[1024];
        private boolean[] joined = new boolean[1024];
        private long[] totals = new long[1024 * periods];
        private boolean[] seen = new boolean[1024 * periods];
        private int units;
        private long rows;
        private long unattributed;

        @Override
        public void row(String accountId, String area, AccountClass accountClass, LocalDate day, long[] values) {
            rows++;
            if (accountId == null) {
                unattributed++;
                return;
            }
            int unit = unit(accountId, areaId(area), accountClass);
            long sum = 0;
            for (long value : values) {
                if (value != DayRowHandler.MISSING) {
                    sum += value;
                }
            }
            int slot = unit * periods + (periods == 1 ? 0 : (int) ChronoUnit.DAYS.between(firstDay, day));
            totals[slot] += sum;
            seen[slot] = true;
        }

        private int areaId(String area) {
            if (!area.equals(lastArea)) {
                lastArea = area;
                lastAreaId = areaIds.computeIfAbsent(area, a -> {
                    areaNames.add(a);
                    return areaNames.size() - 1;
                });
            }
            return lastAreaId;
        }

        /** The unit of the account in the area; nearly every account has one area, found by its id alone. */
        private int unit(String accountId, int areaId, AccountClass accountClass) {
            Integer unit = unitByAccount.get(accountId);
            if (unit == null) {
                unit = newUnit(accountId, areaId, accountClass);
                unitByAccount.put(accountId, unit);
                return unit;
            }
            if (unitArea[unit] == areaId) {
                return unit;
            }
            return unitByAccountAndArea.computeIfAbsent(
                    accountId + '\u0000' + areaId, k -> newUnit(accountId, areaId, accountClass));
        }

        private int newUnit(String accountId, int areaId, AccountClass accountClass) {
            if (units == unitArea.length) {
                int size = units * 2;
                unitAccount = Arrays.copyOf(unitAccount, size);
                unitArea = Arrays.copyOf(unitArea, size);
                unitClass = Arrays.copyOf(unitClass, size);
                joined = Arrays.copyOf(joined, size);
                totals = Arrays.copyOf(totals, size * periods);
                seen = Arrays.copyOf(seen, size * periods);
            }
            unitAccount[units] = accountId;
            unitArea[units] = areaId;
            unitClass[units] = accountClass.ordinal();
            return units++;
        }

        /** The unit of the account in the named area, or -1. */
        private int find(String accountId, String area) {
            Integer areaId = areaIds.get(area);
            Integer unit = unitByAccount.get(accountId);
            if (areaId == null || unit == null) {
                return -1;
            }
            if (unitArea[unit] == areaId) {
                return unit;
            }
            return unitByAccountAndArea.getOrDefault(accountId + '\u0000' + areaId, -1);
        }

        /** Adds each unit that an earlier stream also has into that stream's unit, and marks it joined. */
        private void joinInto(List<Stream> earlier) {
            for (int u = 0; u < units; u++) {
                String area = areaNames.get(unitArea[u]);
                for (Stream other : earlier) {
                    int there = other.find(unitAccount[u], area);
                    if (there >= 0) {
                        for (int p = 0; p < periods; p++) {
                            other.totals[there * periods + p] += totals[u * periods + p];
                            other.seen[there * periods + p] |= seen[u * periods + p];
                        }
                        joined[u] = true;
                        break;
                    }
                }
            }
        }

        public long rows() {
            return rows;
        }

        public long unattributed() {
            return unattributed;
        }
    }
}
