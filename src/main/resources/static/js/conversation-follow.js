// "Follow this conversation" under an article's comments. The page is cached and the same for everyone,
// so whether this reader follows the conversation comes from their own JSON.
(function (M) {
  "use strict";
  var slot = document.querySelector("[data-conversation-follow]");
  if (!slot || !window.fetch) {
    return;
  }
  var url = "/notifications/conversations/" + slot.getAttribute("data-conversation-follow");
  var button = M.el("button", { type: "button", "class": "button button--secondary", "data-conversation-follow-button": "" });
  var message = M.el("p", { "class": "field__hint", role: "status" });

  M.filling(slot, M.getJson(url)).then(function (state) {
    if (!state || !state.signedIn) {
      // Signed out, the comment form already offers to sign in.
      return;
    }
    var following = state.following;
    function show() {
      button.textContent = following ? "Following this conversation" : "Follow this conversation";
      button.setAttribute("aria-pressed", following ? "true" : "false");
    }
    show();
    button.addEventListener("click", function () {
      button.disabled = true;
      M.send(url, { method: following ? "DELETE" : "POST", csrf: state.csrf }).then(function (answer) {
        following = answer.following;
        message.textContent = following
          ? "Followed: you will be told of new comments here."
          : "No longer followed: you will not be told of new comments here.";
        show();
      }).catch(function (error) {
        message.textContent = error.message;
      }).then(function () {
        button.disabled = false;
      });
    });
    slot.appendChild(button);
    slot.appendChild(message);
  });
})(window.Masthead);
