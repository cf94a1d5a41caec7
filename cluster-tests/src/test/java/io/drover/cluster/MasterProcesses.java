package io.drover.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The masters a test started as processes of their own, and the workers in this JVM that follow them
 * ({@code @RegisterExtension}). After each test the workers stop, every master still running is stopped by
 * its PID, and no child process may be left; when the test failed, every master's stdout and stderr is
 * printed, so a failure far from the master's own log can still be understood.
 */
final class MasterProcesses implements AfterEachCallback, TestWatcher {

    private final List<MasterProcess> started = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final Workers workers = new Workers();

    Workers workers() {
        return workers;
    }

    /** A master on two free loopback ports, with {@code args} after the defaults. */
    MasterProcess start(String name, Path logDir, String... args) {
        return start(name, logDir, freePort(), freePort(), List.of(), List.of(args));
    }

    /** A master on given ports (a restart at the same address), run through {@code runAs} when not empty. */
    MasterProcess start(String name, Path logDir, int port, int internalPort, List<String> runAs, List<String> args) {
        MasterProcess master = MasterProcess.start(name, logDir, port, internalPort, runAs, args);
        started.add(master);
        return master;
    }

    /** Another master at the same address and with the same settings' shape: the restart of a crashed one. */
    MasterProcess restart(MasterProcess crashed, Path logDir, String... args) {
        if (crashed.isAlive()) {
            throw new IllegalStateException(crashed.name() + " still runs");
        }
        return start(crashed.name() + "-restarted", logDir, crashed.port, crashed.internalPort, List.of(),
                List.of(args));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        workers.close();
        for (MasterProcess master : started) {
            master.stop();
            outputs.add(master.output());
        }
        started.clear();
        NoProcessesLeft.assertNoneLeft();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        outputs.forEach(System.out::println);
        outputs.clear();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        outputs.clear();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        outputs.clear();
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        outputs.clear();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
