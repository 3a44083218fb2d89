package org.meterguard.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A growable array of hashes, stored as raw bytes in chunks of at most 1 MiB.
 *
 * <p>Why not a {@code List<Hash>}: a {@link Hash} object costs about 70 bytes of heap for its 32 bytes of value,
 * and a tree of a million leaves holds two million hashes. Why chunks rather than one array: appending never
 * copies more than one chunk, and the store is not limited to the 2 GiB of a single Java array. The first chunk
 * starts small and doubles, so a tree of a few leaves costs a few hundred bytes.
 */
final class HashStore {
    private static final int CHUNK_HASHES = 1 << 15;
    private static final int CHUNK_BYTES = CHUNK_HASHES * Hash.LENGTH;
    private static final int FIRST_CHUNK_BYTES = 8 * Hash.LENGTH;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

    /** The number of hashes stored. */
    long size() {
        return size;
    }

    /** Appends {@code hash} at index {@link #size()}. */
    void add(Hash hash) {
        add(hash.bytes(), 0);
    }

    /** Appends the 32 bytes at {@code offset} of {@code source} as the hash at index {@link #size()}. */
    void add(byte[] source, int offset) {
        int chunk = (int) (size / CHUNK_HASHES);
        int at = (int) (size % CHUNK_HASHES) * Hash.LENGTH;
        if (chunk == chunks.size()) {
            chunks.add(new byte[chunk == 0 ? FIRST_CHUNK_BYTES : CHUNK_BYTES]);
        }
        byte[] bytes = chunks.get(chunk);
        if (at == bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(2 * bytes.length, CHUNK_BYTES));
            chunks.set(chunk, bytes);
        }
        System.arraycopy(source, offset, bytes, at, Hash.LENGTH);
        size++;
    }

    /** The hash at {@code index}, which the caller guarantees is in {@code [0, size)}. */
    Hash get(long index) {
        int offset = (int) (index % CHUNK_HASHES) * Hash.LENGTH;
        return Hash.of(chunks.get((int) (index / CHUNK_HASHES)), offset);
    }

    /** Copies the hash at {@code index}, in {@code [0, size)}, to {@code target} at {@code offset}. */
    void copyTo(long index, byte[] target, int offset) {
        int from = (int) (index % CHUNK_HASHES) * Hash.LENGTH;
        System.arraycopy(chunks.get((int) (index / CHUNK_HASHES)), from, target, offset, Hash.LENGTH);
    }
}
