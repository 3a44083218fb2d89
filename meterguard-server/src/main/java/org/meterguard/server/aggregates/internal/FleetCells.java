package org.meterguard.server.aggregates.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.meterguard.core.Channel;
import org.meterguard.core.MeterId;
import org.meterguard.core.aggregates.Cell;
import org.meterguard.core.aggregates.CellKey;
import org.meterguard.core.aggregates.CellTally;
import org.meterguard.server.accounts.AccountClass;
import org.meterguard.server.accounts.Placement;
import org.meterguard.server.readings.DayRowHandler;

/**
 * Turns placements and streamed day rows into cells. A unit is one account in one area: the "customer" a cell
 * counts. Each meter's placements say which unit its day rows belong to (the placement holding the day's start, UTC).
 * Each stream sums into arrays of its own, so streams over disjoint meter ranges run in parallel without locks;
 * {@link #cells} adds them up. Allocates nothing per row once a meter's placements are found.
 */
public final class FleetCells {
    private static final int SAMPLE_EVERY = 64;

    private final boolean byZone;
    private final LocalDate firstDay;
    private final int periods;
    private final Map<String, Integer> unitByAccount = new HashMap<>();
    private final Map<String, Integer> unitByAccountAndArea = new HashMap<>();
    private final Map<String, MeterSpans> meters = new HashMap<>();
    private final List<String> meterSample = new ArrayList<>();
    private final List<String> areas = new ArrayList<>();
    private final Map<String, Integer> areaIds = new HashMap<>();
    private int[] unitArea = new int[1024];
    private int[] unitClass = new int[1024];
    private int units;

    /** Cells by feeder or zone for days from {@code firstDay}, over {@code periods} periods (1 for the whole span). */
    public FleetCells(boolean byZone, LocalDate firstDay, int periods) {
        this.byZone = byZone;
        this.firstDay = firstDay;
        this.periods = periods;
    }

    /** Adds a placement (in any order). */
    public void add(Placement placement) {
        String area = byZone ? placement.zone() : placement.feeder();
        int areaId = areaIds.computeIfAbsent(area, a -> {
            areas.add(a);
            return areas.size() - 1;
        });
        int unit = unit(placement, areaId);
        MeterSpans spans = meters.get(placement.meterId());
        if (spans == null) {
            spans = new MeterSpans();
            meters.put(placement.meterId(), spans);
            if (meters.size() % SAMPLE_EVERY == 1) {
                meterSample.add(placement.meterId());
            }
        }
        spans.add(unit, placement.from().getEpochSecond(), placement.to().getEpochSecond());
    }

    /** The unit of the placement's account in its area; nearly every account has one area, found by its id alone. */
    private int unit(Placement placement, int areaId) {
        Integer unit = unitByAccount.get(placement.accountId());
        if (unit == null) {
            unit = newUnit(areaId, placement);
            unitByAccount.put(placement.accountId(), unit);
            return unit;
        }
        if (unitArea[unit] == areaId) {
            return unit;
        }
        return unitByAccountAndArea.computeIfAbsent(
                placement.accountId() + '\u0000' + areaId, k -> newUnit(areaId, placement));
    }

    private int newUnit(int areaId, Placement placement) {
        if (units == unitArea.length) {
            unitArea = java.util.Arrays.copyOf(unitArea, units * 2);
            unitClass = java.util.Arrays.copyOf(unitClass, units * 2);
        }
        unitArea[units] = areaId;
        unitClass[units] = placement.accountClass().ordinal();
        return units++;
    }

    /**
     * Meter ids splitting the placed meters into {@code streams} ranges of about equal size, from a sample sorted in
     * UTF-16 order. Any split points partition the meters correctly; the sample only balances the ranges.
     */
    public List<String> splitPoints(int streams) {
        List<String> sorted = new ArrayList<>(meterSample);
        java.util.Collections.sort(sorted);
        List<String> points = new ArrayList<>();
        for (int i = 1; i < streams && sorted.size() >= streams; i++) {
            points.add(sorted.get(sorted.size() * i / streams));
        }
        return points;
    }

    /** A new stream's accumulator. */
    public Stream newStream() {
        return new Stream();
    }

    /** The cells: per period, area and class, each unit with usage counted once with its period total. */
    public List<Cell> cells(List<Stream> streams, String areaPrefix, List<String> periodLabels) {
        AccountClass[] classes = AccountClass.values();
        CellTally[] tallies = new CellTally[periods * areas.size() * classes.length];
        for (int p = 0; p < periods; p++) {
            for (int u = 0; u < units; u++) {
                boolean seen = false;
                long total = 0;
                for (Stream stream : streams) {
                    seen |= stream.seen[p][u];
                    total += stream.totals[p][u];
                }
                if (seen) {
                    int index = (p * areas.size() + unitArea[u]) * classes.length + unitClass[u];
                    if (tallies[index] == null) {
                        tallies[index] = new CellTally();
                    }
                    tallies[index].addCustomer(Math.max(0, total));
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

    /** The areas met, as named by the service points. */
    public List<String> areas() {
        return List.copyOf(areas);
    }

    /** One stream's sums: day rows in meter order, each added to its unit's period total. */
    public final class Stream implements DayRowHandler {
        private final long[][] totals = new long[periods][units];
        private final boolean[][] seen = new boolean[periods][units];
        private String currentMeter = "";
        private MeterSpans current;
        private long rows;
        private long unattributed;

        @Override
        public void row(MeterId meter, Channel channel, LocalDate day, long[] values) {
            rows++;
            if (!meter.value().equals(currentMeter)) {
                currentMeter = meter.value();
                current = meters.get(currentMeter);
            }
            int unit =
                    current == null ? -1 : current.unitAt(day.toEpochSecond(java.time.LocalTime.MIN, ZoneOffset.UTC));
            if (unit < 0) {
                unattributed++;
                return;
            }
            long sum = 0;
            for (long value : values) {
                if (value != MISSING) {
                    sum += value;
                }
            }
            int period = periods == 1 ? 0 : (int) ChronoUnit.DAYS.between(firstDay, day);
            totals[period][unit] += sum;
            seen[period][unit] = true;
        }

        public long rows() {
            return rows;
        }

        public long unattributed() {
            return unattributed;
        }
    }

    /** A meter's placements: which unit from when to when (epoch seconds); nearly always one, kept in fields. */
    private static final class MeterSpans {
        private int unit0;
        private long from0;
        private long to0;
        private int count;
        private long[] more;

        void add(int u, long f, long t) {
            if (count == 0) {
                unit0 = u;
                from0 = f;
                to0 = t;
            } else {
                int at = (count - 1) * 3;
                more = more == null ? new long[3] : java.util.Arrays.copyOf(more, at + 3);
                more[at] = u;
                more[at + 1] = f;
                more[at + 2] = t;
            }
            count++;
        }

        int unitAt(long second) {
            if (count > 0 && second >= from0 && second < to0) {
                return unit0;
            }
            for (int i = 0; i + 1 < count; i++) {
                if (second >= more[i * 3 + 1] && second < more[i * 3 + 2]) {
                    return (int) more[i * 3];
                }
            }
            return -1;
        }
    }
}
