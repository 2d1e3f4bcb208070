package org.masthead.platform;

/**
 * The Content-Security-Policy every page is sent. No inline script or style, nothing from other
 * hosts, no framing by others: pages are ours alone. Images may be data URLs for small inline icons.
 * Forms may lead on to Stripe's Checkout and customer portal: browsers apply form-action to where a
 * form's answer redirects, too. Frames come from this site (the newsroom's previews, the admin
 * mailbox) and the two video players an article's embed loads when its reader asks.
 */
public final class ContentSecurityPolicy {

    public static final String PAGES = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; "
            + "form-action 'self' https://checkout.stripe.com https://billing.stripe.com; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /**
     * The same for a page this site shows inside its own pages, such as a preview in the newsroom.
     * Browsers obey frame-ancestors over the X-Frame-Options: DENY that every response carries.
     */
    public static final String FRAMED_BY_THIS_SITE = PAGES.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

    private ContentSecurityPolicy() {}
}
