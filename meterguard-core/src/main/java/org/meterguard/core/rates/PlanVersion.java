package org.meterguard.core.rates;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.meterguard.core.IntervalGrid;

/**
 * The terms of a rate plan from one effective date until the next version's: when each time-of-use period
 * applies, how energy, demand and export are priced, the fixed charges and the minimum bill. Checked when built
 * (every season-period has a price, every demand charge's season and period exist). Immutable and thread-safe;
 * it keeps one {@link TouCalendar} per interval grid, so every meter billed shares the worked-out slots.
 */
public final class PlanVersion {
    /** The grid hourly demand is measured on. */
    static final IntervalGrid HOURLY = new IntervalGrid(Duration.ofHours(1));

    private final LocalDate effectiveFrom;
    private final TouSchedule schedule;
    private final EnergyPricing energy;
    private final List<DemandCharge> demandCharges;
    private final List<FixedCharge> fixedCharges;
    private final Optional<NetMetering> netMetering;
    private final BigDecimal nonBypassablePerKwh;
    private final BigDecimal minimumPerDay;
    private final ConcurrentHashMap<String, TouCalendar> calendars = new ConcurrentHashMap<>();

    /**
     * The terms in effect from {@code effectiveFrom}.
     *
     * @param nonBypassablePerKwh dollars per kWh of gross import, never offset by export; zero for none
     * @param minimumPerDay the least a bill may come to, in dollars per day billed; zero for none
     */
    public PlanVersion(
            LocalDate effectiveFrom,
            TouSchedule schedule,
            EnergyPricing energy,
            List<DemandCharge> demandCharges,
            List<FixedCharge> fixedCharges,
            Optional<NetMetering> netMetering,
            BigDecimal nonBypassablePerKwh,
            BigDecimal minimumPerDay) {
        this.effectiveFrom = Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.energy = Objects.requireNonNull(energy, "energy");
        this.demandCharges = List.copyOf(demandCharges);
        this.fixedCharges = List.copyOf(fixedCharges);
        this.netMetering = Objects.requireNonNull(netMetering, "netMetering");
        this.nonBypassablePerKwh = Objects.requireNonNull(nonBypassablePerKwh, "nonBypassablePerKwh");
        this.minimumPerDay = Objects.requireNonNull(minimumPerDay, "minimumPerDay");
        energy.check(schedule);
        demandCharges.forEach(charge -> charge.check(schedule));
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public TouSchedule schedule() {
        return schedule;
    }

    public EnergyPricing energy() {
        return energy;
    }

    public List<DemandCharge> demandCharges() {
        return demandCharges;
    }

    public List<FixedCharge> fixedCharges() {
        return fixedCharges;
    }

    /** The export terms; empty where the plan does not credit export. */
    public Optional<NetMetering> netMetering() {
        return netMetering;
    }

    public BigDecimal nonBypassablePerKwh() {
        return nonBypassablePerKwh;
    }

    public BigDecimal minimumPerDay() {
        return minimumPerDay;
    }

    /** The schedule laid over {@code zone} for data on {@code grid}, built once and shared. */
    public TouCalendar calendar(ZoneId zone, IntervalGrid grid) {
        return calendars.computeIfAbsent(
                zone.getId() + " " + grid.interval(), key -> new TouCalendar(schedule, zone, grid));
    }

    @Override
    public String toString() {
        return "version effective " + effectiveFrom;
    }
}
