package io.drover.cluster;

import io.drover.examples.PiDriver;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the self-contained examples jar is, to hand to a worker as a driver's appResource. */
final class ExampleJar {

    private ExampleJar() {
    }

    static Path path() {
        try {
            Path location = Path.of(PiDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (location.toString().endsWith(".jar")) {
                return location;
            }
            // Inside a reactor build that stopped before `package`, the dependency is examples/target/classes.
            Path jar = location.getParent().resolve("examples-0.1.0-SNAPSHOT.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            throw new IllegalStateException("the examples jar is not built; run ./mvnw -pl examples package");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
