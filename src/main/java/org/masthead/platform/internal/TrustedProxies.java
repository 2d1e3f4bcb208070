package org.masthead.platform.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-*} headers only from the proxies named in {@code
 * masthead.trusted-proxies}: from anyone else they would let a client choose the address that rate
 * limits count and the host and scheme the application sees.
 *
 * <p>The client is the nearest address in {@code X-Forwarded-For} that is not a trusted proxy, read from
 * the right, as each proxy appends the address it heard from: what a client wrote itself stands to the
 * left and is never taken over a proxy's word. {@code Forwarded} and the other headers some proxies send
 * are not read at all.
 *
 * <p>Runs after Spring Boot's customizer, which turns forwarded headers on when {@code
 * server.forward-headers-strategy} is {@code native} (the default) and would believe them from anyone;
 * this takes its place.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<JettyServletWebServerFactory>, Ordered {

    private static final Set<String> BELIEVED = Set.of(
            HttpHeader.X_FORWARDED_FOR.lowerCaseName(),
            HttpHeader.X_FORWARDED_PROTO.lowerCaseName(),
            HttpHeader.X_FORWARDED_HOST.lowerCaseName(),
            HttpHeader.X_FORWARDED_PORT.lowerCaseName());

    /** Literals only, so that reading one never asks DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final InetAddressSet trusted;

    TrustedProxies(ProxyProperties properties) {
        this.trusted = properties.asSet();
    }

    @Override
    public void customize(JettyServletWebServerFactory factory) {
        boolean wanted = factory.isUseForwardHeaders();
        factory.setUseForwardHeaders(false);
        if (!wanted || trusted.isEmpty()) {
            return;
        }
        factory.addServerCustomizers(server -> {
            for (var connector : server.getConnectors()) {
                HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null) {
                    http.getHttpConfiguration().addCustomizer(new Customizer(trusted));
                }
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private record Customizer(InetAddressSet trusted) implements HttpConfiguration.Customizer {

        private static final ForwardedRequestCustomizer FORWARDED = new ForwardedRequestCustomizer();

        @Override
        public Request customize(Request request, HttpFields.Mutable responseHeaders) {
            SocketAddress peer = request.getConnectionMetaData().getRemoteSocketAddress();
            if (!(peer instanceof InetSocketAddress address) || !trusted.test(address.getAddress())) {
                return request;
            }
            HttpFields.Mutable believed = HttpFields.build();
            for (HttpField field : request.getHeaders()) {
                String name = field.getLowerCaseName();
                if (!name.startsWith("x-forwarded-")
                        && !name.equals("forwarded")
                        && !name.startsWith("proxy-")
                        && !name.equals("x-proxied-https")) {
                    believed.add(field);
                } else if (BELIEVED.contains(name) && !name.equals("x-forwarded-for")) {
                    believed.put(
                            field.getHeader() == null ? name : field.getHeader().asString(), last(field));
                }
            }
            String client = client(request.getHeaders().getValuesList(HttpHeader.X_FORWARDED_FOR));
            if (client != null) {
                believed.put(HttpHeader.X_FORWARDED_FOR, client);
            }
            HttpFields view = believed.asImmutable();
            return FORWARDED.customize(
                    new Request.Wrapper(request) {
                        @Override
                        public HttpFields getHeaders() {
                            return view;
                        }
                    },
                    responseHeaders);
        }

        private @Nullable String client(List<String> headerLines) {
            List<String> hops = new ArrayList<>();
            for (String line : headerLines) {
                for (String hop : line.split(",")) {
                    hops.add(hop.strip());
                }
            }
            String nearest = null;
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = literal(hops.get(i));
                if (hop == null) {
                    return nearest;
                }
                nearest = hops.get(i);
                if (!trusted.test(hop)) {
                    return nearest;
                }
            }
            return nearest;
        }

        private static @Nullable InetAddress literal(String text) {
            if (!LITERAL.matcher(text).matches()) {
                return null;
            }
            try {
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                return null;
            }
        }

        private static String last(HttpField field) {
            String[] values = field.getValues();
            return values.length == 0 ? field.getValue() : values[values.length - 1].strip();
        }
    }
}
