package io.drover.worker.logs;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process whose output the worker copies: it ends when the process has ended and its output is copied, so a
 * runner that reports the end after {@link #onExit()} reports a whole log. The wait for the copies is bounded:
 * a descendant that keeps the pipe open would otherwise hold the end until its run's cgroup is killed, which
 * happens only after the end.
 */
final class PumpedProcess extends Process {

    /** Ample for the last buffered bytes of a pipe; never a hang. */
    static final Duration DRAIN_WAIT = Duration.ofSeconds(2);

    private final Process process;
    private final CompletableFuture<Process> ended;

    PumpedProcess(Process process, CompletableFuture<Void> drained) {
        this.process = process;
        this.ended = process.onExit()
                .thenCompose(exited -> drained.copy().completeOnTimeout(null, DRAIN_WAIT.toMillis(),
                        TimeUnit.MILLISECONDS).exceptionally(e -> null))
                .thenApply(done -> this);
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return ended;
    }

    @Override
    public int waitFor() throws InterruptedException {
        int status = process.waitFor();
        try {
            ended.join();
        } catch (RuntimeException e) {
            // the copies failing leaves the process's own end as it is
        }
        return status;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit);
    }

    @Override
    public OutputStream getOutputStream() {
        return process.getOutputStream();
    }

    /** The pump reads it; nobody else may. */
    @Override
    public InputStream getInputStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void destroy() {
        process.destroy();
    }

    @Override
    public Process destroyForcibly() {
        process.destroyForcibly();
        return this;
    }

    @Override
    public boolean supportsNormalTermination() {
        return process.supportsNormalTermination();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public ProcessHandle toHandle() {
        return process.toHandle();
    }

    @Override
    public ProcessHandle.Info info() {
        return process.info();
    }

    @Override
    public Stream<ProcessHandle> children() {
        return process.children();
    }

    @Override
    public Stream<ProcessHandle> descendants() {
        return process.descendants();
    }
}
