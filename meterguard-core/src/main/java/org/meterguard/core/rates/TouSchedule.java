package org.meterguard.core.rates;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When each time-of-use period applies, by local date and wall-clock time: seasons that together cover every day
 * of the year once, day types (weekday, weekend, and holiday from the plan's list of dates) and for each season
 * and day type a {@link DaySchedule}. Every local minute of every date therefore falls in exactly one
 * {@link SeasonPeriod}. Immutable and checked when built. The schedule is wall-clock only; {@link TouCalendar}
 * lays it over instants in a time zone.
 */
public final class TouSchedule {
    /** Season-periods are numbered in a byte on the hot path, and -1 marks "outside the billing period". */
    static final int MAX_SEASON_PERIODS = 127;

    private static final int DAY_TYPES = DayType.values().length;

    private final List<Season> seasons;
    private final Map<Season, Map<DayType, DaySchedule>> days;
    private final Set<LocalDate> holidays;
    private final Set<DayOfWeek> weekendDays;
    private final List<SeasonPeriod> seasonPeriods;
    private final byte[] seasonByMonthDay;
    private final byte[][] seasonPeriodByMinute;

    private TouSchedule(Builder builder) {
        this.seasons = List.copyOf(builder.days.keySet());
        this.days = copyOf(builder.days);
        this.holidays = Set.copyOf(builder.holidays);
        this.weekendDays = Set.copyOf(builder.weekendDays);
        this.seasonByMonthDay = seasonsByMonthDay(seasons);
        List<SeasonPeriod> numbered = new ArrayList<>();
        this.seasonPeriodByMinute = new byte[seasons.size() * DAY_TYPES][];
        for (int s = 0; s < seasons.size(); s++) {
            for (DayType type : DayType.values()) {
                seasonPeriodByMinute[s * DAY_TYPES + type.ordinal()] =
                        number(seasons.get(s), days.get(seasons.get(s)).get(type), numbered);
            }
        }
        this.seasonPeriods = List.copyOf(numbered);
    }

    /** A builder; add each season with its day schedules, the holidays, then build. */
    public static Builder builder() {
        return new Builder();
    }

    /** The seasons, in the order they were added. */
    public List<Season> seasons() {
        return seasons;
    }

    /** The plan's holidays: dates on which the holiday schedule applies. */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    /** The days of week that are weekend days. */
    public Set<DayOfWeek> weekendDays() {
        return weekendDays;
    }

    /**
     * Every season-period a date of this schedule can fall in: by season, then in order of first appearance in
     * the weekday, weekend and holiday schedules.
     */
    public List<SeasonPeriod> seasonPeriods() {
        return seasonPeriods;
    }

    /** The day schedule of {@code season} on days of {@code type}. */
    public DaySchedule daySchedule(Season season, DayType type) {
        Map<DayType, DaySchedule> byType = days.get(season);
        if (byType == null) {
            throw new IllegalArgumentException("season " + season + " is not one of " + seasons);
        }
        return byType.get(type);
    }

    /** The season of local date {@code date}. */
    public Season season(LocalDate date) {
        return seasons.get(seasonIndex(date));
    }

    /** The day type of local date {@code date}: a holiday first, then a weekend day, else a weekday. */
    public DayType dayType(LocalDate date) {
        if (holidays.contains(date)) {
            return DayType.HOLIDAY;
        }
        return weekendDays.contains(date.getDayOfWeek()) ? DayType.WEEKEND : DayType.WEEKDAY;
    }

    /** The season-period at local date and wall-clock time {@code time}. */
    public SeasonPeriod seasonPeriodAt(LocalDateTime time) {
        return seasonPeriods.get(seasonPeriodIndex(time.toLocalDate(), time.getHour() * 60 + time.getMinute()));
    }

    /** The period at local date and wall-clock time {@code time}. */
    public TouPeriod periodAt(LocalDateTime time) {
        return seasonPeriodAt(time).period();
    }

    /** The index into {@link #seasonPeriods()} of a local date and minute of its day. */
    int seasonPeriodIndex(LocalDate date, int minuteOfDay) {
        int table = seasonIndex(date) * DAY_TYPES + dayType(date).ordinal();
        return seasonPeriodByMinute[table][minuteOfDay];
    }

    private int seasonIndex(LocalDate date) {
        return seasonByMonthDay[(date.getMonthValue() - 1) * 31 + date.getDayOfMonth() - 1];
    }

    private static byte[] number(Season season, DaySchedule schedule, List<SeasonPeriod> numbered) {
        byte[] byMinute = new byte[DaySchedule.MINUTES_PER_DAY];
        for (int minute = 0; minute < byMinute.length; minute++) {
            SeasonPeriod key = new SeasonPeriod(season, schedule.periodAtMinute(minute));
            int index = numbered.indexOf(key);
            if (index < 0) {
                numbered.add(key);
                index = numbered.size() - 1;
            }
            byMinute[minute] = (byte) index;
        }
        return byMinute;
    }

    private static byte[] seasonsByMonthDay(List<Season> seasons) {
        byte[] table = new byte[12 * 31];
        for (LocalDate day = LocalDate.of(2000, 1, 1); day.getYear() == 2000; day = day.plusDays(1)) {
            for (int s = 0; s < seasons.size(); s++) {
                if (seasons.get(s).contains(MonthDay.from(day))) {
                    table[(day.getMonthValue() - 1) * 31 + day.getDayOfMonth() - 1] = (byte) s;
                }
            }
        }
        return table;
    }

    private static Map<Season, Map<DayType, DaySchedule>> copyOf(Map<Season, Map<DayType, DaySchedule>> days) {
        Map<Season, Map<DayType, DaySchedule>> copy = new LinkedHashMap<>();
        days.forEach((season, byType) -> copy.put(season, Map.copyOf(byType)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TouSchedule that
                && seasons.equals(that.seasons)
                && days.equals(that.days)
                && holidays.equals(that.holidays)
                && weekendDays.equals(that.weekendDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seasons, days, holidays, weekendDays);
    }

    @Override
    public String toString() {
        return "TouSchedule" + days + " weekends " + weekendDays + ", " + holidays.size() + " holidays";
    }

    /** Collects seasons and holidays; not thread-safe. */
    public static final class Builder {
        private final Map<Season, Map<DayType, DaySchedule>> days = new LinkedHashMap<>();
        private final Set<LocalDate> holidays = new HashSet<>();
        private Set<DayOfWeek> weekendDays = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

        private Builder() {}

        /** Adds {@code season} with one schedule for weekdays and one for weekends and holidays alike. */
        public Builder season(Season season, DaySchedule weekdays, DaySchedule weekendsAndHolidays) {
            return season(season, weekdays, weekendsAndHolidays, weekendsAndHolidays);
        }

        /** Adds {@code season} with a schedule for each day type. */
        public Builder season(Season season, DaySchedule weekdays, DaySchedule weekends, DaySchedule holidays) {
            Objects.requireNonNull(season, "season");
            for (Season known : days.keySet()) {
                if (known.name().equals(season.name())) {
                    throw new IllegalArgumentException("season " + season.name() + " is added twice");
                }
            }
            Map<DayType, DaySchedule> byType = new EnumMap<>(DayType.class);
            byType.put(DayType.WEEKDAY, Objects.requireNonNull(weekdays, "weekdays"));
            byType.put(DayType.WEEKEND, Objects.requireNonNull(weekends, "weekends"));
            byType.put(DayType.HOLIDAY, Objects.requireNonNull(holidays, "holidays"));
            days.put(season, byType);
            return this;
        }

        /** Adds dates on which the holiday schedule applies (the observed dates, as the tariff lists them). */
        public Builder holidays(Collection<LocalDate> dates) {
            dates.forEach(date -> holidays.add(Objects.requireNonNull(date, "holiday")));
            return this;
        }

        /** Replaces the weekend days (Saturday and Sunday by default). */
        public Builder weekendDays(Set<DayOfWeek> weekend) {
            this.weekendDays = EnumSet.noneOf(DayOfWeek.class);
            weekendDays.addAll(weekend);
            return this;
        }

        /**
         * The schedule, or an error naming two seasons that share a date, the first span no season covers, or a
         * schedule with more season-periods than {@value #MAX_SEASON_PERIODS}.
         */
        public TouSchedule build() {
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a schedule needs at least one season (Season.ALL_YEAR)");
            }
            checkSeasonsCoverTheYearOnce(List.copyOf(days.keySet()));
            TouSchedule schedule = new TouSchedule(this);
            if (schedule.seasonPeriods.size() > MAX_SEASON_PERIODS) {
                throw new IllegalArgumentException("schedule has " + schedule.seasonPeriods.size()
                        + " season-periods; at most " + MAX_SEASON_PERIODS + " are supported");
            }
            return schedule;
        }

        private static void checkSeasonsCoverTheYearOnce(List<Season> seasons) {
            for (LocalDate day = LocalDate.of(2000, 1, 1); day.getYear() == 2000; day = day.plusDays(1)) {
                MonthDay monthDay = MonthDay.from(day);
                Season owner = null;
                for (Season season : seasons) {
                    if (!season.contains(monthDay)) {
                        continue;
                    }
                    if (owner != null) {
                        throw new IllegalArgumentException(
                                "season " + season + " overlaps " + owner + " on " + Season.format(monthDay));
                    }
                    owner = season;
                }
                if (owner == null) {
                    throw new IllegalArgumentException(uncovered(seasons, day));
                }
            }
        }

        private static String uncovered(List<Season> seasons, LocalDate first) {
            LocalDate last = first;
            while (last.plusDays(1).getYear() == 2000 && !covered(seasons, MonthDay.from(last.plusDays(1)))) {
                last = last.plusDays(1);
            }
            return "no season covers " + Season.format(MonthDay.from(first)) + " to "
                    + Season.format(MonthDay.from(last));
        }

        private static boolean covered(List<Season> seasons, MonthDay day) {
            return seasons.stream().anyMatch(season -> season.contains(day));
        }
    }
}
