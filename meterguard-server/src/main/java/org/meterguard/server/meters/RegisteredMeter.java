package org.meterguard.server.meters;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.meterguard.core.MeterId;
import org.meterguard.dlms.SystemTitle;

/**
 * A meter as the head-end needs it to accept a frame: identity, model, the collector it is normally heard
 * through, and the key versions whose frames are accepted (the active one first, then a pending one).
 *
 * @param meterId the utility's meter id
 * @param systemTitle its DLMS system title
 * @param model selects the layout of its pushes
 * @param homeCollector the collector it is normally heard through, or {@code null} until first heard
 * @param acceptedKeys the ACTIVE key first (if any), then the PENDING one (if any); never a RETIRED one
 */
public record RegisteredMeter(
        MeterId meterId, SystemTitle systemTitle, String model, String homeCollector, List<MeterKey> acceptedKeys) {
    public RegisteredMeter {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(systemTitle, "systemTitle");
        Objects.requireNonNull(model, "model");
        acceptedKeys = List.copyOf(acceptedKeys);
        if (acceptedKeys.stream().anyMatch(k -> k.status() == MeterKey.Status.RETIRED)) {
            throw new IllegalArgumentException("meter " + meterId + ": a retired key is never accepted");
        }
    }

    /** The key version the meter uses now, if it has one. */
    public Optional<MeterKey> activeKey() {
        return acceptedKeys.stream()
                .filter(k -> k.status() == MeterKey.Status.ACTIVE)
                .findFirst();
    }

    /** This meter as known after {@code collector} became its home collector. */
    RegisteredMeter withHomeCollector(String collector) {
        return new RegisteredMeter(meterId, systemTitle, model, collector, acceptedKeys);
    }
}
