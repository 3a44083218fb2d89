package org.meterguard.greenbutton;

import java.util.List;
import org.meterguard.core.ReadingQuality;
import org.meterguard.core.TimeRange;

/**
 * Running totals of one channel over a usage point's summary periods: the sum of the values of intervals lying wholly
 * within each period, the seconds they cover and the least trusted quality among them. A period is complete when its
 * intervals cover all of it; only complete periods are summarised, since a sum with gaps would understate the usage.
 */
final class PeriodTotals {
    private final List<TimeRange> periods;
    private final long[] from;
    private final long[] to;
    private final long[] sums;
    private final long[] covered;
    private final ReadingQuality[] worst;
    private int cursor;

    PeriodTotals(List<TimeRange> periods) {
        this.periods = periods;
        int n = periods.size();
        from = new long[n];
        to = new long[n];
        sums = new long[n];
        covered = new long[n];
        worst = new ReadingQuality[n];
        for (int i = 0; i < n; i++) {
            from[i] = periods.get(i).from().getEpochSecond();
            to[i] = periods.get(i).to().getEpochSecond();
        }
    }

    void add(long start, int duration, long value, ReadingQuality quality) {
        if (periods.isEmpty()) {
            return;
        }
        if (cursor >= from.length || start < from[cursor]) {
            cursor = 0;
        }
        while (cursor < from.length && start >= to[cursor]) {
            cursor++;
        }
        if (cursor < from.length && start >= from[cursor] && start + duration <= to[cursor]) {
            sums[cursor] += value;
            covered[cursor] += duration;
            worst[cursor] = EspiQuality.leastTrusted(worst[cursor], quality);
        }
    }

    int size() {
        return periods.size();
    }

    TimeRange period(int i) {
        return periods.get(i);
    }

    boolean complete(int i) {
        return covered[i] == to[i] - from[i];
    }

    long sum(int i) {
        return sums[i];
    }

    ReadingQuality quality(int i) {
        return worst[i];
    }
}
