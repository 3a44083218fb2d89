/**
 * Troubleshooting views for operators and field staff: a meter's outages with durations, outages and IEEE 1366
 * reliability indices per feeder or zone, voltage excursions against ANSI C84.1, and a meter's diagnostic flags.
 */
package org.meterguard.server.grid;
