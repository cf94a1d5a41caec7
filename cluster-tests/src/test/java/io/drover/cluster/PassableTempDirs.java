package io.drover.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Every {@code @TempDir} here (junit-platform.properties) is passable by other users, 0711: workers in these
 * tests run as root, so with process isolation, their default, each child runs under a uid of its own and
 * must get through the test's directory to its work directory (a worker refuses to start otherwise).
 */
public final class PassableTempDirs implements TempDirFactory {

    static final String MODE = "rwx--x--x";

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws Exception {
        return passable(Files.createTempDirectory("junit-"));
    }

    /** Makes a directory the tests created passable for children's uids; returns it. */
    static Path passable(Path dir) throws java.io.IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(MODE));
        return dir;
    }
}
