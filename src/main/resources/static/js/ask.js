// The ask under an article. The page is cached and the same for everyone, so whether to ask this
// reader at all (not supporters or Premium members), and which variant, comes from /asks/next.
// Each browser keeps one random number, so it always sees the same variant of a running test.
(function () {
  "use strict";

  function bucket() {
    var key = "masthead.ask-bucket";
    try {
      var kept = window.localStorage.getItem(key);
      if (kept === null) {
        kept = String(Math.floor(Math.random() * 1000000));
        window.localStorage.setItem(key, kept);
      }
      return kept;
    } catch (e) {
      return String(Math.floor(Math.random() * 1000000));
    }
  }

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  ready(function () {
    var slot = document.querySelector("[data-ask-slot]");
    if (!slot) {
      return;
    }
    fetch("/asks/next?bucket=" + encodeURIComponent(bucket()), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (ask) {
      if (!ask || !ask.show) {
        return;
      }
      var heading = document.createElement("h2");
      heading.textContent = ask.headline;
      var body = document.createElement("p");
      body.textContent = ask.body;
      var link = document.createElement("a");
      link.className = "button";
      link.href = ask.link;
      link.textContent = ask.button;
      slot.setAttribute("data-ask-variant", ask.variant);
      slot.appendChild(heading);
      slot.appendChild(body);
      slot.appendChild(link);
      slot.hidden = false;
    });
  });
})();
