package io.drover.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The benchmarks' work root: a fresh temporary directory other users may pass through. */
final class BenchWorkDir {

    private BenchWorkDir() {
    }

    /**
     * 0711, not the JDK's 0700: a worker running as root isolates its children under uids of their own, and
     * they must get through this directory to theirs (the worker refuses to start otherwise).
     */
    static Path create() throws IOException {
        return Files.createTempDirectory("drover-bench",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    }
}
