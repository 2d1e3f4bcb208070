package org.masthead.browser;

import java.util.ArrayList;
import java.util.List;
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
        Browser browser = Browser.start(port);
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
