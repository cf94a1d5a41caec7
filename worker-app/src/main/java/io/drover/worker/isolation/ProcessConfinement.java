package io.drover.worker.isolation;

import io.drover.worker.support.ProcessChildren;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One child under {@code process} isolation. A start runs this chain, each step {@code exec}ing the next:
 * <pre>
 * setpriv --pdeathsig KILL            dies with the worker's launcher thread (a SIGKILLed worker included)
 *  sh -c JOIN dir uid gid procs… --   as root: hands the directory to the uid, joins the run's cgroups
 *   unshare --pid --fork --kill-child --mount --mount-proc
 *                                     new PID and mount namespaces, a fresh /proc; when unshare dies its
 *                                     child, PID 1 there, is SIGKILLed, and with it the whole namespace
 *    sh -c INIT                       PID 1, still root: runs the next step as its child, passes SIGTERM on,
 *                                     exits with its status
 *     setpriv --reuid --regid --clear-groups|--groups --inh-caps=-all --bounding-set=-all --no-new-privs
 *      the program                    as the child's uid, with no capabilities and no way to gain any
 * </pre>
 * The parent-death signal survives each {@code exec} as long as the credentials stay the same, so the worker
 * dying kills unshare, which kills PID 1 of the namespace, which takes every process in it: double-forked
 * ones cannot leave a PID namespace. PID 1 is ours, not the program: a program that drops its uid loses
 * its parent-death signal, and one that is PID 1 could clear it itself; nor does PID 1 get a SIGTERM it has
 * no handler for, which INIT has.
 */
final class ProcessConfinement implements Confinement {

    /** Run by {@code /bin/sh -c} as root; its arguments: dir uid gid procs-file… -- command…. */
    static final String JOIN = "d=$1; u=$2; g=$3; shift 3; chown \"$u:$g\" \"$d\" && chmod 700 \"$d\" || exit 125; "
            + "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"";

    /**
     * PID 1 of the namespace, run by {@code /bin/sh -c} as root: {@code "$@"} is the privilege-dropping step.
     * Waits again after a trapped signal until the program is really gone, then exits with its status.
     */
    static final String INIT = "\"$@\" & c=$!; trap 'kill -TERM $c 2>/dev/null' TERM INT HUP; "
            + "while :; do wait $c; s=$?; kill -0 $c 2>/dev/null || exit $s; done";

    /**
     * Run by INIT as its child, still root: binds the child's own passwd and group files ({@link UserEntries})
     * over {@code /etc}, then becomes the program. Its arguments are {@code mount}, those two files, then the
     * privilege-dropping step. The mount namespace is private (unshare's default propagation), so the host never
     * sees them; and INIT's only child is this process, whose pid the program keeps through its execs.
     */
    static final String NAMES = "\"$1\" --bind \"$2\" /etc/passwd && \"$1\" --bind \"$3\" /etc/group || exit 125; "
            + "shift 3; exec \"$@\"";

    private static final Logger log = LoggerFactory.getLogger(ProcessConfinement.class);

    private final ProcessSandbox sandbox;
    private final String name;
    private final int uid;
    private final Integer groupId;
    private final Limits limits;
    private Path dir;
    private Cgroups.Child run;
    private int runs;
    private boolean closed;

    ProcessConfinement(ProcessSandbox sandbox, String name, int uid, Integer groupId, Limits limits) {
        this.sandbox = sandbox;
        this.name = name;
        this.uid = uid;
        this.groupId = groupId;
        this.limits = limits;
    }

    @Override
    public synchronized List<String> prepare(Path dir, List<Path> logs, List<String> argv) throws IOException {
        this.dir = dir;
        reclaim(dir);
        for (Path logFile : logs) {
            plainFile(logFile);
        }
        runs++;
        run = sandbox.cgroups().acquire(limits);
        log.debug("Run {} of {} uses cgroup {}", runs, name, run.procsFiles());
        List<String> command = new ArrayList<>(List.of(sandbox.setpriv().toString(), "--pdeathsig", "KILL", "--",
                HostTools.SHELL, "-c", JOIN, "drover-launch", dir.toString(), Integer.toString(uid),
                Integer.toString(uid)));
        run.procsFiles().forEach(file -> command.add(file.toString()));
        Path[] names = sandbox.userEntries().write(uid, groupId, dir);
        command.addAll(List.of("--", sandbox.unshare().toString(), "--pid", "--fork", "--kill-child", "--mount",
                "--mount-proc", "--", HostTools.SHELL, "-c", INIT, "drover-init", HostTools.SHELL, "-c", NAMES,
                "drover-names", sandbox.userEntries().mount().toString(), names[0].toString(), names[1].toString(),
                sandbox.setpriv().toString(), "--reuid=" + uid, "--regid=" + uid));
        command.add(groupId == null ? "--clear-groups" : "--groups=" + groupId);
        command.addAll(List.of("--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"));
        command.addAll(argv);
        return command;
    }

    @Override
    public Long mainPid(ProcessHandle started) {
        return programOf(started);
    }

    /** unshare's child is INIT, whose child is the program: null until both are there. */
    static Long programOf(ProcessHandle unshare) {
        return ProcessChildren.firstOfSingleThreaded(unshare.pid()).flatMap(ProcessChildren::firstOfSingleThreaded)
                .orElse(null);
    }

    @Override
    public void killAll() {
        Cgroups.Child current;
        synchronized (this) {
            current = run;
        }
        if (current != null) {
            current.killAll();
        }
    }

    @Override
    public Optional<String> runEnded() {
        Cgroups.Child ended;
        synchronized (this) {
            ended = run;
            run = null;
        }
        if (ended == null) {
            return Optional.empty();
        }
        long oomKills = ended.oomKills();
        ended.remove();
        return oomKills == 0 ? Optional.empty() : Optional.of("killed by the kernel: it used more than its "
                + limits.memoryMb() + " MiB of memory (memoryMb)");
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        runEnded();
        if (dir != null) {
            try {
                reclaim(dir); // the uid may go to another child: it must not find this one's files open to it
            } catch (IOException e) {
                log.warn("Could not take {} back from uid {}: {}", dir, uid, e.getMessage());
            }
        }
        sandbox.ids().release(uid);
    }

    /** Owner root, mode 0700, the directory itself only: no process of the uid is alive to race with. */
    private static void reclaim(Path dir) throws IOException {
        Files.setAttribute(dir, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(dir, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(dir, "unix:mode", 0700, LinkOption.NOFOLLOW_LINKS);
    }

    /** A log must be a plain file of the worker's: a link or anything else the child put there is removed. */
    private static void plainFile(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                Files.delete(file);
            }
        }
    }
}
