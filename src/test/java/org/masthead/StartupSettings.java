package org.masthead;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Settings bound from their text as a node binds them at start ({@code -1MB}, {@code -10m}, a
 * comma-separated list), so that a test sees what an operator who typed them would.
 */
public final class StartupSettings {

    private StartupSettings() {}

    /** The properties bound from settings such as {@code "masthead.page-cache.max-size=-1MB"}. */
    public static <T> T bind(Class<T> type, String prefix, String... settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            values.put(setting.substring(0, equals), setting.substring(equals + 1));
        }
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    /** What stops the start with these settings: the reason the node's start-up failure message gives. */
    public static AbstractThrowableAssert<?, ? extends Throwable> refusal(
            Class<?> type, String prefix, String... settings) {
        return assertThatThrownBy(() -> bind(type, prefix, settings)).rootCause();
    }
}
