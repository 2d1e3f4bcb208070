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
import java.util.function.BiConsumer;
import org.openqa.selenium.chromium.ChromiumDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A connection of its own to the browser's DevTools, for what ChromeDriver does not reach: a service
 * worker's network, or answering a page's requests in its place. Speaks the protocol as raw JSON, so that
 * no Chromium version is built in.
 */
final class DevTools implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<String, JsonNode>> handlers = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to the browser that ChromeDriver drives. */
    static DevTools of(Browser browser) {
        Map<?, ?> options = (Map<?, ?>)
                ((ChromiumDriver) browser.driver()).getCapabilities().getCapability("goog:chromeOptions");
        String debuggerAddress = (String) options.get("debuggerAddress");
        try {
            HttpClient http = HttpClient.newHttpClient();
            String version = http.send(
                            HttpRequest.newBuilder(URI.create("http://" + debuggerAddress + "/json/version"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            URI endpoint = URI.create(
                    JSON.readTree(version).get("webSocketDebuggerUrl").asString());
            Listener listener = new Listener();
            WebSocket socket =
                    http.newWebSocketBuilder().buildAsync(endpoint, listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            DevTools devTools = new DevTools(socket);
            listener.devTools = devTools;
            return devTools;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot reach the browser's DevTools at " + debuggerAddress, e);
        }
    }

    /** Attaches to every target of this type open now (page, service_worker); their sessions. */
    List<String> attachAll(String type) {
        List<String> sessions = new ArrayList<>();
        for (JsonNode target : call(null, "Target.getTargets", Map.of()).get("targetInfos")) {
            if (type.equals(target.get("type").asString())) {
                sessions.add(call(
                                null,
                                "Target.attachToTarget",
                                Map.of("targetId", target.get("targetId").asString(), "flatten", true))
                        .get("sessionId")
                        .asString());
            }
        }
        return sessions;
    }

    /** Sends a command and waits for its result. Not from an event handler, which would wait on itself. */
    JsonNode call(String session, String method, Map<String, Object> params) {
        CompletableFuture<JsonNode> answer = send(session, method, params);
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

    /** Sends a command without waiting for its result, as an event handler must. */
    CompletableFuture<JsonNode> send(String session, String method, Map<String, Object> params) {
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
        return answer;
    }

    /** Calls the handler with the session and parameters of each such event, such as Fetch.requestPaused. */
    void on(String event, BiConsumer<String, JsonNode> handler) {
        handlers.put(event, handler);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private volatile DevTools devTools;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last && devTools != null) {
                JsonNode message = JSON.readTree(text.toString());
                text.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer =
                            devTools.answers.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else if (message.has("method")) {
                    BiConsumer<String, JsonNode> handler =
                            devTools.handlers.get(message.get("method").asString());
                    if (handler != null) {
                        handler.accept(
                                message.has("sessionId")
                                        ? message.get("sessionId").asString()
                                        : null,
                                message.get("params"));
                    }
                }
            } else if (last) {
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
