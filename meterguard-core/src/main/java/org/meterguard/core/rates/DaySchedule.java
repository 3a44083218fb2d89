package org.meterguard.core.rates;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The periods of one kind of day by local wall-clock time, such as "on-peak 16:00–21:00, off-peak otherwise".
 * Every minute of the day belongs to exactly one period; {@link Builder#build()} refuses gaps and overlaps and
 * names the windows at fault. Times are whole minutes; a window whose end is not after its start runs over
 * midnight (21:00–06:00), and 00:00–00:00 is the whole day.
 */
public final class DaySchedule {
    static final int MINUTES_PER_DAY = 1_440;

    private final TouPeriod[] byMinute;
    private final List<Window> windows;

    private DaySchedule(TouPeriod[] byMinute) {
        this.byMinute = byMinute;
        this.windows = List.copyOf(chronological(byMinute));
    }

    /** A schedule with one period all day, for flat hours or a day type without time-of-use. */
    public static DaySchedule allDay(TouPeriod period) {
        return builder().otherwise(period).build();
    }

    /** A builder; add windows, optionally a period for the remaining minutes, then build. */
    public static Builder builder() {
        return new Builder();
    }

    /** The period at local wall-clock time {@code time}. */
    public TouPeriod periodAt(LocalTime time) {
        return byMinute[time.getHour() * 60 + time.getMinute()];
    }

    TouPeriod periodAtMinute(int minuteOfDay) {
        return byMinute[minuteOfDay];
    }

    /**
     * The day as consecutive windows in time order, from 00:00 to the end of the day (the last window's
     * {@code to} is 00:00), adjacent minutes of the same period joined.
     */
    public List<Window> windows() {
        return windows;
    }

    /** The distinct periods of the day, in time order of their first minute. */
    public List<TouPeriod> periods() {
        return windows.stream().map(Window::period).distinct().toList();
    }

    private static List<Window> chronological(TouPeriod[] byMinute) {
        List<Window> result = new ArrayList<>();
        int start = 0;
        for (int minute = 1; minute <= MINUTES_PER_DAY; minute++) {
            if (minute == MINUTES_PER_DAY || !byMinute[minute].equals(byMinute[start])) {
                result.add(new Window(byMinute[start], timeOf(start), timeOf(minute)));
                start = minute;
            }
        }
        return result;
    }

    static LocalTime timeOf(int minuteOfDay) {
        return LocalTime.of((minuteOfDay / 60) % 24, minuteOfDay % 60);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DaySchedule that && Arrays.equals(byMinute, that.byMinute);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byMinute);
    }

    @Override
    public String toString() {
        return windows.toString();
    }

    /**
     * A period from local time {@code from} until {@code to}, excluded. A {@code to} that is not after
     * {@code from} lies on the next day: 16:00–00:00 runs to midnight, 21:00–06:00 over it.
     *
     * @param period the period of these minutes
     * @param from the first minute, a whole minute
     * @param to the first minute after the window, a whole minute
     */
    public record Window(TouPeriod period, LocalTime from, LocalTime to) {
        public Window {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.getSecond() != 0 || from.getNano() != 0 || to.getSecond() != 0 || to.getNano() != 0) {
                throw new IllegalArgumentException(
                        "window " + period + " " + from + "–" + to + " does not start and end on whole minutes");
            }
            if (from.equals(to) && !from.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException(
                        "window " + period + " " + span(from, to) + " is empty; 00:00–00:00 is the whole day");
            }
        }

        int firstMinute() {
            return from.getHour() * 60 + from.getMinute();
        }

        /** Minutes covered; a window over midnight continues from 00:00. */
        int length() {
            int end = to.getHour() * 60 + to.getMinute();
            int length = Math.floorMod(end - firstMinute(), MINUTES_PER_DAY);
            return length == 0 ? MINUTES_PER_DAY : length;
        }

        @Override
        public String toString() {
            return period + " " + span(from, to);
        }

        private static String span(LocalTime from, LocalTime to) {
            return from + "–" + (to.equals(LocalTime.MIDNIGHT) ? "24:00" : to.toString());
        }
    }

    /** Collects windows; not thread-safe. */
    public static final class Builder {
        private final List<Window> windows = new ArrayList<>();
        private TouPeriod otherwise;

        private Builder() {}

        /** Adds {@code period} from {@code from} until {@code to} (see {@link Window}). */
        public Builder window(TouPeriod period, LocalTime from, LocalTime to) {
            windows.add(new Window(period, from, to));
            return this;
        }

        /** Adds {@code period} between two ISO local times such as "16:00" and "21:00"; "24:00" is midnight. */
        public Builder window(TouPeriod period, String from, String to) {
            return window(period, LocalTime.parse(from), "24:00".equals(to) ? LocalTime.MIDNIGHT : LocalTime.parse(to));
        }

        /** Gives every minute no window covers to {@code period}. */
        public Builder otherwise(TouPeriod period) {
            this.otherwise = Objects.requireNonNull(period, "period");
            return this;
        }

        /** The schedule, or an error naming overlapping windows or the first uncovered span. */
        public DaySchedule build() {
            Window[] owner = new Window[MINUTES_PER_DAY];
            for (Window window : windows) {
                int start = window.firstMinute();
                for (int i = 0; i < window.length(); i++) {
                    int minute = (start + i) % MINUTES_PER_DAY;
                    if (owner[minute] != null) {
                        throw new IllegalArgumentException(
                                "window " + window + " overlaps " + owner[minute] + " at " + timeOf(minute));
                    }
                    owner[minute] = window;
                }
            }
            TouPeriod[] byMinute = new TouPeriod[MINUTES_PER_DAY];
            for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
                if (owner[minute] != null) {
                    byMinute[minute] = owner[minute].period();
                } else if (otherwise != null) {
                    byMinute[minute] = otherwise;
                } else {
                    throw new IllegalArgumentException(uncovered(owner, minute));
                }
            }
            return new DaySchedule(byMinute);
        }

        private static String uncovered(Window[] owner, int first) {
            int end = first;
            while (end < MINUTES_PER_DAY && owner[end] == null) {
                end++;
            }
            return "no period covers " + Window.span(timeOf(first), timeOf(end))
                    + "; add a window or an otherwise period";
        }
    }
}
