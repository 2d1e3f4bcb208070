// The Save button on an article page. The page is cached and the same for everyone, so whether this
// reader has saved the article, and may save at all, comes from their own JSON at /reading-list/state.
// For a member, offline.js keeps their saved articles for reading offline, and is told when the list changes.
(function (M) {
  "use strict";
  var slot = document.querySelector("[data-save-slot]");
  if (!slot || !window.fetch) {
    return;
  }
  var articleId = slot.getAttribute("data-save-slot");
  var button = M.el("button", { type: "button", "class": "button button--secondary", "data-save-button": "" });
  var message = M.el("p", { "class": "field__hint", role: "status", "data-save-message": "" });

  M.filling(slot, M.getJson("/reading-list/state?article=" + encodeURIComponent(articleId))).then(function (state) {
    if (!state) {
      return;
    }
    var saved = state.saved;
    if (state.premium && M.offline) {
      M.offline.member();
    }
    function show() {
      button.textContent = saved ? "Saved" : "Save";
      button.setAttribute("aria-pressed", saved ? "true" : "false");
    }
    show();
    var busy = false;
    button.addEventListener("click", function () {
      if (!state.signedIn) {
        // A Premium member who is signed out needs only to sign in.
        message.replaceChildren(M.el("a", { href: M.signInPath(), text: "Sign in" }),
          document.createTextNode(" to save this article to your reading list."));
        return;
      }
      if (!state.premium) {
        message.replaceChildren(M.el("a", { href: "/premium", text: "Subscribe to Premium" }),
          document.createTextNode(" to save this article to your reading list."));
        return;
      }
      // Not disabled while it waits: a disabled button would drop the keyboard user's focus.
      if (busy) {
        return;
      }
      busy = true;
      button.setAttribute("aria-busy", "true");
      M.send("/reading-list/" + articleId, { method: saved ? "DELETE" : "POST", csrf: state.csrf }).then(function (answer) {
        saved = answer.saved;
        message.textContent = saved ? "Saved to your reading list." : "Removed from your reading list.";
        show();
        if (M.offline) {
          M.offline.changed();
        }
      }).catch(function (error) {
        message.textContent = error.message;
      }).then(function () {
        busy = false;
        button.removeAttribute("aria-busy");
      });
    });
    slot.appendChild(button);
    slot.appendChild(message);
  });
})(window.Masthead);
