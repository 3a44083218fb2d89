/**
 * Tamper, theft and health alerts for operators: raised by the head-end (meter tamper events, collector alarms, a
 * meter heard through an unexpected collector or silent past its schedule, zero consumption under voltage),
 * stored once per kind and subject while open, with a severity and a count of repeats, and read through the API.
 */
package org.meterguard.server.alerts;
