// The small forms a comment opens in place: changing one's own comment, deleting it (after asking), and
// reporting someone else's. Each is an action of participation.js, which shows the buttons.
(function (M) {
  "use strict";
  var conversation = M.conversation;
  var participation = M.participation;
  if (!conversation || !participation) {
    return;
  }
  var REASONS = [["spam", "Spam or advertising"], ["abuse", "Abusive, hateful or threatening"], ["harassment", "Harassing someone"],
    ["off-topic", "Off topic"],
    ["personal-information", "Shares someone's personal information"], ["other", "Something else"]];

  function csrf() {
    return participation.me().csrf;
  }

  function textOf(comment) {
    return Array.prototype.map.call(comment.querySelectorAll("[data-body] > p"), function (p) {
      return p.innerText;
    }).join("\n\n");
  }

  participation.actions.edit = function (button, comment, id) {
    if (comment.querySelector("form")) {
      return;
    }
    var body = comment.querySelector("[data-body]");
    var fieldId = "edit-" + id;
    var textarea = M.el("textarea", { id: fieldId, rows: "4", maxlength: String(participation.maxLength) });
    textarea.value = textOf(comment);
    var error = M.el("p", { "class": "field__error", role: "alert" });
    var form = M.el("form", { "class": "comment-form" }, [
      M.el("div", { "class": "field" }, [M.el("label", { "for": fieldId, text: "Change your comment" }), error, textarea]),
      M.el("div", { "class": "form-actions" }, [
        M.el("button", { type: "submit", "class": "button", text: "Save changes" }),
        M.el("button", { type: "button", "class": "button button--secondary", "data-cancel": "", text: "Cancel" })
      ])
    ]);
    body.hidden = true;
    body.after(form);
    participation.countCharacters(textarea);
    textarea.focus();
    participation.cancellable(form, button, function () { body.hidden = false; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      M.send("/discussion/comments/" + id + "/edit", { csrf: csrf(), body: { body: textarea.value } })
        .then(function (answer) {
          return conversation.replace(id).then(function () { return answer; });
        })
        .then(function (answer) {
          if (answer && answer.held) {
            // Out of the conversation until a moderator approves it: shown to its author as held, and why.
            return participation.held(id, answer.reason);
          }
          // The comment as changed, read from its start; its Edit button while it may still be changed.
          var fresh = document.getElementById("comment-" + id);
          var edit = fresh && fresh.querySelector("[data-action='edit']");
          participation.focus(edit && !edit.hidden ? edit : fresh);
        })
        .catch(function (problem) { M.sayProblem(error, problem, "comment-" + id); });
    });
  };

  participation.actions.delete = function (button, comment, id) {
    if (comment.querySelector(".comment__confirm")) {
      return;
    }
    var yes = M.el("button", { type: "button", "class": "button", text: "Yes, delete it" });
    var no = M.el("button", { type: "button", "class": "button button--secondary", text: "Keep it" });
    var box = M.el("div", { "class": "comment__confirm", role: "group", "aria-label": "Delete this comment?" }, [
      M.el("p", { text: "Delete this comment? This cannot be undone." }), yes, no
    ]);
    comment.appendChild(box);
    yes.focus();
    no.addEventListener("click", function () {
      box.remove();
      button.focus();
    });
    yes.addEventListener("click", function () {
      // Where the reader goes on from: the comment's tombstone if it stays, else the next comment, else the count.
      var item = comment.closest("li");
      var next = item && item.nextElementSibling && item.nextElementSibling.querySelector("article.comment");
      M.send("/discussion/comments/" + id + "/delete", { csrf: csrf() })
        .then(function () { return conversation.replace(id); })
        .then(participation.refresh)
        .then(function () {
          participation.focus(document.getElementById("comment-" + id)
            || (next && next.isConnected ? next : conversation.slot.querySelector("[data-comment-count]")));
        })
        .catch(function (problem) { participation.inlineMessage(comment, problem); });
    });
  };

  participation.actions.report = function (button, comment, id) {
    if (comment.querySelector(".report-form")) {
      return;
    }
    // No reason chosen for the reader: a report sent as "spam" by default would mislead the moderators.
    var select = M.el("select", { id: "report-reason-" + id, required: "required" }, [M.el("option", { value: "", text: "Choose a reason" })]);
    REASONS.forEach(function (reason) { select.appendChild(M.el("option", { value: reason[0], text: reason[1] })); });
    var detail = M.el("textarea", { id: "report-detail-" + id, rows: "2", maxlength: "1000" });
    var error = M.el("p", { "class": "field__error", role: "alert" });
    var form = M.el("form", { "class": "report-form" }, [
      M.el("div", { "class": "field" }, [M.el("label", { "for": "report-reason-" + id, text: "Why are you reporting this comment?" }), select]),
      M.el("div", { "class": "field" }, [M.el("label", { "for": "report-detail-" + id, text: "Anything moderators should know (optional)" }), detail]),
      error,
      M.el("div", { "class": "form-actions" }, [
        M.el("button", { type: "submit", "class": "button", text: "Send report" }),
        M.el("button", { type: "button", "class": "button button--secondary", "data-cancel": "", text: "Cancel" })
      ])
    ]);
    comment.appendChild(form);
    select.focus();
    participation.cancellable(form, button);
    var done = function (words) {
      form.remove();
      participation.reported(id);
      // Report becomes "Reported", which does nothing more; focus stays there, the thanks read out beside it.
      participation.inlineMessage(comment, words);
      participation.decorate(comment.parentNode);
      button.focus();
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      M.send("/discussion/comments/" + id + "/report", { csrf: csrf(), body: { reason: select.value, detail: detail.value } })
        .then(function () { done("Thank you: moderators will look at this comment."); })
        .catch(function (problem) {
          // Reported before (from another page, or before a reload): the same as now, in the server's words.
          if (problem.status === 409) {
            done(problem.message);
          } else {
            M.sayProblem(error, problem, "comment-" + id);
          }
        });
    });
  };
})(window.Masthead);
