package io.drover.worker.support;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A process's children from {@code /proc/<pid>/task/<tid>/children}, one small read per thread. The JDK's
 * {@link ProcessHandle#children()} reads the parent of every process on the host to find them, about a
 * millisecond with 70 processes and more with each one a burst of launches adds; a runner asks this on every
 * start (the program's pid under the namespace wrappers), and polls it, so that cost was paid many times over
 * per launch. Where the kernel has no such files ({@code CONFIG_PROC_CHILDREN} off) it falls back to the JDK.
 */
public final class ProcessChildren {

    private static final Path PROC = Path.of("/proc");
    private static final boolean KERNEL_LISTS_CHILDREN =
            Files.isReadable(PROC.resolve("self/task").resolve(Long.toString(ProcessHandle.current().pid()))
                    .resolve("children"));

    /** Room for about 600 pids: a task with more children than that is not one a runner looks through. */
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[4096]);

    private ProcessChildren() {
    }

    /** The pids of {@code pid}'s children, in the kernel's order; empty when it has none or is gone. */
    public static List<Long> of(long pid) {
        if (!KERNEL_LISTS_CHILDREN) {
            return ProcessHandle.of(pid).map(handle -> handle.children().map(ProcessHandle::pid).toList())
                    .orElse(List.of());
        }
        List<Long> children = new ArrayList<>();
        Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                readInto(thread + "/children", children);
            }
        } catch (IOException e) {
            return List.of(); // gone, before or while being read: it has no children any more either
        }
        return children;
    }

    /**
     * The first child of a single-threaded process, read from its main thread's file alone: the wrappers a
     * runner looks through never start threads.
     */
    public static Optional<Long> firstOfSingleThreaded(long pid) {
        if (!KERNEL_LISTS_CHILDREN) {
            return ProcessHandle.of(pid).flatMap(handle -> handle.children().findFirst()).map(ProcessHandle::pid);
        }
        List<Long> children = new ArrayList<>(1);
        readInto("/proc/" + pid + "/task/" + pid + "/children", children);
        return children.isEmpty() ? Optional.empty() : Optional.of(children.get(0));
    }

    /** Every descendant of {@code pid}, breadth first, without {@code pid} itself. */
    public static List<ProcessHandle> descendants(long pid) {
        Set<Long> seen = new LinkedHashSet<>();
        Deque<Long> next = new ArrayDeque<>(of(pid));
        while (!next.isEmpty()) {
            long child = next.removeFirst();
            if (seen.add(child)) {
                next.addAll(of(child));
            }
        }
        List<ProcessHandle> handles = new ArrayList<>(seen.size());
        for (long child : seen) {
            ProcessHandle.of(child).ifPresent(handles::add);
        }
        return handles;
    }

    /**
     * Parses the file's space-separated pids into {@code children}. Read into a small buffer of this thread's:
     * {@code Files.readString} starts at 8 KiB for a file whose size the kernel gives as 0, and a runner polls
     * these files, so that came to gigabytes of garbage in a burst of launches.
     */
    private static void readInto(String file, List<Long> children) {
        byte[] buffer = BUFFER.get();
        int length = 0;
        try (FileInputStream in = new FileInputStream(file)) {
            int read;
            while (length < buffer.length && (read = in.read(buffer, length, buffer.length - length)) > 0) {
                length += read;
            }
        } catch (IOException e) {
            return; // gone: no children any more
        }
        long pid = -1;
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (b >= '0' && b <= '9') {
                pid = (pid < 0 ? 0 : pid * 10) + (b - '0');
            } else if (pid >= 0) {
                children.add(pid);
                pid = -1;
            }
        }
        if (pid >= 0) {
            children.add(pid);
        }
    }
}
