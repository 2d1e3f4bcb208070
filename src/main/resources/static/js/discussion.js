// The conversation under an article, and following readers from their profiles. The page is cached and
// the same for everyone: this loads the comments, then asks /discussion/{id}/me what this reader may do
// (with the CSRF token the cached page lacks). Without JavaScript the page links to a readable copy.
(function () {
  "use strict";
  if (!window.fetch) {
    return;
  }

  var MAX_LENGTH = 5000;

  function uuid() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function el(tag, attributes, children) {
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
  }

  function getHtml(url) {
    // Revalidated every time (a cheap 304 when unchanged): after posting or editing, the browser's own
    // copy of a fragment may be out of date, though the server's was dropped.
    return fetch(url, { credentials: "same-origin", cache: "no-cache", headers: { Accept: "text/html" } }).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.text();
    }).then(function (html) {
      return new DOMParser().parseFromString(html, "text/html").body;
    });
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; });
  }

  function send(csrf, url, body) {
    var headers = { Accept: "application/json" };
    if (csrf) {
      headers[csrf.header] = csrf.token;
    }
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      if (response.status === 204) {
        return null;
      }
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var problem = new Error(json.detail || "Something went wrong. Please try again.");
          problem.status = response.status;
          problem.errors = json.errors || {};
          throw problem;
        }
        return json;
      });
    });
  }

  function plural(n, one, many) {
    return n === 1 ? "1 " + one : n + " " + many;
  }

  // The button that offers comments pushed live: "3 new comments — show".
  function offer(button, n, reply) {
    button.textContent = (reply ? plural(n, "new reply", "new replies") : plural(n, "new comment", "new comments"))
      + " — show";
  }

  // ---- Times ----
  // Pages and fragments are cached for minutes, so "just now" would go stale: each <time data-relative>
  // is worded again from its datetime, by the server's rules (CommentTimes), now and every minute.
  var SHORT_DATE = new Intl.DateTimeFormat(document.documentElement.lang || "en-GB",
    { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

  function relative(datetime, now) {
    var minutes = Math.floor((now - new Date(datetime).getTime()) / 60000);
    if (isNaN(minutes)) {
      return null;
    }
    if (minutes < 1) {
      return "just now";
    }
    if (minutes < 60) {
      return plural(minutes, "minute", "minutes") + " ago";
    }
    if (minutes < 24 * 60) {
      return plural(Math.floor(minutes / 60), "hour", "hours") + " ago";
    }
    if (minutes < 7 * 24 * 60) {
      return plural(Math.floor(minutes / (24 * 60)), "day", "days") + " ago";
    }
    // The datetime carries the site's offset, so its date is the day the site shows.
    var day = /^(\d{4})-(\d{2})-(\d{2})/.exec(datetime);
    return day ? SHORT_DATE.format(new Date(Date.UTC(+day[1], +day[2] - 1, +day[3]))) : null;
  }

  function freshenTimes(root) {
    var now = Date.now();
    root.querySelectorAll("time[data-relative]").forEach(function (time) {
      var words = relative(time.getAttribute("datetime"), now);
      if (words && time.textContent !== words) {
        time.textContent = words;
      }
    });
  }

  freshenTimes(document);
  window.setInterval(function () { freshenTimes(document); }, 60000);

  // ---- Following a reader from their profile ----
  var reader = document.querySelector("[data-reader-id]");
  if (reader) {
    var readerId = reader.getAttribute("data-reader-id");
    var followButton = reader.querySelector("[data-follow-reader]");
    getJson("/discussion/readers/" + readerId + "/me").then(function (me) {
      if (!me || !me.signedIn || me.self) {
        return;
      }
      var following = me.following;
      var show = function () {
        followButton.textContent = following ? "Following" : "Follow";
        followButton.setAttribute("aria-pressed", following ? "true" : "false");
        followButton.hidden = false;
      };
      show();
      followButton.addEventListener("click", function () {
        send(me.csrf, "/discussion/readers/" + readerId + (following ? "/unfollow" : "/follow")).then(function () {
          following = !following;
          show();
        }).catch(function (problem) { window.alert(problem.message); });
      });
    });
  }

  // ---- The conversation ----
  var section = document.querySelector("section.discussion");
  var articleElement = document.querySelector("[data-article-id]");
  if (!section || !articleElement) {
    return;
  }
  var articleId = articleElement.getAttribute("data-article-id");
  var slot = section.querySelector("[data-thread-slot]");
  var formSlot = section.querySelector("[data-discussion-form]");
  var base = "/discussion/" + articleId;
  var me = { signedIn: false, canPost: false, recommended: [], mine: [], editableUntil: {}, following: [] };
  var sort = "oldest";
  var pendingTop = [];
  var pendingReplies = {};
  var postedHere = [];
  var banner = null;

  function highlightTarget() {
    var match = /^#comment-(\d+)$/.exec(location.hash);
    return match ? match[1] : null;
  }

  function conversation() {
    return slot.querySelector(".conversation");
  }

  function load(query) {
    return getHtml(base + "/thread" + query).then(function (body) {
      var fresh = body.querySelector(".conversation");
      if (!fresh) {
        return;
      }
      slot.replaceChildren(fresh);
      sort = fresh.getAttribute("data-sort") || "oldest";
      pendingTop = [];
      banner = null;
      decorate(slot);
      var target = highlightTarget();
      var comment = target && document.getElementById("comment-" + target);
      if (comment) {
        comment.classList.add("comment--highlight");
        comment.setAttribute("tabindex", "-1");
        comment.scrollIntoView({ block: "center" });
        comment.focus({ preventScroll: true });
      }
    });
  }

  function refreshMe() {
    return getJson(base + "/me").then(function (answer) {
      if (answer) {
        me = answer;
        me.csrf = answer.csrf;
      }
      renderForm();
      decorate(slot);
    });
  }

  function mine(id) {
    return me.mine && me.mine.indexOf(Number(id)) >= 0;
  }

  // Shows each comment the buttons this reader may use.
  function decorate(root) {
    freshenTimes(root);
    root.querySelectorAll("article.comment").forEach(function (comment) {
      var id = comment.getAttribute("data-comment-id");
      var authorId = Number(comment.getAttribute("data-author-id"));
      var own = mine(id);
      var active = me.signedIn && me.verified;
      var has = function (action) { return comment.querySelector("[data-action='" + action + "']"); };
      var show = function (action, visible) {
        var button = has(action);
        if (button) {
          button.hidden = !visible;
        }
      };
      var until = me.editableUntil && me.editableUntil[id];
      show("recommend", active && !own);
      show("reply", !!me.canPost);
      show("edit", own && until && new Date(until) > new Date());
      show("delete", own);
      show("report", active && !own);
      show("follow", active && !own && authorId !== me.accountId && !!comment.querySelector("a.comment__author"));
      var recommend = has("recommend");
      if (recommend) {
        var recommended = me.recommended && me.recommended.indexOf(Number(id)) >= 0;
        recommend.setAttribute("aria-pressed", recommended ? "true" : "false");
        recommend.textContent = recommended ? "Recommended" : "Recommend";
      }
      var follow = has("follow");
      if (follow) {
        var followed = me.following && me.following.indexOf(authorId) >= 0;
        var name = comment.getAttribute("data-author-name");
        follow.setAttribute("aria-pressed", followed ? "true" : "false");
        follow.textContent = (followed ? "Following " : "Follow ") + name;
      }
    });
  }

  function messageFor(state) {
    if (state.reason === "signed-out") {
      // Back to this conversation once signed in, or registered and confirmed.
      var here = encodeURIComponent(location.pathname + location.search + "#comments");
      return el("p", { "class": "notice" }, [
        el("a", { href: "/signin?return=" + here, text: "Sign in" }), document.createTextNode(" or "),
        el("a", { href: "/register?return=" + here, text: "register" }), document.createTextNode(" to join the conversation.")
      ]);
    }
    return el("p", { "class": "notice", text: state.message || "" });
  }

  function renderForm() {
    if (!formSlot) {
      return;
    }
    if (!me.canPost) {
      formSlot.replaceChildren(me.reason ? messageFor(me) : document.createTextNode(""));
      return;
    }
    if (formSlot.querySelector("form")) {
      return;
    }
    formSlot.replaceChildren(commentForm(null, null));
    if (me.editor) {
      formSlot.appendChild(el("p", {}, [el("a", { href: base + "/settings", text: "Comments settings (editors)" })]));
    }
  }

  // A form for a comment (inReplyTo null) or a reply. Its key makes a retried submit post once.
  function commentForm(inReplyTo, name) {
    var key = uuid();
    var id = "comment-text-" + (inReplyTo || "new");
    var textarea = el("textarea", { id: id, name: "body", rows: inReplyTo ? "3" : "5", maxlength: String(MAX_LENGTH),
      "aria-describedby": id + "-hint" });
    var error = el("p", { "class": "field__error", id: id + "-error", role: "alert" });
    var button = el("button", { type: "submit", "class": "button", text: inReplyTo ? "Post reply" : "Post comment" });
    var form = el("form", { "class": "comment-form", novalidate: "" }, [
      el("div", { "class": "field" }, [
        el("label", { "for": id, text: inReplyTo ? "Your reply to " + name : "Your comment" }),
        el("p", { "class": "field__hint", id: id + "-hint",
          text: "Up to 5,000 characters. A blank line starts a new paragraph; web addresses become links; @name mentions a reader." }),
        error,
        textarea
      ]),
      button
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      error.textContent = "";
      textarea.removeAttribute("aria-invalid");
      send(me.csrf, base + "/comments", { body: textarea.value, inReplyTo: inReplyTo ? Number(inReplyTo) : null, idempotencyKey: key })
        .then(function (posted) {
          key = uuid();
          textarea.value = "";
          // Its live event may have come first: the reader is not offered their own comment as new.
          posted.id = Number(posted.id);
          postedHere.push(posted.id);
          forgetPending(posted.id);
          return insert([posted.id]).then(function () {
            if (inReplyTo) {
              form.remove();
            }
            adjustCount(posted.created ? 1 : 0);
            return refreshMe();
          }).then(function () {
            var comment = document.getElementById("comment-" + posted.id);
            if (comment) {
              comment.setAttribute("tabindex", "-1");
              comment.focus();
            }
          });
        })
        .catch(function (problem) {
          error.textContent = problem.message;
          textarea.setAttribute("aria-invalid", "true");
          textarea.setAttribute("aria-describedby", id + "-hint " + id + "-error");
        })
        .finally(function () { button.disabled = false; });
    });
    return form;
  }

  function adjustCount(delta) {
    var count = slot.querySelector("[data-comment-count]");
    if (!count || !delta) {
      return;
    }
    var n = Math.max(0, (parseInt(count.textContent, 10) || 0) + delta);
    count.textContent = plural(n, "comment", "comments");
  }

  // Fetches comments by id and puts each where it belongs: top-level ones by the order, replies in their thread.
  // Resolves to how many it added: any already on the page are left as they are.
  function insert(ids) {
    var wanted = ids.filter(function (id) { return !document.getElementById("comment-" + id); });
    if (!wanted.length) {
      return Promise.resolve(0);
    }
    return getHtml(base + "/comments?ids=" + wanted.join(",")).then(function (body) {
      var added = 0;
      var threads = slot.querySelector("[data-threads]");
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
      decorate(slot);
      return added;
    });
  }

  // Shows a comment afresh, here or wherever it was changed; one deleted since it was shown leaves the count.
  function replace(id) {
    return getHtml(base + "/comments?ids=" + id).then(function (body) {
      var old = document.getElementById("comment-" + id);
      if (!old) {
        return;
      }
      var fresh = body.querySelector("article.comment");
      var deleted = function (comment) { return !comment || comment.getAttribute("data-deleted") === "true"; };
      if (!deleted(old) && deleted(fresh)) {
        adjustCount(-1);
      }
      if (fresh) {
        old.replaceWith(fresh);
        decorate(fresh.parentNode);
      } else {
        // Deleted with no replies: it leaves the conversation.
        var item = old.closest("li");
        if (item) {
          item.remove();
        }
      }
    });
  }

  function textOf(comment) {
    return Array.prototype.map.call(comment.querySelectorAll("[data-body] > p"), function (p) {
      return p.innerText;
    }).join("\n\n");
  }

  function act(button) {
    var comment = button.closest("article.comment");
    var id = comment.getAttribute("data-comment-id");
    var action = button.getAttribute("data-action");
    var problem = function (error) { inlineMessage(comment, error.message); };
    if (action === "recommend") {
      var on = button.getAttribute("aria-pressed") === "true";
      send(me.csrf, "/discussion/comments/" + id + (on ? "/unrecommend" : "/recommend")).then(function () {
        var count = comment.querySelector("[data-recommendations]");
        count.textContent = String((parseInt(count.textContent, 10) || 0) + (on ? -1 : 1));
        var list = me.recommended || [];
        me.recommended = on ? list.filter(function (x) { return x !== Number(id); }) : list.concat([Number(id)]);
        decorate(comment.parentNode);
      }).catch(problem);
    } else if (action === "follow") {
      var authorId = Number(comment.getAttribute("data-author-id"));
      var following = button.getAttribute("aria-pressed") === "true";
      send(me.csrf, "/discussion/readers/" + authorId + (following ? "/unfollow" : "/follow")).then(function () {
        var list = me.following || [];
        me.following = following ? list.filter(function (x) { return x !== authorId; }) : list.concat([authorId]);
        decorate(slot);
      }).catch(problem);
    } else if (action === "reply") {
      var thread = comment.closest("li.thread");
      var existing = thread.querySelector("form.comment-form[data-reply-to='" + id + "']");
      if (existing) {
        existing.querySelector("textarea").focus();
        return;
      }
      var form = commentForm(id, comment.getAttribute("data-author-name"));
      form.setAttribute("data-reply-to", id);
      comment.after(form);
      form.querySelector("textarea").focus();
    } else if (action === "edit") {
      editForm(comment, id);
    } else if (action === "delete") {
      confirmDelete(comment, id);
    } else if (action === "report") {
      reportForm(comment, id);
    }
  }

  function inlineMessage(comment, text) {
    var note = comment.querySelector(".comment__message");
    if (!note) {
      note = el("p", { "class": "comment__message", role: "status" });
      comment.appendChild(note);
    }
    note.textContent = text;
  }

  function editForm(comment, id) {
    if (comment.querySelector("form")) {
      return;
    }
    var body = comment.querySelector("[data-body]");
    var fieldId = "edit-" + id;
    var textarea = el("textarea", { id: fieldId, rows: "4", maxlength: String(MAX_LENGTH) });
    textarea.value = textOf(comment);
    var error = el("p", { "class": "field__error", role: "alert" });
    var form = el("form", { "class": "comment-form" }, [
      el("div", { "class": "field" }, [el("label", { "for": fieldId, text: "Change your comment" }), error, textarea]),
      el("button", { type: "submit", "class": "button", text: "Save changes" }),
      el("button", { type: "button", "class": "button button--secondary", "data-cancel": "", text: "Cancel" })
    ]);
    body.hidden = true;
    body.after(form);
    textarea.focus();
    form.querySelector("[data-cancel]").addEventListener("click", function () {
      form.remove();
      body.hidden = false;
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(me.csrf, "/discussion/comments/" + id + "/edit", { body: textarea.value })
        .then(function () { return replace(id); })
        .catch(function (problem) { error.textContent = problem.message; });
    });
  }

  function confirmDelete(comment, id) {
    if (comment.querySelector(".comment__confirm")) {
      return;
    }
    var yes = el("button", { type: "button", "class": "button", text: "Yes, delete it" });
    var no = el("button", { type: "button", "class": "button button--secondary", text: "Keep it" });
    var box = el("div", { "class": "comment__confirm", role: "group", "aria-label": "Delete this comment?" }, [
      el("p", { text: "Delete this comment? This cannot be undone." }), yes, no
    ]);
    comment.appendChild(box);
    yes.focus();
    no.addEventListener("click", function () { box.remove(); });
    yes.addEventListener("click", function () {
      send(me.csrf, "/discussion/comments/" + id + "/delete").then(function () {
        return replace(id);
      }).then(refreshMe).catch(function (problem) { inlineMessage(comment, problem.message); });
    });
  }

  var REASONS = [["spam", "Spam or advertising"], ["abuse", "Abusive, hateful or threatening"], ["off-topic", "Off topic"],
    ["personal-information", "Shares someone's personal information"], ["other", "Something else"]];

  function reportForm(comment, id) {
    if (comment.querySelector(".report-form")) {
      return;
    }
    var select = el("select", { id: "report-reason-" + id });
    REASONS.forEach(function (reason) { select.appendChild(el("option", { value: reason[0], text: reason[1] })); });
    var detail = el("textarea", { id: "report-detail-" + id, rows: "2", maxlength: "1000" });
    var error = el("p", { "class": "field__error", role: "alert" });
    var form = el("form", { "class": "report-form" }, [
      el("div", { "class": "field" }, [el("label", { "for": "report-reason-" + id, text: "Why are you reporting this comment?" }), select]),
      el("div", { "class": "field" }, [el("label", { "for": "report-detail-" + id, text: "Anything moderators should know (optional)" }), detail]),
      error,
      el("button", { type: "submit", "class": "button", text: "Send report" })
    ]);
    comment.appendChild(form);
    select.focus();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(me.csrf, "/discussion/comments/" + id + "/report", { reason: select.value, detail: detail.value })
        .then(function () {
          form.remove();
          inlineMessage(comment, "Thank you: moderators will look at this comment.");
        })
        .catch(function (problem) { error.textContent = problem.message; });
    });
  }

  // Links in the conversation load in place: orders, earlier and later pages, more replies.
  slot.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-sort], a[data-page], a[data-more-replies], button[data-action], button[data-show-new]");
    if (!link || !slot.contains(link)) {
      return;
    }
    event.preventDefault();
    if (link.hasAttribute("data-action")) {
      act(link);
    } else if (link.hasAttribute("data-show-new")) {
      showNew(link);
    } else if (link.hasAttribute("data-more-replies")) {
      getHtml(link.getAttribute("data-src")).then(function (body) {
        var replies = body.querySelector("[data-replies]");
        var thread = link.closest("li.thread");
        thread.querySelector("[data-replies]").replaceWith(replies);
        link.remove();
        decorate(thread);
      });
    } else {
      var url = new URL(link.href, location.href);
      load(url.search);
    }
  });

  // New comments pushed by live.js: offered, not forced on the reader mid-sentence.
  document.addEventListener("masthead:comment", function (event) {
    var detail = event.detail || {};
    if (String(detail.articleId) !== String(articleId) || document.getElementById("comment-" + detail.commentId)
        || postedHere.indexOf(Number(detail.commentId)) >= 0) {
      return;
    }
    if (detail.parentId == null) {
      if (pendingTop.indexOf(detail.commentId) < 0) {
        pendingTop.push(detail.commentId);
      }
      if (!banner) {
        banner = el("button", { type: "button", "class": "button button--secondary conversation__new", "data-show-new": "" });
        var where = conversation();
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
        button = el("button", { type: "button", "class": "link-button", "data-show-new": "", "data-thread": String(detail.parentId) });
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

  // A comment changed or deleted by its author, wherever it was done: shown afresh, unless this reader
  // is changing it here and now.
  document.addEventListener("masthead:comment-changed", function (event) {
    var detail = event.detail || {};
    var comment = document.getElementById("comment-" + detail.commentId);
    if (String(detail.articleId) === String(articleId) && comment && !comment.querySelector("form")) {
      replace(detail.commentId);
    }
  });

  function showNew(button) {
    var threadId = button.getAttribute("data-thread");
    var ids = threadId ? pendingReplies[threadId] : pendingTop;
    insert(ids.slice()).then(function (added) {
      adjustCount(added);
      if (threadId) {
        delete pendingReplies[threadId];
      } else {
        pendingTop = [];
        banner = null;
      }
      button.remove();
    });
  }

  // On the conversation's own page the first page is already there; on an article it is loaded.
  var ready = conversation()
    ? Promise.resolve(decorate(slot))
    : load(highlightTarget() ? "?around=" + highlightTarget() : "?sort=oldest");
  ready.then(refreshMe);
  window.addEventListener("hashchange", function () {
    if (highlightTarget()) {
      load("?around=" + highlightTarget()).then(function () { decorate(slot); });
    }
  });
})();
