/**
 * Rate plans and rate comparison: the plans on offer, read as YAML data at start (the examples shipped in
 * {@code rates/plans/} and any in {@code meterguard.rates.plans-directory}), and what each would have cost an
 * account over its own metered months, priced by the rate engine of {@code meterguard-core}.
 */
package org.meterguard.server.rates;
