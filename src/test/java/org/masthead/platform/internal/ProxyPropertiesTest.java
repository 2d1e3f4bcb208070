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
    void addressesAndRangesAreTakenAsTomcatReadsThem() {
        assertThat(bind(
                                ProxyProperties.class,
                                "masthead",
                                "masthead.trusted-proxies=10.0.0.0/8, 192.0.2.7,2001:db8::/32")
                        .asCidrList())
                .isEqualTo("10.0.0.0/8,192.0.2.7/32,2001:db8::/32");
    }
}
