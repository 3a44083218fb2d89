package org.meterguard.server.web;

/** The request is well formed but clashes with what is stored (answered 409); the message says with what. */
public class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Conflict(String message) {
        super(message);
    }
}
