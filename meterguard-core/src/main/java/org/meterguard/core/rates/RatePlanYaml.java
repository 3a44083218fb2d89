package org.meterguard.core.rates;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads rate plans and holiday calendars from YAML: the plans are data, versioned by effective date, and a new one
 * is a new file (see the README, "Rate plans"). Every fault is reported as {@link RatePlanInvalid} naming the file
 * and the entry ({@code tou.yaml versions[1].energy.timeOfUse.summer.on-peak is 'abc', not a decimal number}).
 *
 * <pre>
 * id: example-tou                      # plan: id, name, description, example, customerClass, zone, holidays
 * versions:
 *   - effective: 2026-01-01
 *     seasons:                         # optional; one all-year season of "all-hours" otherwise
 *       - {name: summer, from: 06-01, to: 09-30,
 *          weekdays: {on-peak: "16:00-21:00", otherwise: off-peak},   # weekends default to weekdays,
 *          weekends: {otherwise: off-peak}}                           # holidays to weekends
 *     energy: {timeOfUse: {summer: {on-peak: 0.48, off-peak: 0.30}}}  # or flat: 0.31, or tiered: ...
 *     export: {netting: per-period, creditPerKwh: retail}             # or netting: none, creditPerKwh: 0.05
 *     nonBypassablePerKwh: 0.025
 *     demand: [{name: maximum demand, perKw: 18.00, intervalMinutes: 15, season: summer, period: on-peak}]
 *     fixed: [{name: customer charge, perDay: 0.40}, {name: meter charge, perMonth: 12.00}]
 *     minimumPerDay: 0.35
 * </pre>
 */
public final class RatePlanYaml {
    /** The single period of a plan without time-of-use hours. */
    public static final TouPeriod ALL_HOURS = new TouPeriod("all-hours");

    /** Holiday dates are generated for these years, which covers any bill the store can hold. */
    static final int FIRST_YEAR = 1990;

    static final int LAST_YEAR = 2100;

    private RatePlanYaml() {}

