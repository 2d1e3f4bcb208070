package org.masthead.platform.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies the proxies and load balancers in front of the site, as addresses or CIDR
 *     ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 192.0.2.7}): only a request that
 *     arrives from one of them has its {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and
 *     {@code -Port} believed. None by default: anyone could send those headers.
 */
@ConfigurationProperties("masthead")
record ProxyProperties(@DefaultValue List<String> trustedProxies) {

    /** Literals only: a host name would be looked up in DNS, and could name anyone tomorrow. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

    ProxyProperties {
        trustedProxies = trustedProxies.stream().map(String::strip).toList();
        for (String proxy : trustedProxies) {
            if (!ADDRESS.matcher(proxy).matches() || !readable(proxy)) {
                throw new IllegalArgumentException(
                        "masthead.trusted-proxies: " + proxy + " is not an IP address or CIDR range");
            }
        }
    }

    /** Checked as it will be read, so that a typo (a prefix longer than the address) stops the start. */
    private static boolean readable(String proxy) {
        try {
            new InetAddressSet().add(proxy);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The proxies as a set to test addresses against: a single address is a range of one. */
    InetAddressSet asSet() {
        InetAddressSet set = new InetAddressSet();
        set.addAll(trustedProxies);
        return set;
    }
}
