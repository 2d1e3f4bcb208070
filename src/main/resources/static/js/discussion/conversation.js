// The conversation under an article, as everyone reads it: its pages load as cached fragments (in place,
// for other orders, earlier and later pages, and more replies), the comment a link points to is
// highlighted, and comments pushed live by live.js are offered rather than forced on the reader. What this
// reader may do is participation.js's, through Masthead.conversation. Without JavaScript the article links
// to a readable copy, /discussion/{id}, where this script finds the first page already there.
(function (M) {
  "use strict";
  var section = document.querySelector("section.discussion");
  var articleElement = document.querySelector("[data-article-id]");
  if (!window.fetch || !section || !articleElement) {
    return;
  }
  var articleId = articleElement.getAttribute("data-article-id");
  var base = "/discussion/" + articleId;
  var slot = section.querySelector("[data-thread-slot]");
  var sort = "oldest";
  var pendingTop = [];
  var pendingReplies = {};
  var postedHere = [];
  var banner = null;
  var listeners = [];

  var conversation = M.conversation = {
    articleId: articleId,
    base: base,
    section: section,
    slot: slot,
    // fn(root) runs whenever comments are put on the page, with the part that changed.
    onChange: function (fn) {
      listeners.push(fn);
    },
    insert: insert,
    replace: replace,
    placesNew: placesNew,
    focus: focusOn,
    adjustCount: adjustCount,
    postedHere: function (id) {
      // Its live event may have come first: the reader is not offered their own comment as new.
      postedHere.push(id);
      forgetPending(id);
    }
  };

  function changed(root) {
    M.freshenTimes(root);
    listeners.forEach(function (fn) { fn(root); });
  }

  function highlightTarget() {
    var match = /^#comment-(\d+)$/.exec(location.hash);
    return match ? match[1] : null;
  }

  function page() {
    return slot.querySelector(".conversation");
  }

  // Puts focus on an element, making one that is not otherwise focusable (a comment, the count, a message)
  // focusable from script; the browser scrolls to it.
  function focusOn(element) {
    if (element) {
      if (!element.matches("a[href], button, textarea, select, input")) {
        element.setAttribute("tabindex", "-1");
      }
      element.focus();
    }
  }

  // Loads a page of the conversation in place. focus(slot), when given, says where the reader who asked
  // for it goes on from, since what they pressed is gone with the old page.
  function load(query, focus) {
    return M.filling(section, M.getHtml(base + "/thread" + query).then(function (body) {
      var fresh = body.querySelector(".conversation");
      if (!fresh) {
        return;
      }
      slot.replaceChildren(fresh);
      sort = fresh.getAttribute("data-sort") || "oldest";
      pendingTop = [];
      banner = null;
      changed(slot);
      var target = highlightTarget();
      var comment = target && document.getElementById("comment-" + target);
      if (comment) {
        comment.classList.add("comment--highlight");
        comment.setAttribute("tabindex", "-1");
        comment.scrollIntoView({ block: "center" });
        comment.focus({ preventScroll: true });
      } else if (focus) {
        focusOn(focus(slot) || slot.querySelector("[data-comment-count]"));
      }
    }));
  }

  // Whether a new top-level comment belongs on the page shown: first on the first page of the newest
  // first, last on the last page of the other orders. Anywhere else it is only offered.
  function placesNew() {
    var current = page();
    if (!current || sort === "picks") {
      return false;
    }
    return !current.querySelector("a[data-page='" + (sort === "newest" ? "earlier" : "later") + "']");
  }

  function adjustCount(delta) {
    var count = slot.querySelector("[data-comment-count]");
    if (!count || !delta) {
      return;
    }
    var n = Math.max(0, (parseInt(count.textContent, 10) || 0) + delta);
    count.textContent = M.plural(n, "comment", "comments");
  }

  // Fetches comments by id and puts each where it belongs: top-level ones by the order, replies in their thread.
  // Resolves to how many it added: any already on the page are left as they are.
  function insert(ids) {
    var wanted = ids.filter(function (id) { return !document.getElementById("comment-" + id); });
    if (!wanted.length) {
      return Promise.resolve(0);
    }
    return M.getHtml(base + "/comments?ids=" + wanted.join(",")).then(function (body) {
      var added = 0;
      var threads = placesNew() && slot.querySelector("[data-threads]");
      body.querySelectorAll("li.thread").forEach(function (thread) {
        if (!threads) {
          return;
        }
        var empty = slot.querySelector(".conversation > .empty");
        if (empty) {
          empty.remove();
        }
        if (document.getElementById(thread.querySelector("article.comment").id)) {
          return;
        }
        if (sort === "newest") {
          threads.prepend(thread);
        } else {
          threads.appendChild(thread);
        }
        added++;
      });
      body.querySelectorAll("li.reply").forEach(function (reply) {
        var thread = slot.querySelector("li.thread[data-thread-id='" + reply.getAttribute("data-parent-id") + "'] [data-replies]");
        if (thread && !document.getElementById(reply.querySelector("article.comment").id)) {
          thread.appendChild(reply);
          added++;
        }
      });
      changed(slot);
      return added;
    });
  }

  // Shows a comment afresh, here or wherever it was changed; one deleted since it was shown leaves the count.
  function replace(id) {
    return M.getHtml(base + "/comments?ids=" + id).then(function (body) {
      var old = document.getElementById("comment-" + id);
      if (!old) {
        return;
      }
      var fresh = body.querySelector("article.comment");
      var deleted = function (comment) { return !comment || comment.getAttribute("data-deleted") === "true"; };
      if (!deleted(old) && deleted(fresh)) {
        adjustCount(-1);
      }
      // A keyboard user who pressed one of its buttons keeps their place on the same button.
      var focused = old.contains(document.activeElement) && document.activeElement.getAttribute("data-action");
      if (fresh) {
        old.replaceWith(fresh);
        changed(fresh.parentNode);
        var again = focused && fresh.querySelector("[data-action='" + focused + "']");
        if (again && !again.hidden) {
          again.focus();
        }
      } else {
        // Deleted with no replies: it leaves the conversation.
        var item = old.closest("li");
        if (item) {
          item.remove();
        }
      }
    });
  }

  // Links in the conversation load in place: orders, earlier and later pages, more replies.
  slot.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-sort], a[data-page], a[data-more-replies], button[data-show-new]");
    if (!link || !slot.contains(link)) {
      return;
    }
    event.preventDefault();
    if (link.hasAttribute("data-show-new")) {
      showNew(link);
    } else if (link.hasAttribute("data-more-replies")) {
      M.getHtml(link.getAttribute("data-src")).then(function (body) {
        var replies = body.querySelector("[data-replies]");
        var thread = link.closest("li.thread");
        var shown = thread.querySelectorAll("[data-replies] > li").length;
        thread.querySelector("[data-replies]").replaceWith(replies);
        link.remove();
        changed(thread);
        // On from the first reply that was not shown before.
        var first = replies.children[shown] || replies.lastElementChild;
        focusOn(first ? first.querySelector("article.comment") : thread.querySelector("article.comment"));
      });
    } else if (link.hasAttribute("data-sort")) {
      // Another order, or the Picks tab: on from the same tab of the new page.
      var chosen = link.getAttribute("data-sort");
      load(new URL(link.href, location.href).search, function (root) {
        return root.querySelector(".conversation__sort a[data-sort='" + chosen + "']");
      });
    } else {
      // Earlier or later comments: on from the first comment of that page.
      load(new URL(link.href, location.href).search, function (root) {
        return root.querySelector("[data-threads] article.comment");
      });
    }
  });

  // ---- Comments pushed live ----

  // The button that offers them: "3 new comments — show".
  function offer(button, n, reply) {
    button.textContent = (reply ? M.plural(n, "new reply", "new replies") : M.plural(n, "new comment", "new comments"))
      + " — show";
  }

  document.addEventListener("masthead:comment", function (event) {
    var detail = event.detail || {};
    // The Picks tab lists staff picks only: a new comment is not one yet.
    if (String(detail.articleId) !== String(articleId) || document.getElementById("comment-" + detail.commentId)
        || postedHere.indexOf(Number(detail.commentId)) >= 0 || sort === "picks") {
      return;
    }
    var held = document.getElementById("own-comment-" + detail.commentId);
    if (held) {
      approved(held, detail);
      return;
    }
    if (detail.parentId == null) {
      if (pendingTop.indexOf(detail.commentId) < 0) {
        pendingTop.push(detail.commentId);
      }
      if (!banner) {
        banner = M.el("button", { type: "button", "class": "button button--secondary conversation__new", "data-show-new": "" });
        var where = page();
        if (where) {
          where.insertBefore(banner, where.querySelector("[data-threads]"));
        }
      }
      offer(banner, pendingTop.length, false);
    } else {
      var thread = slot.querySelector("li.thread[data-thread-id='" + detail.parentId + "']");
      if (!thread) {
        return;
      }
      var list = pendingReplies[detail.parentId] = pendingReplies[detail.parentId] || [];
      if (list.indexOf(detail.commentId) < 0) {
        list.push(detail.commentId);
      }
      var button = thread.querySelector(":scope > [data-show-new]");
      if (!button) {
        button = M.el("button", { type: "button", "class": "link-button thread__new", "data-show-new": "", "data-thread": String(detail.parentId) });
        thread.appendChild(button);
      }
      offer(button, list.length, true);
    }
  });

  // Takes a comment out of those offered as new, and its offer off the page once none is left.
  function forgetPending(id) {
    var without = function (list) { return list.filter(function (x) { return Number(x) !== id; }); };
    pendingTop = without(pendingTop);
    if (banner) {
      if (pendingTop.length) {
        offer(banner, pendingTop.length, false);
      } else {
        banner.remove();
        banner = null;
      }
    }
    Object.keys(pendingReplies).forEach(function (threadId) {
      var left = pendingReplies[threadId] = without(pendingReplies[threadId]);
      var button = slot.querySelector("li.thread[data-thread-id='" + threadId + "'] > [data-show-new]");
      if (!left.length) {
        delete pendingReplies[threadId];
        if (button) {
          button.remove();
        }
      } else if (button) {
        offer(button, left.length, true);
      }
    });
  }

  // Shows the comments a button offers, and puts focus on the first of them. New comments that do not
  // belong on the page shown (page 1 of the oldest first, say) are shown on the page that has them.
  function showNew(button) {
    var threadId = button.getAttribute("data-thread");
    var ids = (threadId ? pendingReplies[threadId] : pendingTop).slice();
    var first = function () {
      return ids.map(function (id) { return document.getElementById("comment-" + id); }).filter(Boolean)[0];
    };
    if (!threadId && !placesNew()) {
      load("?sort=" + encodeURIComponent(sort) + "&around=" + ids[ids.length - 1], first);
      return;
    }
    insert(ids).then(function (added) {
      adjustCount(added);
      if (threadId) {
        delete pendingReplies[threadId];
      } else {
        pendingTop = [];
        banner = null;
      }
      button.remove();
      focusOn(first());
    });
  }

  // The reader's own comment that waited for a moderator was approved: it takes the held copy's place
  // (with the author's own buttons, once /me knows it is theirs), rather than being offered as new.
  function approved(held, detail) {
    var id = Number(detail.commentId);
    var hadFocus = held.contains(document.activeElement);
    postedHere.push(id);
    insert([id]).then(function (added) {
      adjustCount(added);
      var comment = document.getElementById("comment-" + id);
      if (!comment) {
        // It belongs on another page: the held copy says where it is now.
        held.querySelector(".comment__status").replaceChildren(
          document.createTextNode("Approved: your comment is in the conversation. "),
          M.el("a", { href: "/comment/" + id, text: "See it there" }));
        held.classList.remove("comment--held");
        return;
      }
      held.remove();
      return (M.participation ? M.participation.refresh() : Promise.resolve()).then(function () {
        if (hadFocus) {
          focusOn(comment);
        }
      });
    });
  }

  // A comment changed or deleted by its author, wherever it was done: shown afresh, unless this reader
  // is changing it here and now.
  document.addEventListener("masthead:comment-changed", function (event) {
    var detail = event.detail || {};
    var comment = document.getElementById("comment-" + detail.commentId);
    if (String(detail.articleId) === String(articleId) && comment && !comment.querySelector("form")) {
      replace(detail.commentId);
    }
  });

  // On the conversation's own page the first page is already there; on an article it is loaded.
  conversation.ready = page()
    ? Promise.resolve().then(function () { changed(slot); })
    : load(highlightTarget() ? "?around=" + highlightTarget() : "?sort=oldest");
  window.addEventListener("hashchange", function () {
    if (highlightTarget()) {
      load("?around=" + highlightTarget());
    }
  });
})(window.Masthead);
