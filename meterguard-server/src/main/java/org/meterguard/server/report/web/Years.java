package org.meterguard.server.report.web;

import org.meterguard.server.web.BadRequest;

/** The years a report can be asked for: from 2000 to the current year. */
final class Years {
    private Years() {}

    static void check(int year, int current) {
        if (year < 2000 || year > current) {
            throw new BadRequest("year " + year + " cannot be reported: choose one from 2000 to " + current);
        }
    }
}
