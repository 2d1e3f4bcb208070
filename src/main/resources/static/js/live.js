// Live updates over one EventSource per page (server-sent events from /live). On an article page
// (an element with data-article-id) it opens for everyone; elsewhere only for a signed-in reader. It
// waits for account.js to say who is reading: a signed-in reader's page first fetches a ticket
// (/live/ticket) so that the same connection also carries their own events, without the stream
// reading the session (its reconnects would otherwise keep the session alive for ever). It announces
// what arrives on document:
//   "masthead:comment"  detail {commentId, articleId, parentId}  a new comment under this article
//   "masthead:comment-changed"  detail {commentId, articleId}    a comment there edited or deleted
//   "masthead:unread"   detail {count}                           the reader's unread notifications
// and keeps the unread count on the header's notifications link up to date. The browser reconnects by itself
// (the server ends each connection after a few minutes) and sends the last event id it saw, so the
// server can send what was missed; an event that arrives twice is announced once.
(function () {
  "use strict";
  if (!window.EventSource || !window.CustomEvent) {
    return;
  }
  var article = document.querySelector("[data-article-id]");
  var articleId = article ? article.getAttribute("data-article-id") : null;
  var source = null;
  var seenComments = {};

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

  function open(url) {
    if (source) {
      return;
    }
    source = new EventSource(url);
    // Says on the page that the stream is open, for anything that waits for it (the browser journeys do).
    source.addEventListener("open", function () {
      document.documentElement.setAttribute("data-live", "open");
    });
    source.addEventListener("comment", function (event) {
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
      var comment = read(event);
      if (comment) {
        announce("masthead:comment-changed", { commentId: comment.commentId, articleId: comment.articleId });
      }
    });
    source.addEventListener("unread", function (event) {
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

  function url(ticket) {
    var params = [];
    if (articleId) {
      params.push("article=" + encodeURIComponent(articleId));
    }
    if (ticket) {
      params.push("ticket=" + encodeURIComponent(ticket));
    }
    return "/live" + (params.length ? "?" + params.join("&") : "");
  }

  function openFor(ticket) {
    if (ticket || articleId) {
      open(url(ticket));
    }
  }

  var started = false;
  function start(me) {
    if (started) {
      return;
    }
    started = true;
    if (!me || !me.signedIn) {
      openFor(null);
      return;
    }
    fetch("/live/ticket", { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { openFor(answer && answer.ticket); })
      .catch(function () { openFor(null); });
  }

  document.addEventListener("masthead:me", function (event) {
    start(event.detail);
  });
  // Should account.js never answer, an article's new comments still arrive.
  window.setTimeout(function () { start(null); }, 5000);
})();
