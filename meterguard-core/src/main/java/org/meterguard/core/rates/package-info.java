/**
 * Rate plans and bills. Time-of-use schedules (seasons, weekdays, weekends and holidays from a
 * {@link org.meterguard.core.rates.HolidayCalendar}) and the billing determinants a plan prices: energy per season
 * and period, import, export, net and peak demand of one meter over one billing period, computed from the store's
 * day rows. On them, the rate engine: {@link org.meterguard.core.rates.RatePlan}s defined as YAML data
 * ({@link org.meterguard.core.rates.RatePlanYaml}), versioned by effective date, priced by
 * {@link org.meterguard.core.rates.BillCalculator} into {@link org.meterguard.core.rates.Bill}s of readable line
 * items in exact decimal money, and compared over months by {@link org.meterguard.core.rates.PlanComparison}.
 */
package org.meterguard.core.rates;
