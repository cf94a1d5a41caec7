package io.drover.worker.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessChildrenTest {

    private Process shell;

    @AfterEach
    void stop() {
        if (shell != null) {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    @Test
    void listsTheSameChildrenAsTheJdk() throws Exception {
        shell = new ProcessBuilder("/bin/sh", "-c", "sleep 30 & sleep 30 & wait").start();
        await().atMost(Duration.ofSeconds(10)).until(() -> shell.children().count() == 2);

        assertThat(ProcessChildren.of(shell.pid()))
                .containsExactlyInAnyOrderElementsOf(shell.children().map(ProcessHandle::pid).toList());
    }

    @Test
    void findsGrandchildrenAmongTheDescendants() throws Exception {
        shell = new ProcessBuilder("/bin/sh", "-c", "/bin/sh -c 'sleep 30 & wait' & wait").start();
        await().atMost(Duration.ofSeconds(10)).until(() -> shell.descendants().count() == 2);

        Set<Long> found = ProcessChildren.descendants(shell.pid()).stream().map(ProcessHandle::pid)
                .collect(Collectors.toSet());

        assertThat(found).isEqualTo(shell.descendants().map(ProcessHandle::pid).collect(Collectors.toSet()));
    }

    @Test
    void firstChildOfASingleThreadedProcessIsItsOnlyChild() throws Exception {
        shell = new ProcessBuilder("/bin/sh", "-c", "sleep 30 & wait").start();
        await().atMost(Duration.ofSeconds(10)).until(() -> shell.children().count() == 1);

        assertThat(ProcessChildren.firstOfSingleThreaded(shell.pid()))
                .contains(shell.children().findFirst().orElseThrow().pid());
    }

    @Test
    void aProcessThatIsGoneHasNoChildren() throws Exception {
        Process done = new ProcessBuilder("/bin/true").start();
        done.waitFor();

        assertThat(ProcessChildren.of(done.pid())).isEmpty();
        assertThat(ProcessChildren.firstOfSingleThreaded(done.pid())).isEmpty();
        assertThat(ProcessChildren.descendants(done.pid())).isEqualTo(List.of());
    }
}
