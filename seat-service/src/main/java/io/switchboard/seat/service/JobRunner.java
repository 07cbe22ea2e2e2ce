package io.switchboard.seat.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.seat.config.SeatConfig;
import io.switchboard.seat.repository.JobRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts a job once its submission commits, and every few seconds advances each running job: after a restart that picks
 * up whatever the last process left (steps not yet sent, jobs whose last reply completed nothing), and steps with no
 * reply for too long fail so no job waits forever. Replies advance jobs themselves, in their consumer.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final JobEngine engine;
    private final JobRepository jobs;
    private final SeatConfig config;
    private ScheduledExecutorService executor;

    public JobRunner(JobEngine engine, JobRepository jobs, SeatConfig config) {
        this.engine = engine;
        this.jobs = jobs;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-runner");
            t.setDaemon(true);
            return t;
        });
        long every = config.jobs().sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    void submitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobService.JobReady ready) {
        if (executor != null) {
            executor.execute(() -> advance(ready.jobId()));
        }
    }

    void replied(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEngine.RepliesApplied applied) {
        if (executor != null) {
            executor.execute(() -> {
                try {
                    engine.completeIfDone(applied.jobId());
                } catch (RuntimeException e) {
                    LOG.warnf(e, "could not check job %s for completion; the next sweep does", applied.jobId());
                }
            });
        }
    }

    private void sweep() {
        for (UUID jobId : running()) {
            advance(jobId);
        }
    }

    @Transactional
    List<UUID> running() {
        try {
            return jobs.running();
        } catch (RuntimeException e) {
            LOG.warnf("could not list running jobs: %s", e.getMessage());
            return List.of();
        }
    }

    private void advance(UUID jobId) {
        try {
            engine.advanceInNewTransaction(jobId);
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not advance job %s; the next sweep tries again", jobId);
        }
    }
}
