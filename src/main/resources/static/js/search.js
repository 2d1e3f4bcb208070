// Suggestions under every search box while a reader types: headlines, topics and authors, from
// /search/suggestions (cached, the same for everyone). The box is an ARIA combobox: ArrowDown and
// ArrowUp move through the suggestions, Enter opens the one chosen (or searches, if none is), Escape
// closes them and keeps what was typed. Without JavaScript the box still searches.
(function () {
  "use strict";
  var DELAY = 200;

  function attach(input) {
    var list = document.createElement("ul");
    list.className = "search-suggestions";
    list.id = input.id + "-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    var timer = null;
    var asked = "";
    var options = [];
    var active = -1;

    function choose(index) {
      if (active >= 0) {
        options[active].classList.remove("is-active");
        options[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (active < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[active].classList.add("is-active");
      options[active].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }

    function show(suggestions) {
      choose(-1);
      list.textContent = "";
      options = suggestions.map(function (s, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.dataset.href = s.href;
        option.textContent = s.label + " ";
        var kind = document.createElement("span");
        kind.className = "search-suggestions__kind";
        kind.textContent = s.kind === "topic" ? "Topic" : s.kind === "author" ? "Author" : "Article";
        option.appendChild(kind);
        // mousedown, not click: the box keeps its focus, and the list is still there when the button comes up.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(s.href);
        });
        list.appendChild(option);
        return option;
      });
      list.hidden = options.length === 0;
      input.setAttribute("aria-expanded", options.length === 0 ? "false" : "true");
      status.textContent = options.length === 0 ? "" :
        options.length + (options.length === 1 ? " suggestion" : " suggestions") + ": use the arrow keys to choose";
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
        // Only closes the suggestions: a search box's own Escape would also empty what the reader typed.
        event.preventDefault();
        show([]);
      } else if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        choose(active + 1 < options.length ? active + 1 : 0);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        choose(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(options[active].dataset.href);
      }
    });
    input.addEventListener("blur", function () {
      show([]);
    });
  }

  document.querySelectorAll("[data-search-input]").forEach(attach);
})();
