package org.meterguard.server.grid;

import java.util.List;
import org.meterguard.core.grid.ReliabilityIndices;

/**
 * The outages on a feeder or in a zone over a period and the reliability indices they make.
 *
 * @param area "feeder:NAME" or "zone:NAME"
 * @param unmatchedRestorations power ups whose power down was never received
 */
public record AreaReliability(
        String area, ReliabilityIndices indices, List<MeterOutage> outages, int unmatchedRestorations) {}
