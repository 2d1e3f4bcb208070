// Offline reading for Premium members. Pages register this worker only for a signed-in member
// (offline.js); it keeps the pages of their newest saved articles, and the pictures, styles and scripts
// those pages use, and serves them when the network cannot be reached. Anything else, offline, gets the
// offline page.
//
// Why it cannot show one reader's pages to another:
// - It keeps only public pages: each saved article is fetched again without cookies (credentials "omit",
//   bypassing the browser's HTTP cache), so what it keeps is the page as any visitor gets it, never a
//   response made for a signed-in reader; one marked private or no-store is not kept.
// - The list it keeps comes from /reading-list/offline, asked with the reader's session: it names its
//   owner, and a list for another owner, or for nobody (signed out, session over, Premium lapsed), empties
//   the cache first (and, for nobody, removes this worker).
// - Signing out empties the cache as the sign-out form is posted, and every page asks the list again once
//   the header knows the reader has signed out.
// - Online, pages always come from the network; the cache answers only when the network fails.
//
// What it leaves alone: every request that is not a GET (forms pass through untouched), the live stream
// (/live, and anything asking for text/event-stream), other hosts, and JSON or fragment requests.
"use strict";

var CACHE = "masthead-offline";
// Where the worker notes what it keeps; an address nothing serves, so no page ever fetches it.
var META = "/reading-list/offline/kept";
var LIST = "/reading-list/offline";
var OFFLINE = "/offline";
// A page's pictures are many sizes of few pictures; this keeps a page with a gallery from filling the disk.
var MAX_RESOURCES_PER_PAGE = 60;
// How often a page's visit re-reads the list, unless told the list changed.
var QUIET = 5 * 60 * 1000;
// How old a kept page may be before the next sync fetches it again (corrections, updates).
var STALE = 6 * 60 * 60 * 1000;

var syncing = null;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("message", function (event) {
  var type = event.data && event.data.type;
  if (type === "sync") {
    event.waitUntil(sync(Boolean(event.data.force), event.source));
  } else if (type === "status") {
    event.waitUntil(kept().then(function (meta) { tell(event.source, meta); }));
  }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method !== "GET") {
    if (request.method === "POST" && url.pathname === "/signout") {
      // The form goes on untouched; the cache is emptied as it does.
      event.waitUntil(forget());
    }
    return;
  }
  if (url.pathname === "/live" || url.pathname.indexOf("/live/") === 0
      || (request.headers.get("Accept") || "").indexOf("text/event-stream") >= 0) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (["image", "style", "script", "font"].indexOf(request.destination) >= 0) {
    event.respondWith(asset(request));
  }
});

/** The network's answer; offline, the kept page at this address, or the offline page. */
function page(request) {
  return fetch(request).catch(function (error) {
    var url = new URL(request.url);
    return caches.open(CACHE).then(function (cache) {
      return cache.match(url.origin + url.pathname).then(function (kept) {
        return kept || cache.match(OFFLINE);
      });
    }).then(function (answer) {
      if (answer) {
        return answer;
      }
      throw error;
    });
  });
}

function asset(request) {
  return fetch(request).catch(function (error) {
    return caches.open(CACHE)
      .then(function (cache) { return cache.match(request.url, { ignoreVary: true }); })
      .then(function (kept) {
        if (kept) {
          return kept;
        }
        throw error;
      });
  });
}

/**
 * Reads the reader's list and makes the cache hold exactly its pages and what they use. Unforced, at most
 * every few minutes; one at a time.
 */
function sync(force, client) {
  if (syncing) {
    return syncing.then(function () {
      return force ? sync(true, client) : kept().then(function (meta) { tell(client, meta); });
    });
  }
  syncing = (force ? Promise.resolve(null) : kept()).then(function (meta) {
    if (meta && Date.now() - meta.syncedAt < QUIET) {
      return meta;
    }
    return fetchAndFill();
  }).then(function (meta) {
    syncing = null;
    tell(client, meta);
  }, function (error) {
    syncing = null;
    throw error;
  });
  return syncing;
}

function fetchAndFill() {
  return fetchList().then(function (list) {
    if (list === null) {
      // Offline or failing: keep what is kept.
      return kept();
    }
    if (!list.member) {
      return forget().then(function () {
        return self.registration.unregister();
      }).then(function () { return null; });
    }
    return kept().then(function (meta) {
      return (meta && meta.owner !== list.owner ? forget() : Promise.resolve()).then(function () {
        return fill(list, meta && meta.owner === list.owner ? meta : null);
      });
    });
  });
}

