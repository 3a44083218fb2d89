package org.meterguard.core.grid;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * IEEE 1366 distribution reliability indices for a group of customers over a period, each metered customer
 * counted once per interruption that reached their meter:
 *
 * <ul>
 *   <li>SAIFI = sustained customer interruptions / customers served;
 *   <li>SAIDI = minutes of sustained customer interruption / customers served;
 *   <li>CAIDI = SAIDI / SAIFI, the average restoration time;
 *   <li>MAIFI = momentary customer interruptions / customers served.
 * </ul>
 *
 * An interruption is sustained when it lasts longer than the momentary limit (five minutes in IEEE 1366), else
 * momentary. Only the part of an outage inside the period counts towards SAIDI; an outage still open counts up
 * to the period's end.
 */
public record ReliabilityIndices(
        long customersServed,
        long sustainedInterruptions,
        long momentaryInterruptions,
        double customerMinutesInterrupted,
        double saifi,
        double saidi,
        double caidi,
        double maifi) {
    /** IEEE 1366's limit between a momentary and a sustained interruption. */
    public static final Duration MOMENTARY_LIMIT = Duration.ofMinutes(5);

    /**
     * The indices of {@code outages} (every customer's outages, one entry per customer outage) that began within
     * {@code [from, to)}, for {@code customersServed} customers.
     */
    public static ReliabilityIndices of(Collection<Outage> outages, long customersServed, Instant from, Instant to) {
        if (customersServed <= 0) {
            throw new IllegalArgumentException("reliability indices need at least one customer served");
        }
        long sustained = 0;
        long momentary = 0;
        long interruptedSeconds = 0;
        for (Outage outage : outages) {
            if (outage.start().isBefore(from) || !outage.start().isBefore(to)) {
                continue;
            }
            Duration length = outage.duration(to);
            if (length.compareTo(MOMENTARY_LIMIT) > 0) {
                sustained++;
                interruptedSeconds += length.getSeconds();
            } else {
                momentary++;
            }
        }
        double minutes = interruptedSeconds / 60.0;
        double saifi = (double) sustained / customersServed;
        double saidi = minutes / customersServed;
        return new ReliabilityIndices(
                customersServed,
                sustained,
                momentary,
                minutes,
                saifi,
                saidi,
                sustained == 0 ? 0 : saidi / saifi,
                (double) momentary / customersServed);
    }
}
