package org.meterguard.server.headend.internal;

import java.nio.ByteBuffer;
import org.meterguard.dlms.SecuritySuite0;

/**
 * The 12-byte GCM tag at the end of a frame's secured content, as two numbers. Under one key and invocation
 * counter it identifies the frame's exact bytes: a retransmission has the same tag, another frame reusing the
 * counter (a replay attempt or a forgery) does not.
 */
record GcmTag(long high, int low) {
    /** The tag that ends the secured content in {@code bytes[offset, offset + length)}. */
    static GcmTag of(byte[] bytes, int offset, int length) {
        ByteBuffer tail =
                ByteBuffer.wrap(bytes, offset + length - SecuritySuite0.TAG_LENGTH, SecuritySuite0.TAG_LENGTH);
        return new GcmTag(tail.getLong(), tail.getInt());
    }

    static GcmTag ofBytes(byte[] tag) {
        ByteBuffer in = ByteBuffer.wrap(tag);
        return new GcmTag(in.getLong(), in.getInt());
    }

    byte[] bytes() {
        return ByteBuffer.allocate(SecuritySuite0.TAG_LENGTH)
                .putLong(high)
                .putInt(low)
                .array();
    }
}