function fetchList() {
  return fetch(LIST, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
    .then(function (response) {
      var json = response.ok && (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      return json ? response.json() : null;
    })
    .catch(function () { return null; });
}

function fill(list, before) {
  return caches.open(CACHE).then(function (cache) {
    var resources = {};
    var fetchedAt = {};
    var steps = [OFFLINE].concat(list.articles.map(function (a) { return a.path; }));
    return steps.reduce(function (done, path) {
      return done.then(function () {
        var fresh = before && before.fetchedAt[path] && Date.now() - before.fetchedAt[path] < STALE;
        if (fresh) {
          resources[path] = before.resources[path] || [];
          fetchedAt[path] = before.fetchedAt[path];
          return undefined;
        }
        return keepPage(cache, path).then(function (used) {
          if (used) {
            resources[path] = used;
            fetchedAt[path] = Date.now();
          }
        });
      });
    }, Promise.resolve()).then(function () {
      var meta = {
        owner: list.owner,
        articles: list.articles.filter(function (a) { return resources[a.path]; }),
        resources: resources,
        fetchedAt: fetchedAt,
        syncedAt: Date.now()
      };
      return prune(cache, meta).then(function () {
        return cache.put(META, new Response(JSON.stringify(meta), { headers: { "Content-Type": "application/json" } }));
      }).then(function () { return meta; });
    });
  });
}

/** Fetches the public page and what it uses; resolves to the addresses it uses, or null if not kept. */
function keepPage(cache, path) {
  return publicCopy(path).then(function (response) {
    if (!response || (response.headers.get("Content-Type") || "").indexOf("text/html") !== 0) {
      return null;
    }
    return response.clone().text().then(function (html) {
      var used = resourcesOf(html, path);
      return cache.put(path, response).then(function () {
        return Promise.all(used.map(function (url) {
          return cache.match(url).then(function (have) {
            return have ? null : publicCopy(url).then(function (r) { return r ? cache.put(url, r) : null; });
          });
        }));
      }).then(function () { return used; });
    });
  });
}

/** The answer any visitor gets: no cookies, nothing from the browser's cache, nothing marked personal. */
function publicCopy(url) {
  return fetch(url, { credentials: "omit", cache: "no-store", redirect: "follow" }).then(function (response) {
    var control = response.headers.get("Cache-Control") || "";
    if (!response.ok || response.type !== "basic" || /private|no-store/.test(control)) {
      return null;
    }
    if (response.redirected) {
      // A redirected answer cannot stand in for a navigation: keep its content under the address asked.
      return response.blob().then(function (body) {
        return new Response(body, { status: response.status, headers: response.headers });
      });
    }
    return response;
  }).catch(function () { return null; });
}

/** Same-site pictures (every size the page offers, WebP first), stylesheets, scripts and icons. */
function resourcesOf(html, base) {
  var found = [];
  function add(value) {
    if (!value || found.length >= MAX_RESOURCES_PER_PAGE) {
      return;
    }
    var url;
    try {
      url = new URL(value.replace(/&amp;/g, "&"), self.location.origin + base);
    } catch (e) {
      return;
    }
    if (url.origin === self.location.origin && found.indexOf(url.pathname + url.search) < 0) {
      found.push(url.pathname + url.search);
    }
  }
  var tag = /<(img|source|link|script)\b[^>]*>/gi;
  var match;
  while ((match = tag.exec(html)) !== null) {
    var element = match[0];
    var name = match[1].toLowerCase();
    if (name === "link" && !/rel="(stylesheet|icon)"/i.test(element)) {
      continue;
    }
    if (name === "source" && !/type="image\/webp"/i.test(element)) {
      continue;
    }
    [/\ssrc="([^"]*)"/i, /\shref="([^"]*)"/i].forEach(function (attribute) {
      var value = attribute.exec(element);
      add(value && value[1]);
    });
    var srcset = /\ssrcset="([^"]*)"/i.exec(element);
    if (srcset && (name === "source" || !/<source\b[^>]*type="image\/webp"/i.test(html))) {
      srcset[1].split(",").forEach(function (candidate) {
        add(candidate.trim().split(/\s+/)[0]);
      });
    }
  }
  return found;
}

/** Drops the pages no longer on the list, and whatever no kept page uses. */
function prune(cache, meta) {
  var needed = {};
  needed[META] = true;
  Object.keys(meta.resources).forEach(function (path) {
    needed[path] = true;
    meta.resources[path].forEach(function (url) { needed[url] = true; });
  });
  return cache.keys().then(function (requests) {
    return Promise.all(requests.map(function (request) {
      var url = new URL(request.url);
      return needed[url.pathname + url.search] ? null : cache.delete(request);
    }));
  });
}

function kept() {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(META);
  }).then(function (response) {
    return response ? response.json() : null;
  });
}

function forget() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(CACHE) === 0; })
      .map(function (name) { return caches.delete(name); }));
  });
}

/** Tells the page that asked how many saved articles are ready offline. */
function tell(client, meta) {
  if (client && client.postMessage) {
    client.postMessage({ type: "offline", articles: meta ? meta.articles : [] });
  }
}
