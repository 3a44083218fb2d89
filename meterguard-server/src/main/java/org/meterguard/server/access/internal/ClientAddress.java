package org.meterguard.server.access.internal;

import jakarta.servlet.http.HttpServletRequest;

/** The client address recorded in the audit log: the peer address as the container sees it. */
public final class ClientAddress {
    private ClientAddress() {}

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "" : address;
    }
}
