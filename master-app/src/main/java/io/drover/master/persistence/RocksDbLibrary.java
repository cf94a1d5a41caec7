package io.drover.master.persistence;

import io.drover.server.FilesInPlace;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads RocksDB's JNI library from a copy in the user's cache ({@code $XDG_CACHE_HOME/drover/native}, else
 * {@code ~/.cache/drover/native}, beside the scripts' class-data archives) instead of a new one in {@code /tmp}.
 * RocksDB's own loader writes the 17 MB library to {@code java.io.tmpdir} under a fresh name on every start and
 * deletes it only when the JVM exits cleanly, so each master that crashed or was killed left one behind. The
 * copy here is named by the library's checksum, made once per RocksDB build for every master of the user
 * (written aside, then renamed into place), and the copies of other builds are removed. Not in the data
 * directory: a master that refuses its state must leave that directory exactly as it was. Where the cache
 * cannot be used (no home, a {@code noexec} mount, a library not in the jar), RocksDB's own loader runs as before.
 */
final class RocksDbLibrary {

    private static final Logger log = LoggerFactory.getLogger(RocksDbLibrary.class);
    private static final String PREFIX = "rocksdb-";

    /** The library in RocksDB's jar. */
    private static final String RESOURCE = Environment.getJniLibraryFileName("rocksdb");

    /**
     * The name {@link RocksDB#loadLibrary(List)} looks for in a directory: it passes {@code "rocksdbjni"} where
     * the jar's own loader passes {@code "rocksdb"}, so the name it builds has "jni" twice.
     */
    static final String FILE = Environment.getJniLibraryFileName("rocksdbjni");

    private static boolean loaded;

    private RocksDbLibrary() {
    }

    /** Loads the library once per JVM, keeping its copy in the user's cache. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        Path nativeDir = cacheDir();
        try {
            Path dir = nativeDir == null ? null : keep(nativeDir);
            if (dir != null) {
                RocksDB.loadLibrary(List.of(dir.toString()));
                loaded = true;
                return;
            }
        } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
            log.info("RocksDB's library could not be kept in {} ({}); RocksDB extracts it to {} instead", nativeDir,
                    e.toString(), System.getProperty("java.io.tmpdir"));
        }
        RocksDB.loadLibrary();
        loaded = true;
    }

    /**
     * Makes sure this RocksDB's library is in a directory of its own under {@code nativeDir}, and no other
     * version's is.
     *
     * @return that directory, or null when the library is not among the class path's resources
     */
    static Path keep(Path nativeDir) throws IOException {
        URL resource = RocksDB.class.getClassLoader().getResource(RESOURCE);
        if (resource == null) {
            return null;
        }
        Path dir = nativeDir.resolve(PREFIX + version(resource));
        if (!Files.isRegularFile(dir.resolve(FILE))) {
            copy(resource, dir, FILE);
        }
        forgetOthers(nativeDir, dir);
        return dir;
    }

    /** The XDG cache directory's {@code drover/native}; null when there is no home to put it in. */
    private static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "drover", "native");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() || "?".equals(home) ? null : Path.of(home, ".cache", "drover", "native");
    }

    /** The jar entry's CRC where the jar says it (cheap), else its size: a new RocksDB gets a new directory. */
    private static String version(URL resource) throws IOException {
        URLConnection connection = resource.openConnection();
        if (connection instanceof JarURLConnection jar && jar.getJarEntry() != null && jar.getJarEntry().getCrc() >= 0) {
            return Long.toHexString(jar.getJarEntry().getCrc());
        }
        return Long.toString(connection.getContentLengthLong());
    }

    private static void copy(URL resource, Path dir, String file) throws IOException {
        Files.createDirectories(dir);
        try (InputStream in = resource.openStream()) {
            FilesInPlace.replace(dir.resolve(file), in, null);
        }
    }

    /** Best effort: a copy that cannot be removed (another user's, one in use elsewhere) is no reason not to load. */
    private static void forgetOthers(Path nativeDir, Path keep) {
        try (Stream<Path> dirs = Files.list(nativeDir)) {
            for (Path other : dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX) && !d.equals(keep))
                    .toList()) {
                deleteAll(other);
                Files.deleteIfExists(other);
            }
        } catch (IOException e) {
            log.debug("Could not remove other RocksDB builds' libraries from {}: {}", nativeDir, e.toString());
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
