package org.meterguard.server.access.internal;

/** Names of the registered-client settings that make a client a Meterguard service account. */
public final class ServiceAccountSettings {
    /** The staff role a service account acts in (a setting of its registered client). */
    public static final String ROLE = "settings.client.meterguard-role";

    private ServiceAccountSettings() {}
}
