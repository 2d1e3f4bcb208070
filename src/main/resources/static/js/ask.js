// The ask under an article. The page is cached and the same for everyone, so whether to ask this
// reader at all (not supporters or Premium members), and which variant, comes from /asks/next.
// Each browser keeps one random number, so it always sees the same variant of a running test.
(function (M) {
  "use strict";
  var slot = document.querySelector("[data-ask-slot]");
  if (!slot || !window.fetch) {
    return;
  }

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

  M.filling(slot, M.getJson("/asks/next?bucket=" + encodeURIComponent(bucket()))).then(function (ask) {
    if (!ask || !ask.show) {
      return;
    }
    slot.setAttribute("data-ask-variant", ask.variant);
    slot.replaceChildren(
      M.el("h2", { text: ask.headline }),
      M.el("p", { text: ask.body }),
      M.el("a", { "class": "button", href: ask.link, text: ask.button }));
    slot.hidden = false;
  });
})(window.Masthead);
