// The Follow button on topic and author pages. The page is cached and the same for everyone, so whether
// this reader follows what it shows comes from their own JSON at /follows/state/{kind}/{slug}.
(function (M) {
  "use strict";
  var slot = document.querySelector("[data-follow-slot]");
  if (!slot || !window.fetch) {
    return;
  }
  var what = slot.getAttribute("data-follow-slot");
  var button = M.el("button", { type: "button", "class": "button button--secondary", "data-follow-button": "" });
  var message = M.el("p", { "class": "field__hint", role: "status", "data-follow-message": "" });

  M.filling(slot, M.getJson("/follows/state/" + what)).then(function (state) {
    if (!state) {
      return;
    }
    if (!state.signedIn) {
      slot.appendChild(M.el("p", { "class": "field__hint" }, [
        M.el("a", { href: M.signInPath(), text: "Sign in" }),
        document.createTextNode(" to follow this and find it under My news.")
      ]));
      return;
    }
    var following = state.following;
    function show() {
      button.textContent = following ? "Following" : "Follow";
      button.setAttribute("aria-pressed", following ? "true" : "false");
    }
    show();
    var busy = false;
    button.addEventListener("click", function () {
      // Not disabled while it waits: a disabled button would drop the keyboard user's focus.
      if (busy) {
        return;
      }
      busy = true;
      button.setAttribute("aria-busy", "true");
      M.send("/follows/" + what, { method: following ? "DELETE" : "POST", csrf: state.csrf }).then(function (answer) {
        following = answer.following;
        message.replaceChildren();
        if (following) {
          message.append("Followed: new articles appear under ", M.el("a", { href: "/my-news", text: "My news" }), ".");
        } else {
          message.textContent = "No longer followed.";
        }
        show();
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
