package org.meterguard.server.access;

import java.util.Objects;
import org.meterguard.core.PurposeOfUse;

/**
 * A request to read covered information, as the caller declared it.
 *
 * @param action what is done, e.g. "read-interval-data"
 * @param resource what is read, e.g. "meter/MG-1/readings"
 * @param subject whose data it is (the meter, later the customer account)
 * @param purpose the declared purpose of use
 * @param basis the work order, request, authorization or demand id; empty when none
 * @param detail what else an auditor needs, e.g. the time range
 */
public record CoveredRead(
        String action, String resource, String subject, PurposeOfUse purpose, String basis, String detail) {
    public CoveredRead {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(purpose, "purpose");
        basis = basis == null ? "" : basis.strip();
        detail = detail == null ? "" : detail;
    }
}
