// "Follow this conversation" under an article's comments. The page is cached and the same for everyone,
// so whether this reader follows the conversation comes from their own JSON, asked again after they post
// (commenting follows the conversation, if their settings say so). A closed conversation is not offered
// to be followed: nothing new will come of it.
(function (M) {
  "use strict";
  var slot = document.querySelector("[data-conversation-follow]");
  if (!slot || !window.fetch) {
    return;
  }
  var url = "/notifications/conversations/" + slot.getAttribute("data-conversation-follow");
  var button = M.el("button", { type: "button", "class": "button button--secondary", "data-conversation-follow-button": "" });
  var message = M.el("p", { "class": "field__hint", role: "status" });
  var conversation = M.conversation;
  var ready = conversation ? conversation.ready.catch(function () {}) : Promise.resolve();
  var following = false;
  var state = null;
  var busy = false;

  function closed() {
    return !!(conversation && conversation.slot.querySelector(".conversation[data-open='false']"));
  }

  function show() {
    button.textContent = following ? "Following this conversation" : "Follow this conversation";
    button.setAttribute("aria-pressed", following ? "true" : "false");
    button.hidden = closed() && !following;
  }

  M.filling(slot, Promise.all([M.getJson(url), ready])).then(function (answers) {
    state = answers[0];
    if (!state || !state.signedIn) {
      // Signed out, the comment form already offers to sign in.
      return;
    }
    following = state.following;
    show();
    button.addEventListener("click", function () {
      // Not disabled while it waits: a disabled button would drop the keyboard user's focus.
      if (busy) {
        return;
      }
      busy = true;
      button.setAttribute("aria-busy", "true");
      M.send(url, { method: following ? "DELETE" : "POST", csrf: state.csrf }).then(function (answer) {
        following = answer.following;
        message.textContent = following
          ? "Followed: you will be told of new comments here."
          : "No longer followed: you will not be told of new comments here.";
        show();
      }).catch(function (error) {
        M.sayProblem(message, error, "comments");
      }).then(function () {
        busy = false;
        button.removeAttribute("aria-busy");
      });
    });
    slot.appendChild(button);
    slot.appendChild(message);
  });

  document.addEventListener("masthead:posted", function () {
    if (!state || !state.signedIn) {
      return;
    }
    M.getJson(url).then(function (fresh) {
      if (fresh && fresh.signedIn) {
        following = fresh.following;
        show();
      }
    });
  });
})(window.Masthead);
