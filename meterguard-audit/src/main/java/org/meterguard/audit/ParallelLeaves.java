package org.meterguard.audit;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A {@link LeafAccumulator} that hashes on several cores: the leaves are gathered in blocks of 4,096, each block
 * aligned on a multiple of 4,096 in the tree, so that its leaves form one perfect subtree; worker threads hash each
 * full block down to that subtree's root, and the caller's thread folds the roots in order into a
 * {@link CompactRange}. A root at a size inside a block (a tree head's) folds the block's leaves so far on the
 * caller's thread, which hashes them twice but only once per head.
 *
 * <p>Block buffers circulate through a fixed pool, so memory stays bounded whatever the file's size.
 */
final class ParallelLeaves implements LeafAccumulator {
    private static final int BLOCK_HEIGHT = 12;
    private static final int BLOCK_LEAVES = 1 << BLOCK_HEIGHT;

    /** A block's leaf inputs, packed: input i is data[offsets[i], offsets[i] + lengths[i]). */
    private static final class Block {
        byte[] data = new byte[BLOCK_LEAVES * 192];
        final int[] offsets = new int[BLOCK_LEAVES];
        final int[] lengths = new int[BLOCK_LEAVES];
        int count;
        int used;

        void add(byte[] source, int offset, int length) {
            if (used + length > data.length) {
                data = Arrays.copyOf(data, Math.max(2 * data.length, used + length));
            }
            System.arraycopy(source, offset, data, used, length);
            offsets[count] = used;
            lengths[count] = length;
            count++;
            used += length;
        }

        void foldInto(CompactRange range) {
            for (int i = 0; i < count; i++) {
                range.appendLeafInput(data, offsets[i], lengths[i]);
            }
        }
    }

    private final ExecutorService workers;
    private final BlockingQueue<Block> free;
    private final ArrayDeque<Future<byte[]>> hashing = new ArrayDeque<>();
    private final int maxInFlight;
    private final CompactRange folded = new CompactRange();

    private Block current;
    private long size;

    ParallelLeaves(int threads) {
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "audit-verify-hasher");
            thread.setDaemon(true);
            return thread;
        });
        this.maxInFlight = 2 * threads;
        this.free = new ArrayBlockingQueue<>(maxInFlight + 1);
        for (int i = 0; i <= maxInFlight; i++) {
            free.add(new Block());
        }
        this.current = free.remove();
    }

    @Override
    public void appendLeafInput(byte[] source, int offset, int length) {
        current.add(source, offset, length);
        size++;
        if (current.count == BLOCK_LEAVES) {
            if (hashing.size() == maxInFlight) {
                foldOldest();
            }
            Block full = current;
            hashing.add(workers.submit(() -> subtreeRoot(full)));
            current = free.remove();
        }
    }

    private byte[] subtreeRoot(Block block) {
        try {
            CompactRange range = new CompactRange();
            block.foldInto(range);
            byte[] root = new byte[Hash.LENGTH];
            range.root(root, 0);
            return root;
        } finally {
            block.count = 0;
            block.used = 0;
            free.add(block);
        }
    }

    private void foldOldest() {
        try {
            folded.appendSubtreeRoot(hashing.remove().get(), 0, BLOCK_HEIGHT);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a verification worker failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying", e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void root(byte[] target, int offset) {
        while (!hashing.isEmpty()) {
            foldOldest();
        }
        if (current.count == 0) {
            folded.root(target, offset);
            return;
        }
        CompactRange withPartial = folded.copy();
        current.foldInto(withPartial);
        withPartial.root(target, offset);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
