// Live updates over one EventSource per page (server-sent events from /live). On an article page
// (an element with data-article-id) it opens for everyone; elsewhere only for a signed-in reader. It
// waits for account.js to say who is reading: a signed-in reader's page first fetches a ticket
// (/live/ticket) so that the same connection also carries their own events, without the stream
// reading the session (its reconnects would otherwise keep the session alive for ever). It announces
// what arrives on document:
//   "masthead:comment"  detail {commentId, articleId, parentId}  a new comment under this article
//   "masthead:comment-changed"  detail {commentId, articleId}    a comment there edited or deleted
//   "masthead:unread"   detail {count}                           the reader's unread notifications
// and keeps the header's notifications link and count up to date. The browser reconnects by itself
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

  // The header link to the notifications page, beside the account link, with the unread count.
  var link = null;
  function showLink() {
    var slot = document.querySelector("[data-account]");
    if (link || !slot) {
      return;
    }
    link = document.createElement("a");
    link.href = "/notifications";
    link.className = "masthead__notifications";
    link.textContent = "Notifications";
    // account.js replaces the slot's contents, so the link goes after the slot, not inside it.
    var holder = document.createElement("p");
    holder.className = "masthead__account";
    holder.appendChild(link);
    slot.parentNode.insertBefore(holder, slot.nextSibling);
  }

  document.addEventListener("masthead:unread", function (event) {
    showLink();
    if (!link) {
      return;
    }
    var count = event.detail.count;
    var badge = link.querySelector(".masthead__unread");
    if (count > 0) {
      if (!badge) {
        badge = document.createElement("span");
        badge.className = "masthead__unread";
        link.appendChild(badge);
      }
      badge.textContent = count > 99 ? "99+" : String(count);
      link.setAttribute("aria-label", "Notifications: " + count + " unread");
    } else {
      if (badge) {
        badge.remove();
      }
      link.setAttribute("aria-label", "Notifications");
    }
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
    showLink();
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
