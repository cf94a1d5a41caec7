package io.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drover.client.DroverClient;
import io.drover.master.MasterApplication;
import io.drover.protocol.api.DriverView;
import io.drover.protocol.api.LogStream;
import io.drover.protocol.api.SubmitDriverRequest;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.state.DriverState;
import io.drover.protocol.state.WorkerState;
import io.drover.worker.WorkerApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A master and a worker that serve HTTPS with a self-signed certificate made for the test (JDK keytool), and
 * trust it through a Spring Boot SSL bundle when they call each other.
 */
class TlsClusterTest {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static final String PASSWORD = "drover-test";

    @TempDir
    static Path tmp;
    private static ConfigurableApplicationContext master;
    private static ConfigurableApplicationContext worker;
    private static DroverClient client;
    private static String masterUrl;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = tmp.resolve("server.p12");
        Path certificate = tmp.resolve("server.cer");
        Path truststore = tmp.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "drover", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "drover", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "drover", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD);
        List<String> tls = List.of(
                "--spring.ssl.bundle.jks.server.keystore.location=file:" + keystore,
                "--spring.ssl.bundle.jks.server.keystore.password=" + PASSWORD,
                "--spring.ssl.bundle.jks.server.keystore.type=PKCS12",
                "--spring.ssl.bundle.jks.trust.truststore.location=file:" + truststore,
                "--spring.ssl.bundle.jks.trust.truststore.password=" + PASSWORD,
                "--spring.ssl.bundle.jks.trust.truststore.type=PKCS12",
                "--server.ssl.bundle=server",
                "--drover.tls.trust-bundle=trust",
                "--drover.auth.secret=" + Credentials.SECRET);
        master = MasterApplication.builder().run(args(tls, "--server.port=0",
                "--drover.master.worker-timeout=3000ms", "--drover.master.data-dir=" + tmp.resolve("master-data")));
        masterUrl = "https://127.0.0.1:" + port(master);
        worker = WorkerApplication.builder().run(args(tls, "--server.port=0",
                "--drover.worker.master-urls=" + masterUrl, "--drover.worker.cores=2",
                "--drover.worker.memory-mb=1024", "--drover.worker.work-dir=" + tmp.resolve("work"),
                "--drover.worker.kill-grace=2s"));
        client = DroverClient.builder(masterUrl).sslContext(trusting(truststore)).bearerToken(Credentials.SECRET)
                .build();
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (master != null) {
            master.close();
        }
        NoProcessesLeft.assertNoneLeft();
    }

    @Test
    void aWorkerRegistersOverHttpsAndAdvertisesAnHttpsUrl() {
        await().atMost(LONG).until(() -> client.workers().stream().anyMatch(w -> w.state() == WorkerState.ALIVE));

        assertThat(client.cluster().url()).isEqualTo(masterUrl);
        assertThat(client.workers()).singleElement()
                .satisfies(w -> assertThat(w.url()).isEqualTo("https://127.0.0.1:" + port(worker)));
    }

    @Test
    void aDriverIsLaunchedOverHttpsAndItsLogComesBackThroughTheMaster() {
        await().atMost(LONG).until(() -> client.cluster().aliveWorkers() == 1);

        String driverId = client.submitDriver(new SubmitDriverRequest("tls", null,
                CommandSpec.executable("/bin/sh", List.of("-c", "echo over tls")), 1, 64L, false));

        DriverView done = client.awaitDriver(driverId, DriverState::isTerminal, LONG);
        assertThat(done.state()).isEqualTo(DriverState.FINISHED);
        assertThat(client.driverLog(driverId, LogStream.STDOUT, 0, 1024)).isEqualTo("over tls\n");
    }

    private static String[] args(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as("keytool " + arguments[0] + ": " + output).isZero();
    }

    private static SSLContext trusting(Path truststore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
