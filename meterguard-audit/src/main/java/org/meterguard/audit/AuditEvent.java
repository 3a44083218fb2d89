package org.meterguard.audit;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One audited event: who ({@code actor}, {@code role}) did what ({@code action}) to which {@code resource},
 * concerning whom ({@code subject}), for which {@code purpose} on which {@code basis}, with which
 * {@code decision}, from where ({@code clientAddress}), with any further {@code detail}. No field is null; an
 * absent one is empty.
 *
 * <p>{@link #canonicalBytes()} is the entry hashed into the Merkle tree: a version byte, the instant as epoch
 * seconds (int64) and nanoseconds (int32), then each text field as a uint32 length and its UTF-8 bytes, in the
 * order of the components. Lengths make field boundaries unambiguous.
 */
public record AuditEvent(
        Instant at,
        String actor,
        String role,
        String action,
        String resource,
        String subject,
        String purpose,
        String basis,
        String decision,
        String clientAddress,
        String detail) {
    private static final byte VERSION = 1;

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        for (String field :
                new String[] {actor, role, action, resource, subject, purpose, basis, decision, clientAddress, detail
                }) {
            Objects.requireNonNull(field, "audit event fields may be empty but not null");
        }
    }

    /** The canonical encoding, as hashed into the log. */
    public byte[] canonicalBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(VERSION);
        out.writeBytes(ByteBuffer.allocate(12)
                .putLong(at.getEpochSecond())
                .putInt(at.getNano())
                .array());
        for (String field : fields()) {
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
            out.writeBytes(utf8);
        }
        return out.toByteArray();
    }

    /** Reads the canonical encoding back; anything else is an {@link IllegalArgumentException}. */
    public static AuditEvent fromCanonicalBytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("unknown audit entry version " + bytes[0]);
            }
            Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
            String[] f = new String[10];
            for (int i = 0; i < f.length; i++) {
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new IllegalArgumentException("audit entry field " + i + " claims " + length + " bytes");
                }
                byte[] utf8 = new byte[length];
                in.get(utf8);
                f[i] = new String(utf8, StandardCharsets.UTF_8);
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("audit entry has " + in.remaining() + " bytes after its fields");
            }
            return new AuditEvent(at, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("audit entry is truncated at byte " + in.position());
        }
    }

    private String[] fields() {
        return new String[] {actor, role, action, resource, subject, purpose, basis, decision, clientAddress, detail};
    }
}
