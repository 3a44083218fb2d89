package org.meterguard.server.headend.internal;

import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import org.meterguard.server.headend.HeadEndProperties;
import org.springframework.stereotype.Component;

/** The head-end's side of the collectors' mutual TLS: a fresh server engine per connection, or none in a lab. */
@Component
class HeadEndTls {
    private final HeadEndProperties.Tls settings;

    HeadEndTls(HeadEndProperties properties) {
        this.settings = properties.tls();
    }

    Optional<Supplier<SSLEngine>> engines() {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        throw new IllegalStateException("TLS for collectors is not wired yet");
    }
}
