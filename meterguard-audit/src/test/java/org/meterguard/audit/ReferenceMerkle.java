package org.meterguard.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed literally, recursing over sublists: slow, but short enough
 * to check against the RFC by eye, and sharing no code with {@link MerkleTree}, whose clever storage it checks.
 */
final class ReferenceMerkle {
    private ReferenceMerkle() {}

    /** MTH(D[n]), where {@code d} holds the leaf hashes. */
    static Hash mth(List<Hash> d) {
        int n = d.size();
        if (n == 0) {
            return MerkleHashing.emptyRoot();
        }
        if (n == 1) {
            return d.get(0);
        }
        int k = k(n);
        return MerkleHashing.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<Hash> path(int m, List<Hash> d) {
        int n = d.size();
        List<Hash> result = new ArrayList<>();
        if (n <= 1) {
            return result;
        }
        int k = k(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** PROOF(m, D[n]). */
    static List<Hash> proof(int m, List<Hash> d) {
        return subproof(m, d, true);
    }

    private static List<Hash> subproof(int m, List<Hash> d, boolean b) {
        int n = d.size();
        List<Hash> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = k(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two smaller than n ≥ 2. */
    private static int k(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
