package io.drover.server;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files replaced whole: written beside their place, given their permissions, then renamed over it, so a
 * reader (a child starting, another daemon loading the same copy) sees the old file or the new one, never half
 * of one, and a failed write leaves nothing behind.
 */
public final class FilesInPlace {

    private FilesInPlace() {
    }

    /**
     * @param permissions POSIX permissions such as {@code "rw-r--r--"}; null keeps a temporary file's
     *     (owner only)
     * @return {@code target}
     */
    public static Path replace(Path target, InputStream content, String permissions) throws IOException {
        Path part = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.copy(content, part, StandardCopyOption.REPLACE_EXISTING);
            if (permissions != null) {
                Files.setPosixFilePermissions(part, PosixFilePermissions.fromString(permissions));
            }
            return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** {@link #replace(Path, InputStream, String)} with a text. */
    public static Path replace(Path target, String text, String permissions) throws IOException {
        return replace(target, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), permissions);
    }
}
