package org.meterguard.server.grid;

import java.util.List;
import java.util.Map;
import org.meterguard.core.grid.ServiceVoltageRanges;
import org.meterguard.core.grid.VoltageExcursion;

/**
 * A meter's voltage over a period against ANSI C84.1: per phase channel, how many intervals fell in each band and
 * the excursions outside range A.
 */
public record VoltageReport(
        String meterId,
        ServiceVoltageRanges ranges,
        Map<String, Map<ServiceVoltageRanges.Band, Long>> intervalsByBand,
        Map<String, List<VoltageExcursion>> excursions) {}
