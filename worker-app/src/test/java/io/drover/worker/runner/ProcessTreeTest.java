package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.worker.support.ProcessChildren;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Killing a program under wrappers: the grace is the program's; wrappers that do not end with it (as unshare
 * and a namespace's init shell sometimes did not) are not waited for until the grace runs out.
 */
class ProcessTreeTest {

    private static final Duration GRACE = Duration.ofSeconds(30);

    /** The program ({@code sleep}) ends on SIGTERM; its wrapper ignores SIGTERM and, after it, runs {@code then}. */
    private static String wrapperThatIgnoresTermThen(String then) {
        return "trap '' TERM; (trap - TERM; exec sleep 600) & wait $!; " + then;
    }

    private Process root;

    @AfterEach
    void noneLeft() {
        if (root != null) {
            root.descendants().forEach(ProcessHandle::destroyForcibly);
            root.destroyForcibly();
        }
    }

    private long startWrapped(String wrapper) throws IOException {
        root = new ProcessBuilder("sh", "-c", wrapper).start();
        AtomicReference<Long> program = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Optional<Long> child = ProcessChildren.firstOfSingleThreaded(root.pid());
            child.ifPresent(program::set);
            // The subshell has become sleep (exec): its command line no longer names sh.
            return child.flatMap(pid -> ProcessHandle.of(pid)).flatMap(h -> h.info().command())
                    .map(command -> command.endsWith("sleep")).orElse(false);
        });
        return program.get();
    }

    @Test
    void aWrapperThatOutlivesItsKilledProgramIsKilledWithoutWaitingTheGrace() throws Exception {
        long program = startWrapped(wrapperThatIgnoresTermThen("exec sleep 600"));
        long started = System.nanoTime();

        ProcessTree.terminate(root.toHandle(), program, GRACE);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GRACE.dividedBy(3));
        assertThat(root.isAlive()).isFalse();
        assertThat(ProcessHandle.of(program)).isEmpty();
    }

    @Test
    void aWrapperThatEndsWithItsProgramKeepsTheStatusItPassesOn() throws Exception {
        long program = startWrapped(wrapperThatIgnoresTermThen("exit 7"));

        ProcessTree.terminate(root.toHandle(), program, GRACE);

        assertThat(root.isAlive()).isFalse();
        assertThat(root.exitValue()).isEqualTo(7);
    }

    @Test
    void withoutKnowingTheProgramTheWholeTreeHasTheGrace() throws Exception {
        startWrapped(wrapperThatIgnoresTermThen("exec sleep 600"));
        long started = System.nanoTime();

        ProcessTree.terminate(root.toHandle(), null, Duration.ofSeconds(2));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(root.isAlive()).isFalse();
    }

    @Test
    void aProcessStartedAfterTheSigtermIsSignalledToo() throws Exception {
        // SIGTERM ends the loop's sleep; the trap then starts the program, which the first look could not see.
        root = new ProcessBuilder("sh", "-c", "trap 'sleep 600; exit 3' TERM; while :; do sleep 1; done").start();
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessChildren.firstOfSingleThreaded(root.pid()).isPresent());
        long started = System.nanoTime();

        ProcessTree.terminate(root.toHandle(), null, GRACE);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GRACE.dividedBy(3));
        assertThat(root.isAlive()).isFalse();
        assertThat(root.exitValue()).as("the trap ran to its end: no SIGKILL").isEqualTo(3);
    }
}
