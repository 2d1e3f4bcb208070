// Taking part in the conversation that conversation.js shows: asks /discussion/{id}/me what this reader
// may do (with the CSRF token the cached page lacks), shows each comment the buttons they may use, and
// posts comments and replies. Changing, deleting and reporting a comment are comment-forms.js's.
(function (M) {
  "use strict";
  var conversation = M.conversation;
  if (!conversation) {
    return;
  }
  var MAX_LENGTH = 5000;
  var base = conversation.base;
  var slot = conversation.slot;
  var formSlot = conversation.section.querySelector("[data-discussion-form]");
  var focusOn = conversation.focus;
  var me = { signedIn: false, canPost: false, recommended: [], mine: [], editableUntil: {}, following: [] };
  // Comments this reader reported while the page is open: /me does not list them.
  var reported = [];
  var editClosing = null;
  var participation = M.participation = {
    me: function () { return me; },
    refresh: refreshMe,
    inlineMessage: inlineMessage,
    reported: function (id) {
      reported.push(Number(id));
    },
    // Puts focus on an element that is not otherwise focusable (a comment, a message), which scrolls to it.
    focus: focusOn,
    cancellable: cancellable,
    decorate: function (root) { decorate(root); },
    maxLength: MAX_LENGTH,
    countCharacters: countCharacters,
    held: showHeld,
    // actions[name](button, comment, id) handles a press of a comment's button[data-action=name].
    actions: {}
  };

  function uuid() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function refreshMe() {
    return M.getJson(base + "/me").then(function (answer) {
      if (answer) {
        me = answer;
      }
      renderForm();
      renderModerated();
      decorate(slot);
      closeEditsOnTime();
    });
  }

  // A form opened in place closes on its Cancel button or on Escape, giving focus back to the button that
  // opened it; onClose puts back what the form stood in for.
  function cancellable(form, opener, onClose) {
    var close = function () {
      form.remove();
      if (onClose) {
        onClose();
      }
      focusOn(opener);
    };
    form.querySelector("[data-cancel]").addEventListener("click", close);
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
  }

  // The box keeps no more than MAX_LENGTH characters (maxlength), so the reader is told how many are left
  // as they near it, and plainly once what they typed or pasted was cut there. The count shown changes with
  // every key; what a screen reader hears waits for a pause in typing, except reaching the limit, said at once.
  function countCharacters(textarea) {
    var countId = textarea.id + "-count";
    var shown = M.el("p", { "class": "field__count", id: countId, hidden: "" });
    var heard = M.el("span", { "class": "visually-hidden", "aria-live": "polite" });
    var pause = null;
    var full = false;
    var update = function () {
      var left = MAX_LENGTH - textarea.value.length;
      var wasFull = full;
      full = left <= 0;
      shown.hidden = left > 500;
      shown.classList.toggle("field__count--full", full);
      shown.textContent = full
        ? "You have reached the limit of " + MAX_LENGTH.toLocaleString("en-GB")
          + " characters: anything typed or pasted beyond it is not kept. Shorten the text to add more."
        : left.toLocaleString("en-GB") + (left === 1 ? " character" : " characters") + " left";
      window.clearTimeout(pause);
      if (full && !wasFull) {
        heard.textContent = shown.textContent;
      } else if (!full) {
        pause = window.setTimeout(function () { heard.textContent = shown.hidden ? "" : shown.textContent; }, 1000);
      }
    };
    textarea.addEventListener("input", update);
    textarea.after(shown, heard);
    textarea.setAttribute("aria-describedby", ((textarea.getAttribute("aria-describedby") || "") + " " + countId).trim());
    update();
    return update;
  }

  // Edit is offered only while the server still allows it: it goes when the next comment's window closes.
  function closeEditsOnTime() {
    window.clearTimeout(editClosing);
    var now = Date.now();
    var next = Object.keys(me.editableUntil || {}).map(function (id) { return new Date(me.editableUntil[id]).getTime(); })
      .filter(function (time) { return time > now; })
      .sort(function (a, b) { return a - b; })[0];
    if (next) {
      editClosing = window.setTimeout(function () {
        decorate(slot);
        closeEditsOnTime();
      }, next - now + 250);
    }
  }

  // Why the reader's own comments were held, as the server said when they were changed on this page.
  var heldReasons = {};

  // The reader's own comment now waits for a moderator: it is shown among their held comments, with why,
  // and the reader goes on from there.
  function showHeld(id, reason) {
    if (reason) {
      heldReasons[Number(id)] = reason;
    }
    return refreshMe().then(function () {
      var own = document.getElementById("own-comment-" + id);
      if (own) {
        focusOn(own);
      }
    });
  }

  // The reader's own comments that wait for a moderator or were removed by one: nobody else sees them,
  // so they are shown from the reader's own JSON, never from the cached conversation.
  var moderatedSlot = null;
  var arrivedAtOwn = false;
  function renderModerated() {
    var list = me.moderated || [];
    if (!formSlot) {
      return;
    }
    if (!moderatedSlot) {
      moderatedSlot = M.el("section", { "class": "moderated-comments", "aria-label": "Your comments out of the conversation" });
      formSlot.before(moderatedSlot);
    }
    slot.querySelectorAll("li.reply--held").forEach(function (item) { item.remove(); });
    var apart = [];
    list.forEach(function (comment) {
      var copy = ownCopy(comment);
      // A held reply waits in its thread, under what it answers, when that is on the page shown.
      var answered = comment.status === "pending" && comment.inReplyToId
        && slot.querySelector("#comment-" + comment.inReplyToId);
      var replies = answered && answered.closest("li.thread") && answered.closest("li.thread").querySelector("[data-replies]");
      if (replies) {
        replies.appendChild(M.el("li", { "class": "reply reply--held" }, [copy]));
      } else {
        apart.push(copy);
      }
    });
    moderatedSlot.hidden = apart.length === 0;
    moderatedSlot.replaceChildren.apply(moderatedSlot, apart);
    // Come from the reader's own profile to a comment of theirs that waits: it is only here now, so go to it.
    var arrived = !arrivedAtOwn && location.hash.indexOf("#own-comment-") === 0
      && document.getElementById(location.hash.slice(1));
    if (arrived) {
      arrivedAtOwn = true;
      focusOn(arrived);
    }
  }

  // The reader's own copy of a comment out of the conversation, with what became of it.
  function ownCopy(comment) {
    var held = comment.status === "pending";
    var why = heldReasons[Number(comment.id)];
    var label = held
      ? M.el("p", { "class": "comment__status", text: "Waiting for a moderator. " + (why ? why + " " : "")
        + "Only you can see this comment until it is approved." })
      : M.el("p", { "class": "comment__status comment__status--rejected" }, [
        // The reason may itself start with a label ("Off topic: Please keep…"): a dash, not a second colon.
        document.createTextNode("Removed by a moderator" + (comment.reason ? " \u2014 " + comment.reason : "")
          + (/[.!?…]$/.test(comment.reason || "") ? " " : ". ")),
        M.el("a", { href: "/appeals", text: "Why, and how to appeal" })
      ]);
    var paragraphs = comment.body.split(/\n\s*\n/).map(function (text) { return M.el("p", { text: text }); });
    // A reply says what it answers, with a way there: its thread may be on another page.
    var context = comment.inReplyToId
      ? [M.el("p", { "class": "comment__context" }, [document.createTextNode("In reply to "),
        M.el("a", { href: "/comment/" + comment.inReplyToId, text: comment.inReplyTo })])]
      : [];
    return M.el("article", { "class": "comment comment--" + (held ? "held" : "rejected"), id: "own-comment-" + comment.id,
      "data-own-comment-id": String(comment.id) }, [label].concat(context, [M.el("div", { "class": "comment__body" }, paragraphs)]));
  }

  function mine(id) {
    return me.mine && me.mine.indexOf(Number(id)) >= 0;
  }

  // Shows each comment the buttons this reader may use.
  function decorate(root) {
    root.querySelectorAll("article.comment").forEach(function (comment) {
      var id = comment.getAttribute("data-comment-id");
      var authorId = Number(comment.getAttribute("data-author-id"));
      var own = mine(id);
      // Recommending and reporting: not for a reader a sanction keeps from posting (the server refuses them too).
      var active = me.signedIn && !!me.mayTakePart;
      var has = function (action) { return comment.querySelector("[data-action='" + action + "']"); };
      var show = function (action, visible) {
        var button = has(action);
        if (button) {
          button.hidden = !visible;
        }
      };
      var until = me.editableUntil && me.editableUntil[id];
      var muted = !!(me.muted && me.muted.indexOf(authorId) >= 0);
      show("recommend", active && !own);
      show("reply", !!me.canPost);
      show("edit", own && until && new Date(until) > new Date());
      show("delete", own);
      show("report", active && !own);
      // A former reader's comment has no author id: nobody to follow or mute.
      show("follow", active && !own && !!authorId && authorId !== me.accountId && !!comment.querySelector("a.comment__author"));
      show("mute", me.signedIn && !own && !!authorId && authorId !== me.accountId);
      show("pick", !!me.canPick && comment.getAttribute("data-deleted") !== "true");
      // A boolean always: classList.toggle with an undefined force flips the class on every call.
      collapseIfMuted(comment, muted);
      var mute = has("mute");
      if (mute) {
        mute.textContent = (muted ? "Unmute " : "Mute ") + comment.getAttribute("data-author-name");
      }
      var report = has("report");
      if (report) {
        var done = reported.indexOf(Number(id)) >= 0;
        report.textContent = done ? "Reported" : "Report";
        if (done) {
          report.setAttribute("aria-disabled", "true");
        } else {
          report.removeAttribute("aria-disabled");
        }
      }
      var recommend = has("recommend");
      if (recommend) {
        var recommended = me.recommended && me.recommended.indexOf(Number(id)) >= 0;
        recommend.setAttribute("aria-pressed", recommended ? "true" : "false");
        recommend.textContent = recommended ? "Recommended" : "Recommend";
      }
      var pick = has("pick");
      if (pick) {
        pick.textContent = comment.getAttribute("data-picked") === "true" ? "Un-pick" : "Pick";
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

  // A muted reader's comment is folded away for this reader only: the cached conversation is the same
  // for everyone, so it is folded here, from the reader's own /me. The reader may still open it.
  function collapseIfMuted(comment, muted) {
    var fold = comment.querySelector(":scope > .comment__muted");
    comment.classList.toggle("comment--muted", muted && !(fold && fold.getAttribute("aria-expanded") === "true"));
    if (!muted) {
      if (fold) {
        fold.remove();
      }
      return;
    }
    if (!fold) {
      fold = M.el("button", { type: "button", "class": "link-button comment__muted", "aria-expanded": "false",
        text: "A comment by " + comment.getAttribute("data-author-name") + ", whom you muted. Show it" });
      fold.addEventListener("click", function () {
        var open = fold.getAttribute("aria-expanded") !== "true";
        fold.setAttribute("aria-expanded", open ? "true" : "false");
        fold.textContent = open
          ? "Hide this comment by " + comment.getAttribute("data-author-name") + ", whom you muted"
          : "A comment by " + comment.getAttribute("data-author-name") + ", whom you muted. Show it";
        comment.classList.toggle("comment--muted", !open);
      });
      comment.prepend(fold);
    }
  }

  // Staff pick or un-pick a comment; the comment is shown afresh, with or without its mark.
  participation.actions.pick = function (button, comment, id) {
    var picked = comment.getAttribute("data-picked") === "true";
    return M.send("/moderation/comments/" + id + (picked ? "/unpick" : "/pick"), { csrf: me.csrf }).then(function () {
      return conversation.replace(id);
    });
  };

  // Mutes the author, or unmutes them from one of their comments opened after muting.
  participation.actions.mute = function (button, comment) {
    var authorId = Number(comment.getAttribute("data-author-id"));
    var muted = me.muted && me.muted.indexOf(authorId) >= 0;
    return M.send("/account/muted/" + authorId + (muted ? "/remove" : ""), { csrf: me.csrf }).then(refreshMe).then(function () {
      // Muted, the comment folds away: the fold that offers to show it again is where the reader is.
      focusOn(muted ? button : comment.querySelector(":scope > .comment__muted") || comment);
    });
  };

  function messageFor(state) {
    if (state.reason === "signed-out") {
      return M.el("p", { "class": "notice" }, [
        M.el("a", { href: M.signInPath("comments"), text: "Sign in" }), document.createTextNode(" or "),
        M.el("a", { href: M.signInPath("comments", "/register"), text: "register" }), document.createTextNode(" to join the conversation.")
      ]);
    }
    if (state.reason === "sanctioned") {
      return sanctionNotice(state.message, {});
    }
    if (state.reason === "unverified") {
      return unverifiedNotice(state.message);
    }
    return M.el("p", { "class": "notice", text: state.message || "" });
  }

  // A reader who has not confirmed their address yet, with a way to have the link sent again, here.
  function unverifiedNotice(message) {
    var again = M.el("button", { type: "button", "class": "link-button", text: "Send the link again" });
    var said = M.el("span", { role: "status" });
    again.addEventListener("click", function () {
      M.send("/account/verify/resend", { csrf: me.csrf }).then(function () {
        said.textContent = "We have sent a new link. It works for 48 hours.";
      }).catch(function (problem) {
        M.sayProblem(said, problem, "comments");
      });
    });
    return M.el("p", { "class": "notice" }, [document.createTextNode((message || "") + " "), again, document.createTextNode(" "), said]);
  }

  // What moderators decided about the reader, with where to read why and appeal.
  function sanctionNotice(message, attributes) {
    attributes["class"] = "notice";
    return M.el("p", attributes, [
      document.createTextNode((message || "") + " "),
      M.el("a", { href: "/appeals", text: "Why, and how to appeal" })
    ]);
  }

  function renderForm() {
    if (!formSlot) {
      return;
    }
    if (!me.canPost) {
      // A closed conversation says so itself, for every reader.
      var said = me.reason === "closed" && slot.querySelector(".conversation__closed");
      formSlot.replaceChildren(me.reason && !said ? messageFor(me) : document.createTextNode(""));
      return;
    }
    if (formSlot.querySelector("form")) {
      return;
    }
    var form = commentForm(null, null);
    formSlot.replaceChildren(form);
    var kept = form.querySelector("textarea");
    if (kept.value && location.hash === "#comments") {
      // Back from signing in again, with what was being written: on from there.
      kept.focus();
    }
    if (me.message) {
      // A warning from the moderators, shown before the reader writes again.
      formSlot.prepend(sanctionNotice(me.message, { role: "status" }));
    }
    if (me.editor) {
      formSlot.appendChild(M.el("p", {}, [M.el("a", { href: base + "/settings", text: "Comment settings (editors)" })]));
    }
  }

  // What is typed in a comment or reply box is kept in this browser until the server has it, as the
  // newsroom editor keeps an article's words: a session that ended meanwhile (and "Sign in again"), a tab
  // closed or a crash loses nothing. The box opens with it again; a reply's box is opened again under its
  // comment once the conversation is shown. Each reader's words are kept apart, under their account, so that
  // on a shared browser the next reader never finds them (and signing out forgets them: account.js). Words
  // left for a week are forgotten when next looked for, since a session that merely timed out never signs out.
  var DRAFT_KEPT_FOR_MS = 7 * 24 * 60 * 60 * 1000;
  function draftPrefix() {
    return "masthead.comments.unsaved." + (me.accountId || "nobody") + "." + conversation.articleId + ".";
  }
  var drafts = {
    read: function (inReplyTo) {
      try {
        var kept = JSON.parse(window.localStorage.getItem(draftPrefix() + (inReplyTo || "new")) || "null");
        if (kept && !(Date.now() - kept.at < DRAFT_KEPT_FOR_MS)) {
          drafts.forget(inReplyTo);
          return "";
        }
        return kept && typeof kept.text === "string" ? kept.text : "";
      } catch (e) {
        return "";
      }
    },
    keep: function (inReplyTo, text) {
      try {
        if (text.trim()) {
          window.localStorage.setItem(draftPrefix() + (inReplyTo || "new"), JSON.stringify({ text: text, at: Date.now() }));
        } else {
          drafts.forget(inReplyTo);
        }
      } catch (e) { /* Storage full or refused: the text is still in the box. */ }
    },
    forget: function (inReplyTo) {
      try {
        window.localStorage.removeItem(draftPrefix() + (inReplyTo || "new"));
      } catch (e) { /* Nothing kept. */ }
    },
    // The comments this reader had begun a reply to, by id.
    replies: function () {
      var ids = [];
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var name = window.localStorage.key(i);
          var match = name && name.indexOf(draftPrefix()) === 0 && /^(\d+)$/.exec(name.slice(draftPrefix().length));
          if (match) {
            ids.push(match[1]);
          }
        }
      } catch (e) { /* Nothing kept. */ }
      return ids.filter(function (id) { return drafts.read(id) !== ""; });
    }
  };

  // Opens again the reply form left with words in it under the comment the address points at, as "Sign in
  // again" does; any other reply begun is in its box when the reader presses that comment's Reply again.
  function reopenReplies() {
    if (!me.canPost) {
      return;
    }
    drafts.replies().forEach(function (id) {
      var comment = location.hash === "#comment-" + id && document.getElementById("comment-" + id);
      var button = comment && comment.querySelector("[data-action='reply']");
      if (button && !button.hidden) {
        participation.actions.reply(button, comment, id);
      }
    });
  }

  // A form for a comment (inReplyTo null) or a reply. Its key makes a retried submit post once. A reply's
  // form can be cancelled (its button, or Escape), which gives focus back to the Reply button.
  function commentForm(inReplyTo, name, opener) {
    var key = uuid();
    var id = "comment-text-" + (inReplyTo || "new");
    var textarea = M.el("textarea", { id: id, name: "body", rows: inReplyTo ? "3" : "5", maxlength: String(MAX_LENGTH),
      "aria-describedby": id + "-hint" });
    var error = M.el("p", { "class": "field__error", id: id + "-error", role: "alert" });
    var button = M.el("button", { type: "submit", "class": "button", text: inReplyTo ? "Post reply" : "Post comment" });
    var form = M.el("form", { "class": "comment-form", novalidate: "" }, [
      M.el("div", { "class": "field" }, [
        M.el("label", { "for": id, text: inReplyTo ? "Your reply to " + name : "Your comment" }),
        M.el("p", { "class": "field__hint", id: id + "-hint",
          text: "Up to 5,000 characters. A blank line starts a new paragraph; web addresses become links; @name mentions a reader." }),
        error,
        textarea
      ]),
      M.el("div", { "class": "form-actions" }, inReplyTo
        ? [button, M.el("button", { type: "button", "class": "button button--secondary", "data-cancel": "", text: "Cancel" })]
        : [button]),
      M.el("p", { "class": "field__hint" }, [
        document.createTextNode("Please keep to our "),
        M.el("a", { href: "/community-standards", text: "community standards" }),
        document.createTextNode(".")
      ])
    ]);
    textarea.value = drafts.read(inReplyTo);
    textarea.addEventListener("input", function () { drafts.keep(inReplyTo, textarea.value); });
    var counted = countCharacters(textarea);
    if (inReplyTo) {
      // A reply given up is given up: its words are not offered again.
      cancellable(form, opener, function () { drafts.forget(inReplyTo); });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      error.textContent = "";
      textarea.removeAttribute("aria-invalid");
      M.send(base + "/comments", {
        csrf: me.csrf,
        body: { body: textarea.value, inReplyTo: inReplyTo ? Number(inReplyTo) : null, idempotencyKey: key }
      })
        .then(function (posted) {
          key = uuid();
          drafts.forget(inReplyTo);
          textarea.value = "";
          counted();
          posted.id = Number(posted.id);
          if (posted.held) {
            if (inReplyTo) {
              form.remove();
            }
            return showHeld(posted.id, posted.reason);
          }
          conversation.postedHere(posted.id);
          // Commenting may have followed the conversation, as the reader's settings say.
          document.dispatchEvent(new CustomEvent("masthead:posted", { detail: { articleId: conversation.articleId } }));
          return conversation.insert([posted.id]).then(function () {
            conversation.adjustCount(posted.created ? 1 : 0);
            return refreshMe();
          }).then(function () {
            var comment = document.getElementById("comment-" + posted.id);
            var said = form.parentNode && form.parentNode.querySelector(":scope > .comment-form__posted");
            if (said) {
              said.remove();
            }
            if (!comment) {
              // Not on the page shown (the Picks tab lists no replies; a new comment belongs on the last page
              // of the oldest first): said where the form is, with a link to it.
              var note = M.el("p", { "class": "comment__message comment-form__posted", role: "status" }, [
                document.createTextNode(inReplyTo ? "Your reply is posted. " : "Your comment is posted. "),
                M.el("a", { href: posted.permalink, text: "See it in the conversation" })
              ]);
              if (inReplyTo) {
                form.replaceWith(note);
              } else {
                form.after(note);
              }
              focusOn(note);
              return;
            }
            if (inReplyTo) {
              form.remove();
            }
            focusOn(comment);
          });
        })
        .catch(function (problem) {
          M.sayProblem(error, problem, inReplyTo ? "comment-" + inReplyTo : "comments");
          textarea.setAttribute("aria-invalid", "true");
          textarea.setAttribute("aria-describedby", id + "-hint " + id + "-count " + id + "-error");
        })
        .finally(function () { button.disabled = false; });
    });
    return form;
  }

  // A line under a comment: words, or a refusal from M.send (which may offer to sign in again).
  function inlineMessage(comment, text) {
    var note = comment.querySelector(".comment__message");
    if (!note) {
      note = M.el("p", { "class": "comment__message", role: "status" });
      comment.appendChild(note);
    }
    if (text instanceof Error) {
      M.sayProblem(note, text, comment.id);
    } else {
      note.textContent = text;
    }
    return note;
  }

  participation.actions.recommend = function (button, comment, id) {
    var on = button.getAttribute("aria-pressed") === "true";
    return M.send("/discussion/comments/" + id + (on ? "/unrecommend" : "/recommend"), { csrf: me.csrf }).then(function () {
      var count = comment.querySelector("[data-recommendations]");
      var n = Math.max(0, (parseInt(count.textContent, 10) || 0) + (on ? -1 : 1));
      count.textContent = M.plural(n, "recommendation", "recommendations");
      var list = me.recommended || [];
      me.recommended = on ? list.filter(function (x) { return x !== Number(id); }) : list.concat([Number(id)]);
      decorate(comment.parentNode);
    });
  };

  participation.actions.follow = function (button, comment) {
    var authorId = Number(comment.getAttribute("data-author-id"));
    var following = button.getAttribute("aria-pressed") === "true";
    return M.send("/discussion/readers/" + authorId + (following ? "/unfollow" : "/follow"), { csrf: me.csrf }).then(function () {
      var list = me.following || [];
      me.following = following ? list.filter(function (x) { return x !== authorId; }) : list.concat([authorId]);
      decorate(slot);
    });
  };

  participation.actions.reply = function (button, comment, id) {
    // A thread's comment, a reply, or a pick on the Picks tab, which stands alone.
    var existing = comment.parentNode.querySelector("form.comment-form[data-reply-to='" + id + "']");
    if (existing) {
      existing.querySelector("textarea").focus();
      return;
    }
    var form = commentForm(id, comment.getAttribute("data-author-name"), button);
    form.setAttribute("data-reply-to", id);
    comment.after(form);
    form.querySelector("textarea").focus();
  };

  slot.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button || !slot.contains(button)) {
      return;
    }
    event.preventDefault();
    var comment = button.closest("article.comment");
    var action = participation.actions[button.getAttribute("data-action")];
    var id = comment.getAttribute("data-comment-id");
    if (button.getAttribute("aria-disabled") === "true") {
      return;
    }
    Promise.resolve(action && action(button, comment, id)).catch(function (problem) {
      inlineMessage(comment, problem);
    });
  });

  conversation.onChange(decorate);
  // Another page of the conversation, or more replies: held replies go back under what they answer.
  conversation.onChange(function () {
    if (me.signedIn) {
      renderModerated();
    }
  });
  M.filling(conversation.section, conversation.ready.then(refreshMe).then(reopenReplies));
})(window.Masthead);
