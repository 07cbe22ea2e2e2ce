package io.switchboard.sync.servicetitan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perSecond} calls per ServiceTitan tenant in any one-second window: each tenant has the start times of
 * its last {@code perSecond} calls in a ring, and a call waits until the oldest of them is a second old.
 */
public final class RateLimiter {

    private final int perSecond;
    private final Map<Long, long[]> windows = new ConcurrentHashMap<>();
    private final Map<Long, int[]> heads = new ConcurrentHashMap<>();

    public RateLimiter(int perSecond) {
        this.perSecond = perSecond;
    }

    public void acquire(long tenant) throws InterruptedException {
        long[] ring = windows.computeIfAbsent(tenant, t -> new long[perSecond]);
        int[] head = heads.computeIfAbsent(tenant, t -> new int[1]);
        synchronized (ring) {
            while (true) {
                long now = System.nanoTime();
                long oldest = ring[head[0]];
                long wait = oldest == 0 ? 0 : oldest + 1_000_000_000L - now;
                if (wait <= 0) {
                    // A margin of 50 ms: ServiceTitan measures the window where calls arrive, a little later and less evenly.
                    ring[head[0]] = now + 50_000_000L;
                    head[0] = (head[0] + 1) % perSecond;
                    return;
                }
                ring.wait(Math.max(1, wait / 1_000_000), (int) (wait % 1_000_000));
            }
        }
    }
}
