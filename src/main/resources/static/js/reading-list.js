// The Save button on an article page. The page is cached and the same for everyone, so whether this
// reader has saved the article, and may save at all, comes from their own JSON at /reading-list/state.
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  function send(method, url, csrf) {
    var headers = { Accept: "application/json" };
    if (csrf) {
      headers[csrf.header] = csrf.token;
    }
    return fetch(url, { method: method, credentials: "same-origin", headers: headers }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var error = new Error(json.detail || "Something went wrong. Please try again.");
          error.status = response.status;
          throw error;
        }
        return json;
      });
    });
  }

  ready(function () {
    var slot = document.querySelector("[data-save-slot]");
    if (!slot) {
      return;
    }
    var articleId = slot.getAttribute("data-save-slot");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary";
    button.setAttribute("data-save-button", "");
    var message = document.createElement("p");
    message.className = "field__hint";
    message.setAttribute("role", "status");
    message.setAttribute("data-save-message", "");

    fetch("/reading-list/state?article=" + encodeURIComponent(articleId), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (state) {
      if (!state) {
        return;
      }
      var saved = state.saved;
      function show() {
        button.textContent = saved ? "Saved" : "Save";
        button.setAttribute("aria-pressed", saved ? "true" : "false");
      }
      show();
      button.addEventListener("click", function () {
        if (!state.premium) {
          message.textContent = "";
          var link = document.createElement("a");
          link.href = "/premium";
          link.textContent = "Subscribe to Premium";
          message.appendChild(link);
          message.appendChild(document.createTextNode(" to bookmark this article."));
          return;
        }
        button.disabled = true;
        send(saved ? "DELETE" : "POST", "/reading-list/" + articleId, state.csrf).then(function (answer) {
          saved = answer.saved;
          message.textContent = saved ? "Saved to your reading list." : "Removed from your reading list.";
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
  });
})();
