package io.drover.master.state;

import io.drover.master.persistence.PersistenceEngine;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.CommandRejected;
import io.drover.master.state.machine.Effect;
import io.drover.master.state.model.ClusterSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single owner of the master's state. Commands queue in an inbox and one thread applies them, in
 * order, through the {@link ClusterStateMachine}; nothing else writes master state. After each batch it
 * publishes an immutable {@link ClusterSnapshot} that everyone else reads without locks.
 *
 * <p>Store effects (persistence) run on the inbox thread before the sender's future completes, so an
 * acknowledged change is durable. Send effects go to the listeners after that, and listeners must not
 * block (they hand HTTP calls to their own threads). Scheduling requests coalesce: however many events
 * ask for a round while one is pending, one round runs.
 */
public final class ClusterStateStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterStateStore.class);
    private static final int MAX_BATCH = 512;

    private final ClusterStateMachine machine;
    private final PersistenceEngine persistence;
    private final BlockingQueue<Pending<?>> inbox = new LinkedBlockingQueue<>();
    private final List<Consumer<List<Effect>>> listeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Command<?>, Long>> appliedListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean roundPending = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile ClusterSnapshot current;

    public ClusterStateStore(ClusterStateMachine machine, PersistenceEngine persistence) {
        this.machine = machine;
        this.persistence = persistence;
        this.current = machine.snapshot();
        this.thread = new Thread(this::run, "drover-state");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a command; the future completes once it is applied and its store effects are durable. */
    public <R> CompletableFuture<R> submit(Command<R> command) {
        Pending<R> pending = new Pending<>(command, new CompletableFuture<>());
        if (!running) {
            pending.future.completeExceptionally(
                    new CommandRejected(CommandRejected.Reason.NOT_ALIVE, "the master is shutting down"));
            return pending.future;
        }
        inbox.add(pending);
        return pending.future;
    }

    /** Asks for a placement round; a request while one is already queued is absorbed by it. */
    public void requestRound() {
        if (roundPending.compareAndSet(false, true)) {
            submit(new Command.ScheduleCommand());
        }
    }

    /** Registers who performs send effects (worker calls). Called once per listener at start-up. */
    public void onEffects(Consumer<List<Effect>> listener) {
        listeners.add(listener);
    }

    /**
     * Registers an observer of every applied command and how long it took, in nanoseconds (metrics). Called
     * on the inbox thread, so it must be cheap and must not block.
     */
    public void onApplied(BiConsumer<Command<?>, Long> listener) {
        appliedListeners.add(listener);
    }

    public ClusterSnapshot snapshot() {
        return current;
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(inbox.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            inbox.drainTo(batch, MAX_BATCH - 1);
            List<Effect> sends = new ArrayList<>();
            boolean scheduleWanted = false;
            for (Pending<?> pending : batch) {
                if (pending.command instanceof Command.ScheduleCommand) {
                    // Cleared before the round, so an event during this round asks for another.
                    roundPending.set(false);
                }
                scheduleWanted |= apply(pending, sends);
            }
            current = machine.snapshot();
            for (Pending<?> pending : batch) {
                pending.complete();
            }
            batch.clear();
            if (scheduleWanted) {
                requestRound();
            }
            if (!sends.isEmpty()) {
                dispatch(sends);
            }
        }
    }

    private boolean apply(Pending<?> pending, List<Effect> sends) {
        List<Effect> effects = new ArrayList<>();
        long started = System.nanoTime();
        try {
            pending.reply = machine.apply(pending.command, effects);
            long took = System.nanoTime() - started;
            appliedListeners.forEach(listener -> listener.accept(pending.command, took));
        } catch (CommandRejected e) {
            pending.error = e;
            return false;
        } catch (RuntimeException e) {
            log.error("Command {} failed", pending.command, e);
            pending.error = e;
        }
        boolean scheduleWanted = false;
        try {
            for (Effect effect : effects) {
                if (effect instanceof Effect.Persist p) {
                    persistence.persist(p.key(), p.record());
                } else if (effect instanceof Effect.Unpersist u) {
                    persistence.unpersist(u.key());
                } else if (effect instanceof Effect.RequestSchedule) {
                    scheduleWanted = true;
                } else {
                    sends.add(effect);
                }
            }
        } catch (RuntimeException e) {
            // The sender must not hear "done" for a change that is not durable.
            log.error("Could not persist the effects of {}", pending.command, e);
            pending.error = e;
        }
        return scheduleWanted;
    }

    private void dispatch(List<Effect> sends) {
        List<Effect> effects = List.copyOf(sends);
        for (Consumer<List<Effect>> listener : listeners) {
            try {
                listener.accept(effects);
            } catch (RuntimeException e) {
                log.error("Effect listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Pending<?> left;
        while ((left = inbox.poll()) != null) {
            left.future.completeExceptionally(
                    new CommandRejected(CommandRejected.Reason.NOT_ALIVE, "the master is shutting down"));
        }
        persistence.close();
    }

    private static final class Pending<R> {
        final Command<R> command;
        final CompletableFuture<R> future;
        Object reply;
        RuntimeException error;

        Pending(Command<R> command, CompletableFuture<R> future) {
            this.command = command;
            this.future = future;
        }

        @SuppressWarnings("unchecked")
        void complete() {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete((R) reply);
            }
        }
    }
}
