package org.masthead.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the network away from a page's service workers, as DevTools' "Offline" does. ChromeDriver's
 * network conditions reach the page only: a service worker fetches through its own DevTools target, so
 * without this it would still reach the server while the page was "offline". Speaks the DevTools protocol
 * to the browser directly (raw JSON, so that no Chromium version is built in).
 */
final class ServiceWorkerNetwork implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> sessions = new ArrayList<>();

    private ServiceWorkerNetwork(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to the browser at the DevTools address ChromeDriver reports ({@code localhost:port}). */
    static ServiceWorkerNetwork connect(String debuggerAddress) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String version = http.send(
                            HttpRequest.newBuilder(URI.create("http://" + debuggerAddress + "/json/version"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            URI browser = URI.create(
                    JSON.readTree(version).get("webSocketDebuggerUrl").asString());
            Listener listener = new Listener();
            WebSocket socket =
                    http.newWebSocketBuilder().buildAsync(browser, listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            ServiceWorkerNetwork network = new ServiceWorkerNetwork(socket);
            listener.network = network;
            return network;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach the browser's DevTools at " + debuggerAddress, e);
        }
    }

    /** Cuts off (or gives back) the network of every service worker running now; returns how many. */
    int offline(boolean offline) {
        if (sessions.isEmpty()) {
            for (JsonNode target : call(null, "Target.getTargets", Map.of()).get("targetInfos")) {
                if ("service_worker".equals(target.get("type").asString())) {
                    sessions.add(call(
                                    null,
                                    "Target.attachToTarget",
                                    Map.of("targetId", target.get("targetId").asString(), "flatten", true))
                            .get("sessionId")
                            .asString());
                }
            }
        }
        for (String session : sessions) {
            call(session, "Network.enable", Map.of());
            call(
                    session,
                    "Network.emulateNetworkConditions",
                    Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
        return sessions.size();
    }

    private JsonNode call(String session, String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        try {
            JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        } catch (Exception e) {
            throw new IllegalStateException(method + " had no answer", e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private volatile ServiceWorkerNetwork network;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message = JSON.readTree(text.toString());
                text.setLength(0);
                if (message.has("id") && network != null) {
                    CompletableFuture<JsonNode> answer =
                            network.answers.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            }
            socket.request(1);
            return null;
        }
    }
}
