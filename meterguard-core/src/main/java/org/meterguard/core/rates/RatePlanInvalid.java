package org.meterguard.core.rates;

/** A rate plan or holiday calendar file that cannot be read; the message names the file, the entry and the fault. */
public class RatePlanInvalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RatePlanInvalid(String message) {
        super(message);
    }

    public RatePlanInvalid(String message, Throwable cause) {
        super(message, cause);
    }
}
