package io.drover.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Every {@code @TempDir} of this module (junit-platform.properties): like JUnit's own, but passable by other
 * users (0711). Under process isolation, the default when tests run as root, children run under uids of
 * their own and must get through the test's directory to their work directories, as through any real
 * work directory's parents; a worker refuses to start otherwise.
 */
public final class PassableTempDirs implements TempDirFactory {

    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws Exception {
        return Files.createTempDirectory("junit-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
    }
}
