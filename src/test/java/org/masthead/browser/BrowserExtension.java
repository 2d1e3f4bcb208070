package org.masthead.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives each {@link Browser} parameter of a test its own fresh browser against the application's
 * random port, and quits them all when the test ends. A test that wants two readers at once asks
 * for two: {@code void readersSeeTheSameStory(Browser alice, Browser bob)}. When a test fails, each
 * of its browsers saves what it was showing to {@code target/screenshots/failed-...png}.
 *
 * <p>Chromium takes a second or two to start, so while a test uses its browser the next one is
 * started in the background: each test still gets a browser no page has been opened in.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Browser resolveParameter(ParameterContext parameter, ExtensionContext context) {
        int port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        Browser browser = Browser.on(
                port,
                context.getRoot()
                        .getStore(NAMESPACE)
                        .computeIfAbsent(Spare.class)
                        .take());
        browsers(context).add(browser);
        return browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        List<Browser> open = browsers(context).all;
        for (int i = 0; i < open.size(); i++) {
            try {
                open.get(i)
                        .screenshotAsIs(
                                "failed-" + context.getRequiredTestMethod().getName() + "-" + (i + 1));
            } catch (RuntimeException e) {
                // The failure itself matters more than a picture of it.
            }
        }
    }

    // Kept in the test method's store, which JUnit closes, and so quits every browser, when the test is over.
    private static OpenBrowsers browsers(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent(OpenBrowsers.class);
    }

    /** The next Chromium, starting; kept in the root store, which JUnit closes when all tests are done. */
    static final class Spare implements AutoCloseable {

        private final ExecutorService launcher = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("spare-chromium").daemon().factory());
        private Future<Chromium> next;

        synchronized Chromium take() {
            Future<Chromium> taken = next == null ? launcher.submit(Chromium::launch) : next;
            next = launcher.submit(Chromium::launch);
            try {
                return taken.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Chromium did not start", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Chromium started", e);
            }
        }

        @Override
        public synchronized void close() throws Exception {
            launcher.shutdown();
            if (next != null) {
                next.get().close();
            }
        }
    }

    static final class OpenBrowsers implements AutoCloseable {

        private final List<Browser> all = new ArrayList<>();

        void add(Browser browser) {
            all.add(browser);
        }

        @Override
        public void close() {
            RuntimeException failure = null;
            for (Browser browser : all) {
                try {
                    browser.close();
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
