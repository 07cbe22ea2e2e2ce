package io.switchboard.sync.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.Semaphore;

/** Wakes the worker when a transaction that queued work commits, so a write does not wait for the next poll. */
@ApplicationScoped
public class SyncSignal {

    private final Semaphore permits = new Semaphore(0);
    private final TransactionSynchronizationRegistry registry;

    public SyncSignal(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    public void wake() {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    permits.release();
                }
            }
        });
    }

    /** Wakes the worker now (outside any transaction): a call finished, so capacity or follow-up work may be waiting. */
    public void nudge() {
        permits.release();
    }

    /** Waits until woken or the timeout passes. */
    public void await(long millis) throws InterruptedException {
        permits.tryAcquire(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        permits.drainPermits();
    }
}
