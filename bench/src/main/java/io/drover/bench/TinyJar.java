package io.drover.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A jar holding {@link TrivialMain} and nothing else, as a user's smallest program would be. */
final class TinyJar {

    static final String MAIN_CLASS = TrivialMain.class.getName();

    private TinyJar() {
    }

    static Path write(Path jar) {
        String entry = MAIN_CLASS.replace('.', '/') + ".class";
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
        try (InputStream in = TinyJar.class.getClassLoader().getResourceAsStream(entry);
                OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (in == null) {
                throw new IllegalStateException(entry + " is not on the class path");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
