package org.meterguard.server.detection.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.meterguard.core.detection.Evidence;
import org.meterguard.core.detection.MeterSecurityEvent;
import org.meterguard.dlms.SystemTitle;
import org.meterguard.server.headend.SecurityEventLog;
import org.meterguard.server.meters.KeyChanges;
import org.meterguard.server.meters.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Reads the head-end's security events and meters' key changes past the detector's cursors and turns them into
 * {@link MeterSecurityEvent}s, naming the meter where the system title is registered.
 */
@Component
public class MeterEvents {
    /** The cursor over {@code security_event} ids. */
    public static final String SECURITY_EVENTS = "security_event";
    /** The cursor over key changes' issue times, in epoch microseconds. */
    public static final String KEY_CHANGES = "key_change";

    private static final int BATCH = 1_000;
    /** Key changes younger than this are left for the next pull, so a transaction still committing is not missed. */
    private static final long SETTLE_MICROS = 2_000_000;

    private final SecurityEventLog securityEvents;
    private final KeyChanges keyChanges;
    private final MeterRegistry meters;

    MeterEvents(SecurityEventLog securityEvents, KeyChanges keyChanges, MeterRegistry meters) {
        this.securityEvents = securityEvents;
        this.keyChanges = keyChanges;
        this.meters = meters;
    }

    /** A pull's events and where each cursor stands after it. */
    public record Pulled(List<MeterSecurityEvent> events, long securityEventCursor, long keyChangeCursor) {}

    /** The events past the cursors, security events first, at most a batch of each. */
    public Pulled after(long securityEventCursor, long keyChangeCursor, Instant now) {
        List<MeterSecurityEvent> events = new ArrayList<>();
        long lastId = securityEventCursor;
        for (SecurityEventLog.SecurityEvent e : securityEvents.after(securityEventCursor, BATCH)) {
            events.add(new MeterSecurityEvent(
                    Evidence.securityEvent(e.id()), e.at(), kind(e.kind()), subject(e), e.occurrences(), e.detail()));
            lastId = e.id();
        }
        long lastMicros = keyChangeCursor;
        Instant settled = now.minus(SETTLE_MICROS, ChronoUnit.MICROS);
        for (KeyChanges.KeyChange change : keyChanges.issuedBetween(instant(keyChangeCursor), settled, BATCH)) {
            String meter = change.meterId().value();
            events.add(new MeterSecurityEvent(
                    Evidence.keyChange(meter, change.version()),
                    change.issuedAt(),
                    MeterSecurityEvent.Kind.KEY_CHANGED,
                    "meter:" + meter,
                    1,
                    "key version " + change.version() + " issued for meter " + meter));
            lastMicros = micros(change.issuedAt());
        }
        return new Pulled(events, lastId, lastMicros);
    }

    static MeterSecurityEvent.Kind kind(String recorded) {
        switch (recorded) {
            case "FRAME_AUTHENTICATION_FAILED":
                return MeterSecurityEvent.Kind.AUTHENTICATION_FAILED;
            case "FRAME_UNPROTECTED":
                return MeterSecurityEvent.Kind.DECRYPTION_FAILED;
            case "FRAME_REPLAYED_COUNTER":
                return MeterSecurityEvent.Kind.REPLAYED_COUNTER;
            case "FRAME_DEVICE_MISMATCH":
                return MeterSecurityEvent.Kind.DEVICE_MISMATCH;
            case "FRAME_UNKNOWN_METER":
                return MeterSecurityEvent.Kind.UNKNOWN_METER;
            case "TLS_HANDSHAKE_REFUSED":
                return MeterSecurityEvent.Kind.HANDSHAKE_REFUSED;
            default:
                return MeterSecurityEvent.Kind.FRAME_REFUSED;
        }
    }

    private String subject(SecurityEventLog.SecurityEvent e) {
        if (e.systemTitle() != null) {
            SystemTitle title = new SystemTitle(e.systemTitle());
            return meters.findBySystemTitle(title)
                    .map(m -> "meter:" + m.meterId().value())
                    .orElse("system-title:" + String.format("%016X", e.systemTitle()));
        }
        return "collector:" + host(e.peer());
    }

    /** The peer's host without the leading slash and port Netty prints ("/10.0.0.1:51234" → "10.0.0.1"). */
    static String host(String peer) {
        if (peer == null || peer.isEmpty()) {
            return "unknown";
        }
        String host = peer.startsWith("/") ? peer.substring(1) : peer;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            host = host.substring(0, colon);
        }
        return host;
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
