package no.fint.platform.demo;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * A one-to-many layout computed once from a count per parent: children are numbered 0..total-1,
 * grouped by parent in order. Holds one int per parent (never the resources), so a child finds its
 * parent and a parent its children by arithmetic.
 */
final class Fanout {

    private final int[] start;

    Fanout(int parents, IntUnaryOperator childrenOf) {
        start = new int[parents + 1];
        long total = 0;
        for (int p = 0; p < parents; p++) {
            start[p] = (int) total;
            int c = childrenOf.applyAsInt(p);
            if (c < 0) {
                throw new IllegalArgumentException("negative child count for parent " + p);
            }
            total += c;
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("too many children");
            }
        }
        start[parents] = (int) total;
    }

    int parents() {
        return start.length - 1;
    }

    int total() {
        return start[start.length - 1];
    }

    int first(int parent) {
        return start[parent];
    }

    int count(int parent) {
        return start[parent + 1] - start[parent];
    }

    /** The parent of a child. */
    int parent(int child) {
        if (child < 0 || child >= total()) {
            throw new IndexOutOfBoundsException(child);
        }
        int i = Arrays.binarySearch(start, child);
        if (i >= 0) {
            // Several parents may start at the same child (empty parents): take the last of them.
            while (i + 1 < start.length && start[i + 1] == child) {
                i++;
            }
            return i;
        }
        return -i - 2;
    }

    /** Position of a child among its parent's children. */
    int position(int child) {
        return child - start[parent(child)];
    }
}
