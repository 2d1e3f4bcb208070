// Offline reading for Premium members (the worker is /sw.js; what it keeps and why it cannot show one
// reader's pages to another is told there). Pages are the same for everyone, so whether to keep anything
// is decided by the reader's own answers: the worker is registered only once the server has said this
// reader is a member (their reading-list state on an article page, or /reading-list/offline asked once per
// tab after signing in). On every page the worker is told who is here now: it reads the list again,
// empties itself for a reader who is not the member it kept for, and removes itself for one signed out.
(function (M) {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.fetch || !window.caches) {
    M.offline = { member: function () {}, changed: function () {} };
    return;
  }
  var workers = navigator.serviceWorker;
  var status = document.querySelector("[data-offline-status]");
  var list = document.querySelector("[data-offline-list]");

  function send(message) {
    return workers.ready.then(function (registration) {
      if (registration.active) {
        registration.active.postMessage(message);
      }
    });
  }

  function register(force) {
    return workers.register("/sw.js", { scope: "/" }).then(function () {
      return send({ type: "sync", force: force });
    });
  }

  workers.addEventListener("message", function (event) {
    if (!event.data || event.data.type !== "offline") {
      return;
    }
    var articles = event.data.articles || [];
    if (status) {
      status.textContent = articles.length
        ? M.plural(articles.length, "saved article is", "saved articles are") + " ready to read offline on this device."
        : "";
      status.setAttribute("data-offline-count", String(articles.length));
    }
    if (list) {
      list.replaceChildren.apply(list, articles.map(function (article) {
        return M.el("li", {}, [M.el("a", { href: article.path, text: article.headline })]);
      }));
      (list.closest("[data-offline-saved]") || list).hidden = !articles.length;
    }
  });

  M.offline = {
    // The server has just said this reader is a member.
    member: function () {
      return register(false);
    },
    // The reader saved or removed an article.
    changed: function () {
      return register(true);
    }
  };

  document.addEventListener("masthead:me", function (event) {
    var me = event.detail || { signedIn: false };
    workers.getRegistration("/").then(function (registration) {
      if (registration) {
        // The reading list page, and anyone not signed in, always asks the server again.
        return send({ type: "sync", force: Boolean(status || list) || !me.signedIn });
      }
      if (!me.signedIn) {
        return undefined;
      }
      var asked = "masthead-offline-asked:" + me.displayName;
      if (window.sessionStorage && sessionStorage.getItem(asked)) {
        return undefined;
      }
      return M.getJson("/reading-list/offline").then(function (answer) {
        if (answer && answer.member) {
          return register(true);
        }
        if (window.sessionStorage) {
          sessionStorage.setItem(asked, "1");
        }
        return undefined;
      });
    }).catch(function () {
      // Offline reading is a convenience: the page works without it.
    });
  });
})(window.Masthead);
