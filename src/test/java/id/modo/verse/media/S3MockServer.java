package id.modo.verse.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Adobe's S3Mock, a real S3 API server, started once per test JVM as its own process from the jar
 * that Maven copies to {@code target/s3mock} (its Spring Boot would clash with ours in one JVM). It
 * needs Java 25: the running JDK if it is one, else {@code /usr/lib/jvm/temurin-25-jdk-amd64}.
 * Without the jar or a JDK 25 the S3 tests are skipped with the reason, unless
 * {@code MODO_REQUIRE_S3MOCK=1}, which makes that a failure.
 */
public final class S3MockServer {

    static final String BUCKET = "modo-test";
    private static S3MockServer running;

    private final Process process;
    final URI endpoint;

    private S3MockServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /**
     * Points a test's application at this server: {@code MODO_MEDIA_STORAGE=s3} with every S3 setting, for a
     * test class's {@code @DynamicPropertySource} method. Skips the test class when there is no server to start.
     */
    public static void useFor(DynamicPropertyRegistry registry) {
        S3MockServer server = get();
        registry.add("modo.media.storage", () -> "s3");
        registry.add("modo.media.s3.bucket", () -> BUCKET);
        registry.add("modo.media.s3.endpoint", () -> server.endpoint.toString());
        registry.add("modo.media.s3.region", () -> "eu-central-1");
        registry.add("modo.media.s3.access-key", () -> "test-access");
        registry.add("modo.media.s3.secret-key", () -> "test-secret");
        registry.add("modo.media.s3.path-style", () -> "true");
    }

    static synchronized S3MockServer get() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static S3MockServer start() {
        Path jar = Path.of("target", "s3mock", "s3mock-exec.jar").toAbsolutePath();
        Path java = java25();
        if (!Files.isRegularFile(jar) || java == null) {
            String reason = !Files.isRegularFile(jar) ? "no S3Mock jar at " + jar + " (run through Maven)" : "no Java 25 to run S3Mock";
            if ("1".equals(System.getenv("MODO_REQUIRE_S3MOCK"))) {
                throw new IllegalStateException(reason);
            }
            System.out.println("Skipping S3 tests: " + reason);
            Assumptions.assumeTrue(false, reason);
        }
        try {
            int http = freePort();
            int https = freePort();
            Path root = Files.createTempDirectory("s3mock");
            Path log = root.resolveSibling(root.getFileName() + ".log");
            Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-jar", jar.toString(),
                    "--http.port=" + http, "--server.port=" + https,
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.max-payload-size=64MB"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
                }
                try (Socket ignored = new Socket("localhost", http)) {
                    return new S3MockServer(process, URI.create("http://localhost:" + http));
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            process.destroy();
            throw new IllegalStateException("S3Mock did not start within 90 s: " + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path java25() {
        if (Runtime.version().feature() >= 25) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Path temurin = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        return Files.isExecutable(temurin) ? temurin : null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    MediaProperties.S3 settings() {
        return new MediaProperties.S3(BUCKET, endpoint, "us-east-1", "test-access", "test-secret", true);
    }

    boolean alive() {
        return process.isAlive();
    }
}
