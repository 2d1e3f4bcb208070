package org.masthead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Pushpin proxy (Debian's {@code pushpin} package) in front of one node, configured from
 * {@code deploy/pushpin/pushpin.conf} as deploy/cluster.sh configures it. Close it when done.
 */
public final class Pushpin implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final int port;
    private final int publishPort;

    private Pushpin(Process process, Path directory, int port, int publishPort) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        this.publishPort = publishPort;
    }

    /** Starts Pushpin routing every request to the node on {@code nodePort}, and waits until it answers. */
    public static Pushpin inFrontOf(int nodePort) {
        try {
            Path directory = Path.of("target", "pushpin-" + UUID.randomUUID()).toAbsolutePath();
            Files.createDirectories(directory.resolve("run"));
            Files.createDirectories(directory.resolve("log"));
            int port = freePort();
            int publishPort = freePort();
            String config = Files.readString(Path.of("deploy", "pushpin", "pushpin.conf"));
            for (Map.Entry<String, String> value : Map.of(
                            "@HTTP_PORT@", String.valueOf(port),
                            "@PUBLISH_PORT@", String.valueOf(publishPort),
                            "@PUSH_PORT@", String.valueOf(freePort()),
                            "@SUBSCRIBE_PORT@", String.valueOf(freePort()),
                            "@COMMAND_PORT@", String.valueOf(freePort()),
                            "@SIG_KEY@", UUID.randomUUID().toString(),
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
            Pushpin pushpin = new Pushpin(process, directory, port, publishPort);
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
