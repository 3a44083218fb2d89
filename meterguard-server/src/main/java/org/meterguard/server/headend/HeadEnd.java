package org.meterguard.server.headend;

/** The running head-end, as other modules see it. */
public interface HeadEnd {
    /** The TCP port the head-end accepts pushes on. */
    int port();
}
