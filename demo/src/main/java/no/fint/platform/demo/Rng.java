package no.fint.platform.demo;

/**
 * SplitMix64: a tiny, fast, well-mixed generator. Each resource gets its own stream keyed by
 * (seed, stream, index), so any entry can be generated on its own, in any order, with the same result.
 */
final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed, long stream, long index) {
        state = hash(seed, stream, index);
    }

    /** A well-mixed 64-bit value for (seed, stream, index); the same inputs always give the same value. */
    static long hash(long seed, long stream, long index) {
        return mix(seed ^ mix(stream * GOLDEN + mix(index + GOLDEN)));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** Uniform in [0, bound); bound at most 2^31 - 1. */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    /** Uniform in [from, to]. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** True with the given probability in percent. */
    boolean percent(int percent) {
        return nextInt(100) < percent;
    }

    <T> T pick(T[] values) {
        return values[nextInt(values.length)];
    }
}
