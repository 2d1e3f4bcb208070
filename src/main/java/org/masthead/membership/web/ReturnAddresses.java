package org.masthead.membership.web;

import java.net.URI;
import org.masthead.platform.SiteProperties;
import org.springframework.stereotype.Component;

/**
 * Addresses on this site for a payment provider to send the reader back to. They start from the
 * configured public address, never from the host a request names: that is whatever the client, or a
 * proxy, chose to send.
 */
@Component
class ReturnAddresses {

    private final SiteProperties site;

    ReturnAddresses(SiteProperties site) {
        this.site = site;
    }

    /** @param path a path on this site, with its query if any */
    URI of(String path) {
        return URI.create(site.origin() + path);
    }
}
