package org.masthead.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a request may send (see {@link RequestInputFilter}). Uploads have their own limits, {@code
 * spring.servlet.multipart.max-file-size} and {@code max-request-size}.
 *
 * @param maxBodySize the largest body of any other request: a form, a JSON request
 * @param maxWebhookBodySize the largest body a payment provider may send to {@code /webhooks/}
 */
@ConfigurationProperties("masthead.web")
record WebInputProperties(
        @DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("1MB") DataSize maxWebhookBodySize) {

    WebInputProperties {
        if (maxBodySize.toBytes() < 1 || maxWebhookBodySize.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "masthead.web.max-body-size and masthead.web.max-webhook-body-size must be at least 1 byte");
        }
        if (maxBodySize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("masthead.web.max-body-size must be under 2 GB");
        }
    }

    /** The limit, in bytes, of a body sent to this path. */
    long forPath(String path) {
        return path.startsWith("/webhooks/") ? maxWebhookBodySize.toBytes() : maxBodySize.toBytes();
    }
}