    /** The holiday calendars shipped with Meterguard as data, by id: {@code us-federal} and {@code us-utility-tou}. */
    public static Map<String, HolidayCalendar> builtInHolidayCalendars() {
        Map<String, HolidayCalendar> calendars = new java.util.LinkedHashMap<>();
        for (String file : List.of("holidays/us-federal.yaml", "holidays/us-utility-tou.yaml")) {
            try (InputStream in = RatePlanYaml.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("built-in holiday calendar " + file + " is not on the class path");
                }
                HolidayCalendar calendar = holidayCalendar(in, file);
                calendars.put(calendar.id(), calendar);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read built-in holiday calendar " + file, e);
            }
        }
        return java.util.Collections.unmodifiableMap(calendars);
    }

    /** The holiday calendar in {@code in}; {@code source} names it in errors. */
    public static HolidayCalendar holidayCalendar(InputStream in, String source) {
        YamlNode root = YamlNode.parse(in, source);
        List<Holiday> holidays = new ArrayList<>();
        for (YamlNode entry : root.get("holidays").list()) {
            holidays.add(holiday(entry));
        }
        return guarded(
                root,
                () -> new HolidayCalendar(
                        root.get("id").text(), root.get("name").text(), holidays));
    }

    private static Holiday holiday(YamlNode entry) {
        String name = entry.get("name").text();
        if (entry.has("date")) {
            MonthDay date = entry.get("date").as("a month and day such as 07-04", t -> MonthDay.parse("--" + t));
            Holiday.Observance observed = entry.optional("observed")
                    .map(n -> n.as(
                            "none, nearest-weekday or sunday-to-monday",
                            t -> Holiday.Observance.valueOf(
                                    t.toUpperCase(Locale.ROOT).replace('-', '_'))))
                    .orElse(Holiday.Observance.NONE);
            return guarded(entry, () -> Holiday.fixed(name, date.getMonth(), date.getDayOfMonth(), observed));
        }
        Month month = entry.get("month").as("a month number 1 to 12", t -> Month.of(Integer.parseInt(t)));
        DayOfWeek weekday =
                entry.get("weekday").as("a day of week", t -> DayOfWeek.valueOf(t.toUpperCase(Locale.ROOT)));
        int nth = entry.get("nth").as("1 to 5 or last", t -> "last".equals(t) ? -1 : Integer.parseInt(t));
        return guarded(entry, () -> Holiday.nthWeekday(name, month, weekday, nth));
    }

    /**
     * The plan in {@code in}; {@code source} names it in errors, and {@code calendars} are the holiday calendars
     * its {@code holidays} entry may name (by id).
     */
    public static RatePlan plan(InputStream in, String source, Map<String, HolidayCalendar> calendars) {
        YamlNode root = YamlNode.parse(in, source);
        HolidayCalendar holidays = root.optional("holidays")
                .map(node -> {
                    HolidayCalendar calendar = calendars.get(node.text());
                    if (calendar == null) {
                        throw node.invalid(
                                "names holiday calendar '" + node.text() + "'; known: " + calendars.keySet());
                    }
                    return calendar;
                })
                .orElse(HolidayCalendar.none());
        List<PlanVersion> versions = new ArrayList<>();
        for (YamlNode version : root.get("versions").list()) {
            versions.add(version(version, holidays));
        }
        return guarded(
                root,
                () -> new RatePlan(
                        root.get("id").text(),
                        root.get("name").text(),
                        root.optional("description").map(YamlNode::text).orElse(""),
                        root.optional("example").map(YamlNode::bool).orElse(false),
                        root.get("customerClass")
                                .as(
                                        "residential or commercial",
                                        t -> CustomerClass.valueOf(t.toUpperCase(Locale.ROOT))),
                        root.get("zone").as("a time zone id such as America/Los_Angeles", ZoneId::of),
                        versions));
    }

    private static PlanVersion version(YamlNode node, HolidayCalendar holidays) {
        LocalDate effective = node.get("effective").as("a date such as 2026-01-01", LocalDate::parse);
        TouSchedule schedule = schedule(node, holidays);
        EnergyPricing energy = energy(node.get("energy"), schedule);
        List<DemandCharge> demand = new ArrayList<>();
        for (YamlNode charge : node.optional("demand").map(YamlNode::list).orElse(List.of())) {
            demand.add(guarded(
                    charge,
                    () -> new DemandCharge(
                            charge.get("name").text(),
                            charge.get("perKw").decimal(),
                            charge.optional("intervalMinutes")
                                    .map(n -> n.as("15 or 60", Integer::parseInt))
                                    .orElse(15),
                            charge.optional("season").map(YamlNode::text),
                            charge.optional("period").map(n -> n.as("a period name", TouPeriod::new)))));
        }
        List<FixedCharge> fixed = new ArrayList<>();
        for (YamlNode charge : node.optional("fixed").map(YamlNode::list).orElse(List.of())) {
            fixed.add(fixedCharge(charge));
        }
        return guarded(
                node,
                () -> new PlanVersion(
                        effective,
                        schedule,
                        energy,
                        demand,
                        fixed,
                        node.optional("export").map(RatePlanYaml::netMetering),
                        node.optional("nonBypassablePerKwh")
                                .map(YamlNode::decimal)
                                .orElse(BigDecimal.ZERO),
                        node.optional("minimumPerDay").map(YamlNode::decimal).orElse(BigDecimal.ZERO)));
    }

    private static TouSchedule schedule(YamlNode version, HolidayCalendar holidays) {
        TouSchedule.Builder builder = TouSchedule.builder();
        builder.holidays(holidays.dates(FIRST_YEAR, LAST_YEAR).keySet());
        Optional<YamlNode> seasons = version.optional("seasons");
        if (seasons.isEmpty()) {
            DaySchedule allDay = DaySchedule.allDay(ALL_HOURS);
            return builder.season(Season.ALL_YEAR, allDay, allDay).build();
        }
        for (YamlNode season : seasons.get().list()) {
            Season named = guarded(
                    season,
                    () -> new Season(
                            season.get("name").text(),
                            season.get("from").as("a month and day such as 06-01", t -> MonthDay.parse("--" + t)),
                            season.get("to").as("a month and day such as 09-30", t -> MonthDay.parse("--" + t))));
            DaySchedule weekdays =
                    season.optional("weekdays").map(RatePlanYaml::day).orElse(DaySchedule.allDay(ALL_HOURS));
            DaySchedule weekends =
                    season.optional("weekends").map(RatePlanYaml::day).orElse(weekdays);
            DaySchedule holidayHours =
                    season.optional("holidays").map(RatePlanYaml::day).orElse(weekends);
            guarded(season, () -> builder.season(named, weekdays, weekends, holidayHours));
        }
        return guarded(seasons.get(), builder::build);
    }

    /** A day schedule: period name to a window "16:00-21:00" or a list of them, and "otherwise" to a period. */
    private static DaySchedule day(YamlNode node) {
        DaySchedule.Builder day = DaySchedule.builder();
        for (Map.Entry<String, YamlNode> entry : node.entries().entrySet()) {
            YamlNode value = entry.getValue();
            if ("otherwise".equals(entry.getKey())) {
                day.otherwise(value.as("a period name", TouPeriod::new));
                continue;
            }
            TouPeriod period = guarded(value, () -> new TouPeriod(entry.getKey()));
            for (YamlNode window : value.isList() ? value.list() : List.of(value)) {
                String[] span = window.as("a window such as 16:00-21:00", t -> t.split("-", 2));
                if (span.length != 2) {
                    throw window.invalid("is '" + window.text() + "', not a window such as 16:00-21:00");
                }
                guarded(window, () -> day.window(period, span[0].strip(), span[1].strip()));
            }
        }
        return guarded(node, day::build);
    }

    private static EnergyPricing energy(YamlNode node, TouSchedule schedule) {
        EnergyPricing energy;
        if (node.has("flat")) {
            energy = new EnergyPricing.Flat(node.get("flat").decimal());
        } else if (node.has("tiered")) {
            energy = tiered(node.get("tiered"), schedule);
        } else if (node.has("timeOfUse")) {
            energy = timeOfUse(node.get("timeOfUse"), schedule);
        } else {
            throw node.invalid("names none of flat, tiered, timeOfUse");
        }
        EnergyPricing checked = energy;
        guarded(node, () -> {
            checked.check(schedule);
            return checked;
        });
        return energy;
    }

    private static EnergyPricing tiered(YamlNode node, TouSchedule schedule) {
        YamlNode baseline = node.get("baselineKwhPerDay");
        Map<String, BigDecimal> perSeason = new HashMap<>();
        for (Season season : schedule.seasons()) {
            perSeason.put(
                    season.name(),
                    baseline.isMap() ? baseline.get(season.name()).decimal() : baseline.decimal());
        }
        List<EnergyPricing.Tier> tiers = new ArrayList<>();
        for (YamlNode tier : node.get("tiers").list()) {
            tiers.add(new EnergyPricing.Tier(
                    tier.optional("upToBaselinePercent").map(YamlNode::decimal),
                    tier.get("price").decimal()));
        }
        return guarded(node, () -> new EnergyPricing.Tiered(perSeason, tiers));
    }

    private static EnergyPricing timeOfUse(YamlNode node, TouSchedule schedule) {
        Map<SeasonPeriod, BigDecimal> prices = new HashMap<>();
        for (Season season : schedule.seasons()) {
            YamlNode bySeason = node.get(season.name());
            for (Map.Entry<String, YamlNode> price : bySeason.entries().entrySet()) {
                TouPeriod period = guarded(price.getValue(), () -> new TouPeriod(price.getKey()));
                prices.put(new SeasonPeriod(season, period), price.getValue().decimal());
            }
        }
        return new EnergyPricing.TimeOfUse(prices);
    }

    private static NetMetering netMetering(YamlNode node) {
        NetMetering.Netting netting = node.get("netting")
                .as(
                        "per-period or none",
                        t -> NetMetering.Netting.valueOf(
                                t.toUpperCase(Locale.ROOT).replace('-', '_')));
        Optional<BigDecimal> credit = node.optional("creditPerKwh")
                .filter(n -> !"retail".equals(n.text()))
                .map(YamlNode::decimal);
        return guarded(node, () -> new NetMetering(netting, credit));
    }

    private static FixedCharge fixedCharge(YamlNode node) {
        String name = node.get("name").text();
        if (node.has("perDay") == node.has("perMonth")) {
            throw node.invalid("needs exactly one of perDay and perMonth");
        }
        return node.has("perDay")
                ? new FixedCharge(name, node.get("perDay").decimal(), FixedCharge.Per.DAY)
                : new FixedCharge(name, node.get("perMonth").decimal(), FixedCharge.Per.MONTH);
    }

    /** Runs {@code build}, reporting a domain type's refusal as a fault of {@code node}. */
    private static <T> T guarded(YamlNode node, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (RatePlanInvalid e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new RatePlanInvalid(node.path() + ": " + e.getMessage(), e);
        }
    }
}
