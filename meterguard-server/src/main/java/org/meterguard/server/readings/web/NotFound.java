package org.meterguard.server.readings.web;

/** The resource asked for does not exist. */
class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String message) {
        super(message);
    }
}
