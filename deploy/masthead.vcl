# Varnish in front of Masthead's app nodes (Varnish 7, with xkey from Debian's varnish-modules).
#
# - Caches what the app marks public (Cache-Control: public, s-maxage), for s-maxage; serves it stale for
#   stale-while-revalidate while fetching a fresh copy, and for stale-if-error while no node is healthy.
# - Never caches a response that sets a cookie or is not public: personal fragments (/me), API answers,
#   staff pages, anything that depends on a session. Live streams (/live) pass straight through, to the
#   "live" director: Pushpin when it holds them, otherwise the nodes.
# - A read (GET or HEAD) that a node fails to answer (refused, reset, timed out, or a 502-504 without
#   Retry-After) is tried again on another node, twice at most, so a node that dies or stops costs readers nothing while its probe catches up.
#   When no node can answer and no stale copy is held, readers get the paper's own short "back shortly" page
#   with Retry-After, never Varnish's error page.
# - Strips tracking parameters, normalises Accept-Encoding.
# - Drops pages by surrogate key: the app sends PURGE with the keys in xkey-purge (masthead.cache.purge-urls),
#   "*" for every page; each page's keys come from its Surrogate-Key header.
#
# The nodes are in nodes.vcl, which deploy/cluster.sh writes; any file defining backends and adding them to
# the "nodes" and "live" directors does as well.
vcl 4.1;

import directors;
import std;
import xkey;

# Who may purge: the app nodes. Widen it to their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

probe masthead_health {
    .request = "GET /actuator/health HTTP/1.1"
               "Host: localhost"
               "Connection: close";
    .expected_response = 200;
    .interval = 1s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}

sub vcl_init {
    new nodes = directors.round_robin();
    new live = directors.round_robin();
}

include "nodes.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Not allowed"));
        }
        if (req.http.xkey-purge == "*") {
            ban("obj.status != 0");
            return (synth(200, "Banned every page"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone));
    }
    set req.backend_hint = nodes.backend();
    # Serve stale pages for stale-while-revalidate's time while nodes are healthy; all the grace a page
    # has (its stale-if-error) when none is.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10m;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/live(\?|$)") {
        set req.backend_hint = live.backend();
        return (pass);
    }
    if (req.url ~ "^/live" || req.http.Authorization) {
        return (pass);
    }
    # Tracking parameters change nothing on a page: one cached copy for all of them.
    set req.url = regsuball(req.url, "([?&])(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga)=[^&]*", "\1");
    set req.url = regsuball(req.url, "&{2,}", "&");
    set req.url = regsub(req.url, "\?&", "?");
    set req.url = regsub(req.url, "[?&]+$", "");
    if (req.http.Accept-Encoding) {
        if (req.http.Accept-Encoding ~ "gzip") {
            set req.http.Accept-Encoding = "gzip";
        } else {
            unset req.http.Accept-Encoding;
        }
    }
    # Public pages are the same for every reader, signed in or not (personal parts come from /me), so a
    # cookie does not stop a lookup; what a response that depends on one says is never stored (below).
    return (hash);
}

sub vcl_backend_fetch {
    # A retry asks the director again: round robin gives the next node, and skips those its probe marks sick.
    if (bereq.retries > 0) {
        if (bereq.url ~ "^/live(\?|$)") {
            set bereq.backend = live.backend();
        } else {
            set bereq.backend = nodes.backend();
        }
    }
}

sub vcl_backend_response {
    if (beresp.status >= 502 && beresp.status <= 504) {
        # A refresh in the background that fails keeps the stale copy readers are being served.
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        # Not an answer that asks to come back later (a node's own 503 when it is too busy): sending it to
        # the others at once would only add to their load.
        if (bereq.method ~ "^(GET|HEAD)$" && bereq.retries < 2 && !beresp.http.Retry-After) {
            return (retry);
        }
    }
    if (beresp.http.Set-Cookie
            || beresp.http.Cache-Control !~ "public"
            || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Not stored; remembered as such for a while, so requests for it do not queue behind each other.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (beresp.http.Cache-Control ~ "stale-if-error=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-if-error=([0-9]+).*", "\1") + "s", 1d);
    } else if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1") + "s", 10m);
    }
    return (deliver);
}

# No node answered: the node could not be reached, or closed the connection before it answered.
sub vcl_backend_error {
    if (bereq.is_bgfetch) {
        return (abandon);
    }
    if (bereq.method ~ "^(GET|HEAD)$" && bereq.retries < 2) {
        return (retry);
    }
    set beresp.status = 503;
    set beresp.reason = "Service Unavailable";
    set beresp.http.Content-Type = "text/html; charset=utf-8";
    set beresp.http.Retry-After = "30";
    set beresp.http.Cache-Control = "no-store";
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    # A read changed nothing. Anything else (a comment, a payment) may have reached a node that committed it
    # before the connection failed: the reader is told we cannot say, so as not to send it twice unawares.
    if (bereq.method ~ "^(GET|HEAD)$") {
        set beresp.http.X-Masthead-Sent = "Nothing you sent has been changed. Please try again in a moment.";
    } else {
        set beresp.http.X-Masthead-Sent = "We could not tell whether what you sent arrived. Please check, in a moment, whether it did before sending it again.";
    }
    synthetic({"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Back in a moment</title>
  <style>body{font-family:Georgia,serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style>
</head>
<body>
<main>
  <h1>Sorry – we will be back in a moment</h1>
  <p>This page cannot be reached just now. "} + beresp.http.X-Masthead-Sent + {"</p>
  <p><a href="/">Go to the front page</a></p>
</main>
</body>
</html>
"});
    unset beresp.http.X-Masthead-Sent;
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
