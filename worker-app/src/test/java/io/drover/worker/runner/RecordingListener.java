package io.drover.worker.runner;

import io.drover.protocol.internal.DriverStateChanged;
import io.drover.protocol.internal.ExecutorStateChanged;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.ExecutorState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Records what a runner tells its listener, as the registry and the state reporter would hear it.
 *
 * @param <C> the state change a runner reports
 * @param <R> the runner
 * @param <S> its states
 */
class RecordingListener<C, R, S> {

    final List<C> reports = new CopyOnWriteArrayList<>();
    final List<R> ended = new CopyOnWriteArrayList<>();

    private final Function<C, S> stateOf;
    private final Predicate<S> terminal;

    private RecordingListener(Function<C, S> stateOf, Predicate<S> terminal) {
        this.stateOf = stateOf;
        this.terminal = terminal;
    }

    public void report(C change) {
        reports.add(change);
    }

    public void ended(R runner) {
        ended.add(runner);
    }

    List<S> states() {
        return reports.stream().map(stateOf).toList();
    }

    C last() {
        return reports.get(reports.size() - 1);
    }

    boolean hasFinal() {
        return reports.stream().map(stateOf).anyMatch(terminal);
    }

    static final class OfDrivers extends RecordingListener<DriverStateChanged, DriverRunner, DriverState>
            implements DriverListener {

        OfDrivers() {
            super(DriverStateChanged::state, DriverState::isTerminal);
        }
    }

    static final class OfExecutors extends RecordingListener<ExecutorStateChanged, ExecutorRunner, ExecutorState>
            implements ExecutorListener {

        OfExecutors() {
            super(ExecutorStateChanged::state, ExecutorState::isTerminal);
        }
    }
}
