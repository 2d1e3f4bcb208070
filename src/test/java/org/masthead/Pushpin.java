package org.masthead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Pushpin proxy (Debian's {@code pushpin} package) in front of one node, configured from
 * {@code deploy/pushpin/pushpin.conf} as deploy/cluster.sh configures it. Close it when done.
 */
public final class Pushpin implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final int port;
    private final int publishPort;
    private final String sigKey;

    private Pushpin(Process process, Path directory, int port, int publishPort, String sigKey) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.publishPort = publishPort;
        this.sigKey = sigKey;
    }

    /** Starts Pushpin routing every request to the node on {@code nodePort}, and waits until it answers. */
    public static Pushpin inFrontOf(int nodePort) {
        try {
            Path directory = Path.of("target", "pushpin-" + UUID.randomUUID()).toAbsolutePath();
            Files.createDirectories(directory.resolve("run"));
            Files.createDirectories(directory.resolve("log"));
            int port = freePort();
            int publishPort = freePort();
            String sigKey = UUID.randomUUID().toString();
            String config = Files.readString(Path.of("deploy", "pushpin", "pushpin.conf"));
            for (Map.Entry<String, String> value : Map.of(
                            "@HTTP_PORT@", String.valueOf(port),
                            "@PUBLISH_PORT@", String.valueOf(publishPort),
                            "@PUSH_PORT@", String.valueOf(freePort()),
                            "@SUBSCRIBE_PORT@", String.valueOf(freePort()),
                            "@COMMAND_PORT@", String.valueOf(freePort()),
                            "@SIG_KEY@", sigKey,
                            "@MAX_CONNECTIONS@", "1000",
                            "@MESSAGE_RATE@", "10000")
                    .entrySet()) {
                config = config.replace(value.getKey(), value.getValue());
            }
            Files.writeString(directory.resolve("pushpin.conf"), config);
            Files.writeString(directory.resolve("routes"), "* 127.0.0.1:" + nodePort + "\n");
            Process process = new ProcessBuilder("pushpin", "--config", "pushpin.conf", "--merge-output")
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("pushpin.log").toFile())
                    .start();
            Pushpin pushpin = new Pushpin(process, directory, port, publishPort, sigKey);
            pushpin.awaitListening(port);
            pushpin.awaitListening(publishPort);
            return pushpin;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Pushpin (apt-get install pushpin)", e);
        }
    }

    /** Where readers connect. */
    public int port() {
        return port;
    }

    /** What a node's {@code masthead.notifications.grip-sig-key} must be: the key Pushpin signs requests with. */
    public String sigKey() {
        return sigKey;
    }

    /**
     * A {@code Grip-Sig} as Pushpin sends it: a JSON Web Token signed (HS256) with its key, valid for an hour,
     * for a test that asks a node as the proxy would.
     */
    public String signature() {
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        String header =
                base64url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = base64url.encodeToString(
                ("{\"iss\":\"pushpin\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sigKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + base64url.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a node's {@code masthead.notifications.grip-publish-urls} names. */
    public String publishUrl() {
        return "http://127.0.0.1:" + publishPort;
    }

    private void awaitListening(int awaited) throws IOException {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", awaited), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() - giveUpAt > 0) {
                    close();
                    throw new IOException("Pushpin did not start; see " + directory.resolve("pushpin.log"));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Its runner stops the services it started.
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
