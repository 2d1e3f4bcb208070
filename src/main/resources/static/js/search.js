// Suggestions under every search box while a reader types: headlines, topics and authors, from
// /search/suggestions (cached, the same for everyone). Without JavaScript the box still searches.
(function () {
  "use strict";
  var DELAY = 200;

  function attach(input) {
    var list = document.createElement("ul");
    list.className = "search-suggestions";
    list.id = input.id + "-suggestions";
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("aria-controls", list.id);
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    var timer = null;
    var asked = "";

    function show(suggestions) {
      list.textContent = "";
      suggestions.forEach(function (s) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = s.href;
        link.textContent = s.label;
        var kind = document.createElement("span");
        kind.className = "search-suggestions__kind";
        kind.textContent = s.kind === "topic" ? "Topic" : s.kind === "author" ? "Author" : "Article";
        link.appendChild(document.createTextNode(" "));
        link.appendChild(kind);
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = suggestions.length === 0;
      status.textContent = suggestions.length === 0 ? "" :
        suggestions.length + (suggestions.length === 1 ? " suggestion" : " suggestions") + " below";
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var typed = input.value.trim();
      if (typed.length < 3) {
        show([]);
        return;
      }
      timer = setTimeout(function () {
        asked = typed;
        fetch("/search/suggestions?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (json) {
            if (asked === typed) {
              show(json.suggestions);
            }
          })
          .catch(function () { show([]); });
      }, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        show([]);
      }
    });
  }

  document.querySelectorAll("[data-search-input]").forEach(attach);
})();
