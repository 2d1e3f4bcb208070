// Pages are the same for every reader so that they can be cached; this names the reader who is
// signed in, after the page has loaded. Without JavaScript the header simply offers to sign in.
(function () {
  "use strict";
  var slot = document.querySelector("[data-account]");
  if (!slot || !window.fetch) {
    return;
  }
  fetch("/me", { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (me) {
      // Other scripts (comments, notifications) start from the same answer instead of asking again.
      document.dispatchEvent(new CustomEvent("masthead:me", { detail: me || { signedIn: false } }));
      if (!me || !me.signedIn) {
        // Signing in from here comes back here (the page is the same for everyone, so the link says so).
        var signIn = slot.querySelector('a[href="/signin"]');
        if (signIn && location.pathname !== "/signin") {
          signIn.href = "/signin?return=" + encodeURIComponent(location.pathname + location.search + location.hash);
        }
        return;
      }
      var link = document.createElement("a");
      link.href = "/account";
      link.textContent = me.displayName;
      link.setAttribute("aria-label", "Your account: " + me.displayName);
      slot.replaceChildren(link);
    })
    .catch(function () { /* The header keeps its sign-in link. */ });
})();
