package org.meterguard.audit;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
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
 *
 * <p>The encoding is injective and {@link #fromCanonicalBytes} is its exact inverse: it accepts only what
 * {@link #canonicalBytes()} produces. For that, a text field holding an unpaired UTF-16 surrogate (which UTF-8
 * cannot encode, and {@link String#getBytes} would silently turn into {@code '?'}, so that U+D800 alone and "?"
 * would be logged alike) has each unpaired surrogate replaced by U+FFFD when the event is made. Replacing rather
 * than refusing keeps such an event, typically a hostile request, recorded.
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

    private static final String[] FIELD_NAMES = {
        "actor", "role", "action", "resource", "subject", "purpose", "basis", "decision", "clientAddress", "detail"
    };
    private static final int MAX_NANOS = 999_999_999;

    /** Checks that nothing is null and replaces unpaired surrogates by U+FFFD (see the class comment). */
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        String[] fields = {actor, role, action, resource, subject, purpose, basis, decision, clientAddress, detail};
        for (int i = 0; i < fields.length; i++) {
            Objects.requireNonNull(fields[i], FIELD_NAMES[i] + " may be empty but not null");
        }
        actor = wellFormed(actor);
        role = wellFormed(role);
        action = wellFormed(action);
        resource = wellFormed(resource);
        subject = wellFormed(subject);
        purpose = wellFormed(purpose);
        basis = wellFormed(basis);
        decision = wellFormed(decision);
        clientAddress = wellFormed(clientAddress);
        detail = wellFormed(detail);
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
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("unknown audit entry version " + bytes[0]);
            }
            long seconds = in.getLong();
            int nanos = in.getInt();
            // Instant.ofEpochSecond would normalise any nanosecond count, so that many encodings meant one instant.
            if (nanos < 0 || nanos > MAX_NANOS) {
                throw new IllegalArgumentException(
                        "audit entry nanoseconds " + nanos + " are not in [0, " + MAX_NANOS + "]");
            }
            Instant at;
            try {
                at = Instant.ofEpochSecond(seconds, nanos);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("audit entry time " + seconds + " s is out of range", e);
            }
            String[] f = new String[10];
            for (int i = 0; i < f.length; i++) {
                int length = in.getInt();
                if (length < 0 || length > in.remaining()) {
                    throw new IllegalArgumentException(
                            "audit entry field " + FIELD_NAMES[i] + " claims " + length + " bytes");
                }
                ByteBuffer utf8 = in.slice().limit(length);
                in.position(in.position() + length);
                try {
                    // A strict decoder: new String(bytes, UTF_8) would replace malformed input and so accept it.
                    f[i] = StandardCharsets.UTF_8.newDecoder().decode(utf8).toString();
                } catch (CharacterCodingException e) {
                    throw new IllegalArgumentException(
                            "audit entry field " + FIELD_NAMES[i] + " is not well-formed UTF-8", e);
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("audit entry has " + in.remaining() + " bytes after its fields");
            }
            return new AuditEvent(at, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("audit entry is truncated at byte " + in.position());
        }
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD; {@code text} itself if it has none. */
    private static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private String[] fields() {
        return new String[] {actor, role, action, resource, subject, purpose, basis, decision, clientAddress, detail};
    }
}
