package org.meterguard.greenbutton;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The ESPI UsagePoint (the metered service) a series of readings belongs to. The Atom title is not read: utilities
 * put service addresses there.
 *
 * @param href the entry's {@code self} link, the identifier the feed uses for it; empty where the entry has none
 * @param atomId the entry's Atom {@code id}, usually a {@code urn:uuid}; empty where absent
 * @param serviceKind ESPI ServiceKind of {@code ServiceCategory/kind} (0 electricity, 1 gas, ...) where given
 * @param localTimeParameters the LocalTimeParameters the UsagePoint links to, or the file's only one
 * @param line the line of the UsagePoint element
 */
public record UsagePoint(
        String href,
        String atomId,
        OptionalInt serviceKind,
        Optional<LocalTimeParameters> localTimeParameters,
        int line) {
    public UsagePoint {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(atomId, "atomId");
        Objects.requireNonNull(serviceKind, "serviceKind");
        Objects.requireNonNull(localTimeParameters, "localTimeParameters");
    }
}
