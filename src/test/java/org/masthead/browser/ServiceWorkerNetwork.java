package org.masthead.browser;

import java.util.List;
import java.util.Map;

/**
 * Takes the network away from a page's service workers, as DevTools' "Offline" does. ChromeDriver's
 * network conditions reach the page only: a service worker fetches through its own DevTools target, so
 * without this it would still reach the server while the page was "offline".
 */
final class ServiceWorkerNetwork implements AutoCloseable {

    private final DevTools devTools;
    private List<String> sessions = List.of();

    private ServiceWorkerNetwork(DevTools devTools) {
        this.devTools = devTools;
    }

    static ServiceWorkerNetwork of(Browser browser) {
        return new ServiceWorkerNetwork(DevTools.of(browser));
    }

    /** Cuts off (or gives back) the network of every service worker running now; returns how many. */
    int offline(boolean offline) {
        if (sessions.isEmpty()) {
            sessions = devTools.attachAll("service_worker");
        }
        for (String session : sessions) {
            devTools.call(session, "Network.enable", Map.of());
            devTools.call(
                    session,
                    "Network.emulateNetworkConditions",
                    Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        }
        return sessions.size();
    }

    @Override
    public void close() {
        devTools.close();
    }
}
