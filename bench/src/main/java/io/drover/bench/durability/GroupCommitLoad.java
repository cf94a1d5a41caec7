package io.drover.bench.durability;

import io.drover.master.persistence.PersistenceEngine;
import io.drover.master.state.machine.ClusterStateMachine;
import io.drover.master.state.machine.Command;
import io.drover.master.state.machine.Effect;
import io.drover.master.state.storage.StateStorage;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable write alone, without HTTP: submissions applied to the master's state machine in batches of a
 * given size, each batch written as the inbox thread writes it (one {@link StateStorage#write}, one sync).
 * Shows what one sync costs in each engine and how many submissions per second group commit allows.
 */
final class GroupCommitLoad {

    private static final SubmitDriverRequest TRUE = new SubmitDriverRequest("bench", null,
            CommandSpec.executable("/bin/true", List.of()), 1, 64L, false);

    /** Submissions per second, and the mean time of one batch's durable write. */
    record Result(int batchSize, double submissionsPerSecond, double writeMillis) {
    }

    private GroupCommitLoad() {
    }

    static Result run(PersistenceEngine engine, int batchSize, int submissions) {
        StateStorage storage = new StateStorage(engine);
        ClusterStateMachine machine = RecoveryLoad.machine();
        List<Effect> ignored = new ArrayList<>();
        machine.apply(new Command.TakeOverCommand(storage.takeOver()), ignored);
        storage.write(machine.drainChanges(), machine.snapshot());
        long writing = 0;
        int batches = 0;
        long started = System.nanoTime();
        for (int done = 0; done < submissions; done += batchSize) {
            for (int i = 0; i < batchSize; i++) {
                machine.apply(new Command.SubmitDriverCommand(TRUE, "bench"), ignored);
            }
            ignored.clear();
            long write = System.nanoTime();
            storage.write(machine.drainChanges(), machine.snapshot());
            writing += System.nanoTime() - write;
            batches++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(batchSize, batches * batchSize / seconds, writing / 1e6 / batches);
    }
}
