package org.meterguard.audit;

/** Where the verifier folds the leaves it reads, one after another: into a root it can ask for at any size. */
interface LeafAccumulator extends AutoCloseable {
    /** Adds the leaf whose hash input (0x00 and the entry) is the {@code length} bytes at {@code offset}. */
    void appendLeafInput(byte[] source, int offset, int length);

    /** The number of leaves added. */
    long size();

    /** Writes MTH of the leaves added so far to {@code target} at {@code offset}. */
    void root(byte[] target, int offset);

    /** Releases any threads; the accumulator is not used afterwards. */
    @Override
    void close();
}
