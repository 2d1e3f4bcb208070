// What the page scripts share, as window.Masthead: asking the server for JSON or HTML, sending it a
// change with the CSRF token, building elements, and wording counts. Pages are cached and the same for
// everyone, so each script asks for what is personal after the page has loaded; the CSRF token comes
// with those answers, never with the page. Loaded first on every page.
(function () {
  "use strict";
  var M = window.Masthead = window.Masthead || {};

  // This page's address, to come back to after signing in or out; null for a page opened from a one-time
  // link (confirming an address, an e-mailed sign-in): its token is spent, and coming back would only say
  // that the link no longer works. The server refuses such an address too.
  M.returnPath = function (anchor) {
    if (new URLSearchParams(location.search).has("token")) {
      return null;
    }
    return location.pathname + location.search + (anchor ? "#" + anchor : location.hash);
  };

  // Where "Sign in" (or "Register") leads, from the header and from the conversation's "Sign in to
  // join" notice: back to this page once signed in, at the given anchor if any. The page is the same
  // for everyone, so the link says where it was followed from; the server accepts only paths on this site.
  // The sign-in and registration pages, and one-time links, already know where the reader was.
  M.signInPath = function (anchor, start) {
    var here = M.returnPath(anchor);
    var known = here === null || location.pathname === "/signin" || location.pathname === "/register";
    return (start || "/signin") + (known ? "" : "?return=" + encodeURIComponent(here));
  };

  // A reader's own JSON: never kept by the browser. Resolves to null when the answer is not 2xx.
  M.getJson = function (url) {
    return fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; });
  };

  // A cached fragment, as the body of a parsed document. Revalidated every time (a cheap 304 when
  // unchanged): after a change, the browser's own copy may be out of date, though the server's was dropped.
  M.getHtml = function (url) {
    return fetch(url, { credentials: "same-origin", cache: "no-cache", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) { return new DOMParser().parseFromString(html, "text/html").body; });
  };

  // Sends a change: POST unless options.method says otherwise, options.body as JSON when given, with the
  // CSRF token {header, token} that came with the reader's JSON. Resolves to the answer's JSON (null for
  // 204); rejects with an Error whose message is the server's own words (problem+json "detail"), and
  // whose status and errors (field messages) say more.
  M.send = function (url, options) {
    var method = options.method || "POST";
    var headers = { Accept: "application/json" };
    if (options.csrf) {
      headers[options.csrf.header] = options.csrf.token;
    }
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body)
    }).then(function (response) {
      // A change whose answer is a sign-in page did not happen, whatever its status says.
      var landed = response.redirected ? new URL(response.url, location.href).pathname : "";
      if (landed.indexOf("/signin") === 0) {
        throw signInProblem(landed === "/signin/second-factor");
      }
      if (response.status === 204) {
        return null;
      }
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var problem = new Error(json.detail || "Something went wrong. Please try again.");
          problem.status = response.status;
          problem.errors = json.errors || {};
          if ((response.status === 401 || response.status === 403) && !json.detail) {
            // Refused with no reason given: most often a session that has ended since the page loaded.
            return M.getJson("/me").catch(function () { return null; }).then(function (me) {
              throw me && me.signedIn === false ? signInProblem(false) : problem;
            });
          }
          throw problem;
        }
        return json;
      });
    });
  };

  function signInProblem(secondFactor) {
    var problem = new Error(secondFactor
      ? "This needs the second step of signing in that staff areas ask for."
      : "You are signed out, so this was not done.");
    problem.status = 401;
    problem.errors = {};
    problem.signIn = secondFactor ? "second-factor" : "signin";
    return problem;
  }

  // Puts a refusal from send() in element: its words, and a link to sign in (coming back to the anchor
  // on this page) when signing in again is what it takes.
  M.sayProblem = function (element, problem, anchor) {
    element.replaceChildren(document.createTextNode(problem.message));
    if (problem.signIn) {
      element.append(" ", problem.signIn === "second-factor"
        ? M.el("a", { href: "/signin/second-factor", text: "Take the second step" })
        : M.el("a", { href: M.signInPath(anchor), text: "Sign in again" }));
    }
  };

  // el("a", {href: "/x", text: "words"}, [children]): "text" sets the text, anything else an attribute.
  M.el = function (tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attributes[name];
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  };

  // plural(1, "reply", "replies") is "1 reply"; plural(2, ...) "2 replies".
  M.plural = function (n, one, many) {
    return n === 1 ? "1 " + one : n + " " + many;
  };

  // Marks a part of the page as being filled in (aria-busy) until every promise given for it has
  // settled, so that assistive technology, and the browser journeys, wait for it. Resolves as the promise does.
  var filling = new WeakMap();
  M.filling = function (element, promise) {
    if (!element) {
      return promise;
    }
    filling.set(element, (filling.get(element) || 0) + 1);
    element.setAttribute("aria-busy", "true");
    var done = function () {
      var left = filling.get(element) - 1;
      filling.set(element, left);
      if (!left) {
        element.removeAttribute("aria-busy");
      }
    };
    return promise.then(function (value) { done(); return value; }, function (error) { done(); throw error; });
  };
})();
