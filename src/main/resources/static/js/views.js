// Counts a reading of this article: one small request from the reader's browser, so that the article
// page itself stays the same cached bytes for everyone. Previews in the newsroom are not readings.
(function () {
  "use strict";
  var article = document.querySelector("article[data-article-id]");
  if (!article || location.pathname.indexOf("/newsroom/") === 0) {
    return;
  }
  var url = "/views/" + encodeURIComponent(article.getAttribute("data-article-id"));
  fetch(url, { method: "GET", credentials: "omit", cache: "no-store", keepalive: true }).catch(function () {});
})();
