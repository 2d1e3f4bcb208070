package org.masthead.platform.internal;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-*} headers only from the proxies named in {@code
 * masthead.trusted-proxies}. Tomcat's own default trusts every private and loopback address, so
 * that anyone on the same network, or any other container on the same host, could choose the client
 * address that rate limits count and the host and scheme the application sees.
 *
 * <p>Runs after Spring Boot's customizer, which adds the valve when {@code
 * server.forward-headers-strategy} is {@code native}, and replaces what it trusts.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ProxyProperties properties;

    TrustedProxies(ProxyProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        for (Valve valve : factory.getEngineValves()) {
            if (valve instanceof RemoteIpValve remoteIp) {
                // An empty list trusts no one; CIDR ranges are matched as ranges, not as patterns.
                remoteIp.setInternalProxies(properties.asCidrList());
                remoteIp.setTrustedProxies(null);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
