package org.masthead.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a production node runs it: {@code deploy/prepare-node.sh} extracts it and trains its class
 * cache, and a node launched with the arguments it prints serves the site and takes the cache. Run by failsafe,
 * after the jar is packaged.
 */
class PreparedNodeJarTest {

    private static final Path JAR =
            Path.of("target", "masthead-0.1.0-SNAPSHOT.jar").toAbsolutePath();
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xmx384m");

    @TempDir
    Path temp;

    @Test
    void aNodeStartsFromThePreparedJarWithItsClassCacheAndThePreparationIsKeptForTheBuild() throws Exception {
        Path prepared = temp.resolve("prepared");
        String launch = prepare(prepared);
        List<String> launchArgs = List.of(launch.trim().split(" "));
        if (Runtime.version().feature() >= 25) {
            assertThat(launchArgs.getFirst()).startsWith("-XX:AOTCache=" + prepared);
            assertThat(Path.of(launchArgs.getFirst().substring("-XX:AOTCache=".length())))
                    .exists();
        }
        assertThat(launchArgs.get(launchArgs.size() - 2)).isEqualTo("-jar");

        // The same build again: found, not made again.
        assertThat(prepare(prepared)).isEqualTo(launch);
        try (var builds = Files.list(prepared)) {
            assertThat(builds).hasSize(1);
        }

        int port = freePort();
        Path log = temp.resolve("node.log");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(JVM_FLAGS);
        command.addAll(launchArgs);
        command.addAll(List.of(
                "--server.address=127.0.0.1",
                "--server.port=" + port,
                "--masthead.data-dir=" + temp.resolve("data"),
                "--masthead.demo-content=false"));
        Process node = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            assertThat(firstAnswer(node, "http://127.0.0.1:" + port + "/", log)).isEqualTo(200);
            assertThat(Files.readString(log)).as("the JVM took the class cache").doesNotContain("[error][aot]");
        } finally {
            node.destroy();
            if (!node.waitFor(60, TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        }
    }

    private String prepare(Path prepared) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of("bash", "deploy/prepare-node.sh", JAR.toString(), prepared.toString()));
        command.addAll(JVM_FLAGS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(temp.resolve("prepare.err").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("prepare-node.sh: %s", Files.readString(temp.resolve("prepare.err")))
                .isZero();
        return out.strip();
    }

    private static int firstAnswer(Process node, String url, Path log) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(node.isAlive())
                    .as("the node exited: %s", Files.readString(log))
                    .isTrue();
            try {
                return client.send(
                                HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the node did not answer within 3 minutes: " + Files.readString(log));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
