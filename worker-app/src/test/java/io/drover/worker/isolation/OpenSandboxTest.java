package io.drover.worker.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSandboxTest {

    @Test
    void withoutIsolationAChildIsStartedAsItIsAfterTheParentDeathAndNamespaceWrappers() throws Exception {
        OpenSandbox sandbox = new OpenSandbox(OpenSandbox.prefixFor(Path.of("/usr/bin/setpriv"),
                Path.of("/usr/bin/unshare"), false));

        List<String> command = sandbox.confine("d", Path.of("/w/d"), 1, 64, null).prepare(Path.of("/w/d"), List.of(),
                List.of("/bin/echo", "hi"));

        assertThat(command).startsWith("/usr/bin/setpriv", "--pdeathsig", "KILL", "--", "/usr/bin/unshare", "--user",
                "--map-root-user", "--pid").endsWith("drover-init", "/bin/echo", "hi");
    }

    /** Between the start and the namespace's first process there is no program pid yet: null, not a failure. */
    @Test
    void aProgramNotThereYetHasNoPid() throws Exception {
        OpenSandbox sandbox = new OpenSandbox(OpenSandbox.prefixFor(null, Path.of("/usr/bin/unshare"), true));
        Process childless = new ProcessBuilder("sleep", "5").start();
        try {
            assertThat(sandbox.confine("d", Path.of("/w/d"), 1, 64, null).mainPid(childless.toHandle())).isNull();
            assertThat(Sandboxes.plain().confine("d", Path.of("/w/d"), 1, 64, null).mainPid(childless.toHandle()))
                    .isEqualTo(childless.pid());
        } finally {
            childless.destroyForcibly().waitFor();
        }
    }
}
