package org.masthead.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Counts requests against {@link RateLimit}s, per key, in a store that every app node shares: a
 * limit holds however many nodes the requests are spread over.
 *
 * <p>Most limits are applied to whole routes before they reach any handler (see {@link
 * RateLimitedRoutes}); a service may also ask here directly before doing something costly. Such a
 * service declares its limit as a bean of type {@link RateLimit} too, so that the {@code
 * masthead.rate-limits} properties are checked against it. It asks outside any transaction: the
 * buckets are read through a connection of their own.
 */
public interface RateLimits {

    /** Takes one request from the key's allowance under this limit, if any is left. */
    Outcome tryConsume(RateLimit limit, String key);

    /** Returns one request to the key's allowance, as when it turned out not to count. */
    void giveBack(RateLimit limit, String key);

    /**
     * The key of a client address as {@code request.getRemoteAddr()} gives it (behind a proxy, the
     * address it forwarded). An IPv6 client is keyed by its /64 network: one household or server is
     * handed a whole /64 and can pick a fresh address from it for every request.
     */
    static String addressKey(String address) {
        // Only a literal with a colon is parsed: getByName would look any other name up in DNS.
        try {
            if (address.indexOf(':') >= 0 && InetAddress.getByName(address) instanceof Inet6Address ipv6) {
                byte[] network = Arrays.copyOf(ipv6.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return "ip:" + InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
        } catch (UnknownHostException e) {
            // Not an address literal after all; count it as written.
        }
        return "ip:" + address;
    }

    /** The key of an account by its e-mail address, whatever case it was typed in. */
    static String emailKey(String email) {
        return "email:" + email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * @param retryAfter how long until the next request would be allowed; zero when this one was
     */
    record Outcome(boolean allowed, Duration retryAfter) {

        public static final Outcome ALLOWED = new Outcome(true, Duration.ZERO);

        public static Outcome refused(Duration retryAfter) {
            return new Outcome(false, retryAfter);
        }

        /** For the {@code Retry-After} header: whole seconds, rounded up, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds() + (retryAfter.getNano() > 0 ? 1 : 0));
        }
    }
}
