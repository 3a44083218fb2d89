/**
 * Aggregated usage released without revealing any customer: cells of area × customer class × period, each released
 * only when it passes the {@link org.meterguard.core.aggregates.AnonymityPolicy} (by default the CPUC's
 * D.14-05-016: 100 residential customers; 15 non-residential customers with none above 15% of the cell's usage).
 * A failing cell is merged with its neighbouring area or suppressed with the reason, and a total released beside
 * the cells never lets a suppressed cell be recovered by subtraction. Pure rules: no Spring, no SQL.
 */
package org.meterguard.core.aggregates;
