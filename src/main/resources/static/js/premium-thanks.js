// The Premium thank-you page. The payment provider confirms a new subscription by webhook, usually
// seconds after the checkout; until then the page says it is waiting, and asks /premium/status every
// few seconds so that it changes by itself once Premium is active. Without script, a link looks again.
(function () {
  "use strict";

  var EVERY = 2000;
  var GIVE_UP_AFTER = 2 * 60 * 1000;

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  ready(function () {
    var pending = document.querySelector("[data-premium-pending]");
    var active = document.querySelector("[data-premium-active]");
    var slow = document.querySelector("[data-premium-slow]");
    if (!pending || !active) {
      return;
    }
    var started = Date.now();

    function ask() {
      fetch("/premium/status", {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" }
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).catch(function () {
        return null;
      }).then(function (status) {
        if (status && status.premium) {
          pending.hidden = true;
          if (slow) {
            slow.hidden = true;
          }
          active.hidden = false;
          return;
        }
        if (status && !status.signedIn) {
          // Signed out meanwhile: nothing this page can wait for.
          return;
        }
        if (Date.now() - started > GIVE_UP_AFTER) {
          pending.hidden = true;
          if (slow) {
            slow.hidden = false;
          }
          return;
        }
        setTimeout(ask, EVERY);
      });
    }

    setTimeout(ask, EVERY);
  });
})();
