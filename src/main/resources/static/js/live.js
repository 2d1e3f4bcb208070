// Live updates over one EventSource per page (server-sent events from /live). It is open only while it
// is wanted: for a signed-in reader (their unread count), and on an article page (an element with
// data-article-id) while its comments are in view, for everyone. It closes a while after the comments
// leave the view or the tab is hidden, and opens again when they come back, asking for what it missed.
// Every open page holding a connection for hours would cost the servers for nothing. <html data-live>
// says where it stands: "idle" (nothing wanted yet), "open", "closed" (was open). It waits for
// account.js to say who is reading: a signed-in reader's page first fetches a ticket
// (/live/ticket) so that the same connection also carries their own events, without the stream
// reading the session (its reconnects would otherwise keep the session alive for ever). It announces
// what arrives on document:
//   "masthead:comment"  detail {commentId, articleId, parentId}  a new comment under this article
//   "masthead:comment-changed"  detail {commentId, articleId}    a comment there edited or deleted
//   "masthead:unread"   detail {count}                           the reader's unread notifications
// and keeps the unread count on the header's notifications link up to date. The browser reconnects by itself
// (the server ends each connection after a few minutes) and sends the last event id it saw, so the
// server can send what was missed; an event that arrives twice is announced once. A stream the server
// refuses is tried again a few seconds later, the wait growing while it keeps being refused.
(function () {
  "use strict";
  if (!window.EventSource || !window.CustomEvent) {
    return;
  }
  var article = document.querySelector("[data-article-id]");
  var articleId = article ? article.getAttribute("data-article-id") : null;
  var comments = document.getElementById("comments");
  var html = document.documentElement;
  var source = null;
  var seenComments = {};
  var lastEventId = null;
  var ticket = null;
  // Whether account.js has said who is reading (asked), and the stream may open now that it is known (started).
  var asked = false;
  var started = false;
  var commentsInView = false;
  var closing = null;
  // After a refused stream: when the page tries again (a timer), and how long it waited last time.
  var retrying = null;
  var retryDelay = 0;

  function announce(name, detail) {
    document.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }

  function read(event) {
    try {
      return JSON.parse(event.data);
    } catch (e) {
      return null;
    }
  }

  function remember(event) {
    if (event.lastEventId) {
      lastEventId = event.lastEventId;
    }
  }

  function open() {
    if (source) {
      return;
    }
    source = new EventSource(url());
    // Says on the page whether the stream is open, for anything that waits for it (the browser journeys do).
    source.addEventListener("open", function () {
      retryDelay = 0;
      html.setAttribute("data-live", "open");
    });
    // The browser tries again by itself after a dropped connection, but gives up on a refused one (an
    // answer that is not an event stream, such as a 502 from a proxy swamped by a crowd arriving at once).
    // The page tries again then, after a random wait that doubles each time, so that the crowd comes back
    // spread out rather than all together.
    source.addEventListener("error", function (event) {
      if (event.target !== source || source.readyState !== EventSource.CLOSED) {
        return;
      }
      close();
      retryDelay = Math.min(retryDelay ? retryDelay * 2 : 2000, 60000);
      retrying = window.setTimeout(function () {
        retrying = null;
        update();
      }, retryDelay / 2 + Math.random() * retryDelay);
    });
    // The newest event the server knew of when this stream opened: where to resume if nothing else comes.
    source.addEventListener("resume", remember);
    source.addEventListener("comment", function (event) {
      remember(event);
      var comment = read(event);
      if (!comment || seenComments[comment.commentId]) {
        return;
      }
      seenComments[comment.commentId] = true;
      announce("masthead:comment", {
        commentId: comment.commentId,
        articleId: comment.articleId,
        parentId: comment.parentId
      });
    });
    source.addEventListener("comment-changed", function (event) {
      remember(event);
      var comment = read(event);
      if (comment) {
        announce("masthead:comment-changed", { commentId: comment.commentId, articleId: comment.articleId });
      }
    });
    source.addEventListener("unread", function (event) {
      remember(event);
      var unread = read(event);
      if (unread && typeof unread.count === "number") {
        announce("masthead:unread", { count: unread.count });
      }
    });
  }

  // The unread count on the header's notifications link, which account.js puts there for a signed-in reader.
  document.addEventListener("masthead:unread", function (event) {
    var link = document.querySelector(".masthead__notifications");
    if (!link) {
      return;
    }
    var count = event.detail.count;
    var label = link.querySelector(".masthead__label");
    // Read out as "Notifications 3 unread": the visible words, then what the number means.
    var badge = document.createElement("span");
    badge.className = "masthead__unread";
    badge.textContent = count > 99 ? "99+" : String(count);
    var unread = document.createElement("span");
    unread.className = "visually-hidden";
    unread.textContent = " unread";
    link.replaceChildren.apply(link, count > 0 ? [label, " ", badge, unread] : [label]);
  });

  function url() {
    var params = [];
    if (articleId) {
      params.push("article=" + encodeURIComponent(articleId));
    }
    if (ticket) {
      params.push("ticket=" + encodeURIComponent(ticket));
    }
    // A stream opened again asks for what came while it was closed, as the browser's own reconnects do.
    if (lastEventId) {
      params.push("lastEventId=" + encodeURIComponent(lastEventId));
    }
    return "/live" + (params.length ? "?" + params.join("&") : "");
  }

  function close() {
    if (source) {
      source.close();
      source = null;
      html.setAttribute("data-live", "closed");
    }
  }

  // A reader coming back to a tab closed for long may hold a ticket that has expired: a new one first.
  function reopen() {
    if (!ticket) {
      open();
      return;
    }
    fetchTicket().then(function (fresh) {
      ticket = fresh;
      if (wanted()) {
        open();
      }
    });
  }

  function wanted() {
    return started && !document.hidden && (ticket !== null || (articleId !== null && commentsInView));
  }

  // How long a stream stays open once nothing wants it; a page may shorten it (the browser journeys do).
  function closeAfter() {
    return Number(html.getAttribute("data-live-close-after")) || 60000;
  }

  // Opens when wanted; closes only after closeAfter of not being wanted, so that scrolling past the
  // comments or glancing at another tab does not drop and remake the connection.
  function update() {
    if (!html.hasAttribute("data-live")) {
      html.setAttribute("data-live", "idle");
    }
    if (wanted()) {
      window.clearTimeout(closing);
      closing = null;
      if (!source && retrying === null) {
        html.getAttribute("data-live") === "closed" ? reopen() : open();
      }
    } else if (source && closing === null) {
      closing = window.setTimeout(function () {
        closing = null;
        if (!wanted()) {
          close();
        }
      }, closeAfter());
    }
  }

  if (comments && articleId && window.IntersectionObserver) {
    new IntersectionObserver(function (entries) {
      commentsInView = entries[entries.length - 1].isIntersecting;
      update();
    }, { rootMargin: "300px 0px" }).observe(comments);
  } else {
    // Without a way to tell, an article page keeps its stream, as it did before.
    commentsInView = true;
  }
  document.addEventListener("visibilitychange", update);

  // A ticket for this page's stream to carry the reader's own events, or null.
  function fetchTicket() {
    return fetch("/live/ticket", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { return answer && answer.ticket ? answer.ticket : null; })
      .catch(function () { return null; });
  }

  function start(me) {
    if (asked) {
      return;
    }
    asked = true;
    if (!me || !me.signedIn) {
      started = true;
      update();
      return;
    }
    fetchTicket().then(function (fresh) {
      ticket = fresh;
      started = true;
      update();
    });
  }

  document.addEventListener("masthead:me", function (event) {
    start(event.detail);
  });
  // Should account.js never answer, an article's new comments still arrive.
  window.setTimeout(function () { start(null); }, 5000);
})();
