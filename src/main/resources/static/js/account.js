// Pages are the same for every reader so that they can be cached; this fills in the header for the
// reader who is signed in, after the page has loaded: their name (to their account), their
// notifications (live.js keeps the unread count) and a way to sign out, a POST with the CSRF token
// that came with /me, which brings the reader back to this page if it is a public one. Without
// JavaScript, or signed out, the header offers to sign in or register.
(function (M) {
  "use strict";
  var slot = document.querySelector("[data-account]");
  if (!slot || !window.fetch) {
    return;
  }

  function signOut(csrf) {
    var form = M.el("form", { method: "post", action: "/signout", "class": "masthead__signout" }, [
      M.el("button", { type: "submit", "class": "masthead__link", text: "Sign out" })
    ]);
    if (csrf) {
      form.prepend(M.el("input", { type: "hidden", name: csrf.parameterName, value: csrf.token }));
    }
    // Words a reader began in comment boxes are theirs alone: on a shared browser they go with them.
    form.addEventListener("submit", function () {
      try {
        for (var i = window.localStorage.length - 1; i >= 0; i--) {
          var name = window.localStorage.key(i);
          if (name && name.indexOf("masthead.comments.unsaved.") === 0) {
            window.localStorage.removeItem(name);
          }
        }
      } catch (e) { /* Nothing kept. */ }
    });
    // Signed out, the reader stays here if anyone may see this page; the server decides.
    var here = M.returnPath();
    if (here !== null) {
      form.prepend(M.el("input", { type: "hidden", name: "return", value: here }));
    }
    return form;
  }

  M.filling(slot, M.getJson("/me")).then(function (me) {
    if (!me || !me.signedIn) {
      // Signing in, or registering, from here comes back here.
      var signIn = slot.querySelector('a[href="/signin"]');
      if (signIn) {
        signIn.href = M.signInPath();
      }
      var register = slot.querySelector('a[href="/register"]');
      if (register) {
        register.href = M.signInPath(null, "/register");
      }
    } else {
      slot.classList.add("masthead__account--signed-in");
      slot.replaceChildren(
        M.el("a", { href: "/account", "class": "masthead__link", "aria-label": "Your account: " + me.displayName,
          text: me.displayName }),
        M.el("a", { href: "/my-news", "class": "masthead__link", text: "My news" }),
        M.el("a", { href: "/notifications", "class": "masthead__link masthead__notifications" }, [
          M.el("span", { "class": "masthead__label", text: "Notifications" })
        ]),
        signOut(me.csrf));
    }
    // Other scripts (comments, notifications) start from the same answer instead of asking again.
    document.dispatchEvent(new CustomEvent("masthead:me", { detail: me || { signedIn: false } }));
  }).catch(function () {
    // The header keeps its sign-in link.
    document.dispatchEvent(new CustomEvent("masthead:me", { detail: { signedIn: false } }));
  });
})(window.Masthead);
