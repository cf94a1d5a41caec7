package io.drover.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: README's test command, {@code bin/drover-test}, on a machine without the browser packages. The
 * real script runs in a copy of the project whose {@code ./mvnw} only records its arguments, with a PATH
 * that holds the JDK and the few tools it needs but no {@code chromium}, {@code chromedriver} or
 * {@code sudo}. Without root it must explain what to install and stop; as root it must install them,
 * which a stub {@code apt-get} records instead of doing.
 */
class DroverTestScriptTest {

    private static final Path SCRIPT = Path.of("..", "bin", "drover-test").toAbsolutePath().normalize();
    private static final int NOBODY = 65534;

    @TempDir
    Path tmp;
    private Path project;
    private Path tools;

    @BeforeEach
    void lay() throws IOException {
        project = Files.createDirectories(tmp.resolve("project/bin"));
        Files.copy(SCRIPT, project.resolve("drover-test"));
        project = project.getParent();
        executable(project.resolve("mvnw"), "#!/bin/bash\necho \"$*\" > \"$(dirname \"$0\")/mvnw-ran\"\n");
        tools = Files.createDirectories(tmp.resolve("tools"));
        Path jdk = Path.of(System.getProperty("java.home"), "bin");
        Files.createSymbolicLink(tools.resolve("java"), jdk.resolve("java"));
        Files.createSymbolicLink(tools.resolve("javac"), jdk.resolve("javac"));
        for (String tool : List.of("bash", "id", "sed", "dirname", "readlink", "ls", "sort", "cat", "ps", "curl")) {
            Path real = which(tool);
            if (real != null) {
                Files.createSymbolicLink(tools.resolve(tool), real);
            }
        }
        // A user without root must be able to read the copy and run the tools.
        for (Path dir : List.of(tmp, tmp.resolve("project"), project.resolve("bin"), tools)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Files.setPosixFilePermissions(project.resolve("bin/drover-test"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void withoutRootOrSudoItNamesTheBrowserPackagesAndRunsNothing() throws Exception {
        Run run = runScript(false);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("apt-get update && apt-get install -y")
                .containsPattern("install -y .*chromium chromium-driver")
                .contains("Nothing was run");
        assertThat(project.resolve("mvnw-ran")).doesNotExist();
    }

    @Test
    void asRootItInstallsTheBrowserPackagesThenRunsTheSuite() throws Exception {
        assumeTrue(isRoot(), "installing needs root (CI runs as root)");
        Path aptLog = tmp.resolve("apt-get.log");
        executable(tools.resolve("apt-get"), "#!/bin/bash\necho \"$*\" >> " + aptLog + "\n");

        Run run = runScript(true);

        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> apt = Files.readAllLines(aptLog);
        assertThat(apt).hasSize(2);
        assertThat(apt.get(0)).isEqualTo("update");
        assertThat(apt.get(1)).startsWith("install -y").endsWith("chromium chromium-driver");
        assertThat(Files.readString(project.resolve("mvnw-ran")).strip())
                .isEqualTo("-B verify -pl client -Dtest=Nothing");
    }

    @Test
    void helpSaysWhatItInstallsAndRunsNothing() throws Exception {
        Process process = new ProcessBuilder("/bin/bash", project.resolve("bin/drover-test").toString(), "--help")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(output).contains("chromium, chromium-driver", "./mvnw -B verify");
        assertThat(project.resolve("mvnw-ran")).doesNotExist();
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs the copy with the tools directory as the whole PATH, as root or as nobody. */
    private Run runScript(boolean asRoot) throws Exception {
        List<String> command = new ArrayList<>();
        if (!asRoot && isRoot()) {
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.addAll(List.of(tools.resolve("bash").toString(), project.resolve("bin/drover-test").toString(),
                "-pl", "client", "-Dtest=Nothing"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(tmp.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", tools.toString());
        builder.environment().put("HOME", tmp.toString());
        builder.environment().put("CI", "true");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").start();
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().equals("0");
    }

    private static Path which(String tool) {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
