package io.drover.master.state;

import io.drover.master.persistence.PersistenceException;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.CommandRejected;
import io.drover.master.state.machine.Effect;
import io.drover.master.state.machine.MasterState;
import io.drover.master.state.model.ClusterSnapshot;
import io.drover.master.state.storage.StateStorage;
import io.drover.protocol.state.MasterStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single owner of the master's state. Commands queue in an inbox and one thread applies them, in
 * order, through the {@link ClusterStateMachine}; nothing else writes master state.
 *
 * <p>Group commit: after each batch of commands the records they changed are written to the store in one
 * durable write; only then is the new snapshot published, are the senders answered and do the effects
 * leave (through their {@link EffectRoutes}). A write that fails is fail-stop: nobody hears "done", no
 * effect leaves, the master steps down and forgets its state, and its leadership is given up, so memory is
 * never ahead of the store; the next take-over reads the store again.
 */
public final class ClusterStateStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterStateStore.class);
    private static final int MAX_BATCH = 512;

    private final ClusterStateMachine machine;
    private final StateStorage storage;
    private final EffectRoutes routes = new EffectRoutes();
    private final BlockingQueue<Pending<?>> inbox = new LinkedBlockingQueue<>();
    private final List<Consumer<List<Effect>>> effectObservers = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Command<?>, Long>> appliedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> stepDownListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean roundPending = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile ClusterSnapshot current;

    public ClusterStateStore(ClusterStateMachine machine, StateStorage storage) {
        this.machine = machine;
        this.storage = storage;
        this.current = machine.snapshot();
        this.thread = new Thread(this::run, "drover-state");
        this.thread.setDaemon(true);
        routes.route(Effect.RequestSchedule.class, e -> requestRound());
    }

    /** Routes one kind of effect; every kind must have exactly one route before {@link #start}. */
    public <T extends Effect> void route(Class<T> kind, Consumer<T> route) {
        routes.route(kind, route);
    }

    /**
     * Starts the inbox thread. With {@code takeOverFirst} (a single master with its own store) the store is
     * taken over and the state rebuilt on the calling thread before the inbox takes its first command, so a
     * store that cannot be read stops the start-up with its message.
     *
     * @throws IllegalStateException when an effect kind has no route
     * @throws io.drover.master.persistence.PersistenceException when {@code takeOverFirst} cannot read the store
     */
    public void start(boolean takeOverFirst) {
        routes.checkComplete();
        if (takeOverFirst) {
            Pending<Void> first = new Pending<>(takeOverCommand(), new CompletableFuture<>());
            applyBatch(List.of(first));
            first.future.join();
        }
        thread.start();
    }

    /** Queues a command; the future completes once it is applied and what it changed is durable. */
    public <R> CompletableFuture<R> submit(Command<R> command) {
        return submit(() -> command);
    }

    /** As {@link #submit(Command)}, with the command made on the inbox thread, in its turn. */
    public <R> CompletableFuture<R> submit(Supplier<Command<R>> command) {
        Pending<R> pending = new Pending<>(command, new CompletableFuture<>());
        if (!running) {
            pending.future.completeExceptionally(shuttingDown());
            return pending.future;
        }
        inbox.add(pending);
        return pending.future;
    }

    /**
     * Takes the cluster over: on the inbox thread, in its turn, the store is taken over under a new epoch
     * and read, and the state machine recovers from it.
     */
    public CompletableFuture<Void> takeOver() {
        return submit(takeOverCommand());
    }

    private Supplier<Command<Void>> takeOverCommand() {
        return () -> new Command.TakeOverCommand(storage.takeOver());
    }

    /** Asks for a placement round; a request while one is already queued is absorbed by it. */
    public void requestRound() {
        if (roundPending.compareAndSet(false, true)) {
            submit(new Command.ScheduleCommand());
        }
    }

    /** Sees every batch's effects after they were routed (metrics); must be cheap and must not block. */
    public void observeEffects(Consumer<List<Effect>> observer) {
        effectObservers.add(observer);
    }

    /**
     * Registers an observer of every applied command and how long it took, in nanoseconds (metrics). Called
     * on the inbox thread, so it must be cheap and must not block.
     */
    public void onApplied(BiConsumer<Command<?>, Long> listener) {
        appliedListeners.add(listener);
    }

    /** Hears why the master stepped down after its store failed, so its leadership can be given up. */
    public void onStoreFailure(Consumer<String> listener) {
        stepDownListeners.add(listener);
    }

    public ClusterSnapshot snapshot() {
        return current;
    }

    public String storeDescription() {
        return storage.describe();
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
            applyBatch(batch);
            batch.clear();
        }
    }

    private void applyBatch(List<Pending<?>> batch) {
        List<Effect> effects = new ArrayList<>();
        for (Pending<?> pending : batch) {
            apply(pending, effects);
        }
        MasterState.Changes changes = machine.drainChanges();
        ClusterSnapshot next = machine.snapshot();
        if (!changes.isEmpty()) {
            try {
                storage.write(changes, next);
            } catch (RuntimeException e) {
                failStop(batch, e);
                return;
            }
        }
        current = next;
        batch.forEach(Pending::complete);
        route(effects);
    }

    private void apply(Pending<?> pending, List<Effect> effects) {
        List<Effect> produced = new ArrayList<>();
        long started = System.nanoTime();
        try {
            Command<?> command = pending.command();
            if (command instanceof Command.ScheduleCommand) {
                // Cleared before the round, so an event during this round asks for another.
                roundPending.set(false);
            }
            pending.reply = machine.apply(command, produced);
            long took = System.nanoTime() - started;
            appliedListeners.forEach(listener -> listener.accept(command, took));
            effects.addAll(produced);
        } catch (CommandRejected e) {
            pending.error = e;
        } catch (RuntimeException e) {
            if (!(e instanceof PersistenceException)) {
                log.error("Command {} failed", pending.describe(), e);
            }
            pending.error = e;
            // A handler that throws halfway may have changed some of the state: what it did stays marked
            // and is written with the batch, like any change, so memory and store still agree.
            effects.addAll(produced);
        }
    }

    /**
     * The batch is not durable: nobody hears "done", nothing leaves, and the master forgets everything it
     * holds and stops leading. What the store holds is the truth; the next take-over reads it.
     */
    private void failStop(List<Pending<?>> batch, RuntimeException cause) {
        String reason = "could not write its state to " + storage.describe() + ": " + cause.getMessage();
        log.error("STEPPING DOWN: the master {}. Nothing more is acknowledged until it has read its state "
                + "again from the store.", reason, cause);
        storage.forget();
        List<Effect> effects = new ArrayList<>();
        machine.apply(new Command.StepDownCommand(reason), effects);
        machine.drainChanges();
        current = machine.snapshot();
        CommandRejected refusal = CommandRejected.notAlive("the master could not store this change and is "
                + "stepping down; nothing of it was kept", MasterStatus.STANDBY, null);
        batch.forEach(pending -> pending.future.completeExceptionally(refusal));
        route(effects);
        stepDownListeners.forEach(listener -> listener.accept(reason));
    }

    private void route(List<Effect> effects) {
        if (effects.isEmpty()) {
            return;
        }
        List<Effect> sent = List.copyOf(effects);
        for (Effect effect : sent) {
            try {
                routes.dispatch(effect);
            } catch (RuntimeException e) {
                log.error("Routing {} failed", effect.getClass().getSimpleName(), e);
            }
        }
        effectObservers.forEach(observer -> observer.accept(sent));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending<?> left;
        while ((left = inbox.poll()) != null) {
            left.future.completeExceptionally(shuttingDown());
        }
    }

    private static CommandRejected shuttingDown() {
        return CommandRejected.notAlive("the master is shutting down", MasterStatus.STANDBY, null);
    }

    private static final class Pending<R> {
        final Supplier<Command<R>> supplier;
        final CompletableFuture<R> future;
        Command<R> command;
        Object reply;
        RuntimeException error;

        Pending(Supplier<Command<R>> supplier, CompletableFuture<R> future) {
            this.supplier = supplier;
            this.future = future;
        }

        Command<R> command() {
            command = supplier.get();
            return command;
        }

        String describe() {
            return command == null ? "(not made)" : command.getClass().getSimpleName();
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
