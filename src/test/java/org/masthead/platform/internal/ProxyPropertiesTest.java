package org.masthead.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masthead.StartupSettings.bind;
import static org.masthead.StartupSettings.refusal;

import org.junit.jupiter.api.Test;

class ProxyPropertiesTest {

    @Test
    void aPrefixLongerThanTheAddressIsRefusedAtStartNamingTheSettingAndTheValue() {
        refusal(ProxyProperties.class, "masthead", "masthead.trusted-proxies=10.0.0.0/99")
                .hasMessage("masthead.trusted-proxies: 10.0.0.0/99 is not an IP address or CIDR range");
        refusal(ProxyProperties.class, "masthead", "masthead.trusted-proxies=192.0.2.7,2001:db8::/200")
                .hasMessage("masthead.trusted-proxies: 2001:db8::/200 is not an IP address or CIDR range");
    }

    @Test
    void aHostNameIsRefusedAtStart() {
        refusal(ProxyProperties.class, "masthead", "masthead.trusted-proxies=proxy.example.org")
                .hasMessage("masthead.trusted-proxies: proxy.example.org is not an IP address or CIDR range");
    }

    @Test
    void addressesAndRangesAreMatchedAsRanges() throws Exception {
        var trusted = bind(
                        ProxyProperties.class,
                        "masthead",
                        "masthead.trusted-proxies=10.0.0.0/8, 192.0.2.7,2001:db8::/32")
                .asSet();

        assertThat(trusted.test(java.net.InetAddress.getByName("10.200.3.4"))).isTrue();
        assertThat(trusted.test(java.net.InetAddress.getByName("192.0.2.7"))).isTrue();
        assertThat(trusted.test(java.net.InetAddress.getByName("192.0.2.8"))).isFalse();
        assertThat(trusted.test(java.net.InetAddress.getByName("2001:db8::1"))).isTrue();
        assertThat(trusted.test(java.net.InetAddress.getByName("11.0.0.1"))).isFalse();
    }
}
