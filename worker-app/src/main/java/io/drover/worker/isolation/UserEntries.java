package io.drover.worker.isolation;

import io.drover.server.FilesInPlace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code /etc/passwd} and {@code /etc/group} a child under {@code process} isolation sees: the host's, plus
 * an entry for its own uid ({@code drover-<uid>}, home its run directory) and its application's group. Its uid
 * has no entry on the host (the range is meant to be unused), and programs that ask who they are fail without
 * one: Hadoop's login in every Spark driver and executor stops with "Invalid UID, could not determine effective
 * user". The files are bind-mounted over {@code /etc} inside the child's own mount namespace (private, so the
 * host's files never change), as systemd's dynamic users get a name from {@code nss-systemd}.
 */
final class UserEntries {

    static final Path DEFAULT_DIR = Path.of("/run/drover/etc");

    private final Path mount;
    private final Path dir;
    private final Path hostPasswd;
    private final Path hostGroup;

    UserEntries(Path mount, Path dir, Path hostPasswd, Path hostGroup) {
        this.mount = mount;
        this.dir = dir;
        this.hostPasswd = hostPasswd;
        this.hostGroup = hostGroup;
    }

    static UserEntries forThisHost() {
        return new UserEntries(HostTools.find("mount").orElse(Path.of("/bin/mount")), DEFAULT_DIR,
                Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    /** util-linux's {@code mount}, which binds the files inside the child's namespace. */
    Path mount() {
        return mount;
    }

    static String userName(int uid) {
        return "drover-" + uid;
    }

    /** The two files for this uid and run, written afresh (the home is the run's directory); passwd first. */
    Path[] write(int uid, Integer groupId, Path home) throws IOException {
        Files.createDirectories(dir);
        String user = userName(uid);
        Path passwd = replace(dir.resolve(uid + ".passwd"), read(hostPasswd)
                + user + ":x:" + uid + ":" + uid + ":Drover job:" + home + ":/bin/sh\n");
        String groups = read(hostGroup) + user + ":x:" + uid + ":\n"
                + (groupId == null ? "" : "drover-app-" + groupId + ":x:" + groupId + ":" + user + "\n");
        Path group = replace(dir.resolve(uid + ".group"), groups);
        return new Path[] {passwd, group};
    }

    private static String read(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }

    /** Written beside and moved into place, so a child starting meanwhile never binds a half-written file. */
    private static Path replace(Path target, String content) throws IOException {
        return FilesInPlace.replace(target, content, "rw-r--r--");
    }
}
