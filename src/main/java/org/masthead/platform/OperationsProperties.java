package org.masthead.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param metricsToken the bearer token Prometheus must send to scrape {@code /actuator/prometheus};
 *     when empty, metrics are not served at all
 */
@ConfigurationProperties("masthead")
public record OperationsProperties(@DefaultValue("") String metricsToken) {}
