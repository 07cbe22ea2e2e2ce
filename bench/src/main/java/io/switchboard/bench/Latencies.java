package io.switchboard.bench;

import java.util.Arrays;

/** Recorded latencies in microseconds and their percentiles. */
final class Latencies {

    private final long[] micros;
    private int size;

    Latencies(int capacity) {
        micros = new long[capacity];
    }

    void add(long nanos) {
        micros[size++] = nanos / 1000;
    }

    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(micros, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(index, size - 1))] / 1000.0;
    }

    int size() {
        return size;
    }
}
