// The Follow and Mute buttons on a reader's public profile. The page is cached and the same for everyone, so
// whether this reader follows or muted them (or is them, and has nothing to follow) comes from
// /discussion/readers/{id}/me, with the CSRF token for the change. On their own profile the reader is shown,
// from the same JSON and to them alone, their comments that wait for a moderator.
(function (M) {
  "use strict";
  var reader = document.querySelector("[data-reader-id]");
  if (!reader || !window.fetch) {
    return;
  }
  var readerId = reader.getAttribute("data-reader-id");
  var button = reader.querySelector("[data-follow-reader]");
  var followers = reader.querySelector("[data-followers]");

  M.filling(reader, M.getJson("/discussion/readers/" + readerId + "/me")).then(function (me) {
    if (!me || !me.signedIn) {
      return;
    }
    if (me.self) {
      showWaiting(me.waiting || []);
      return;
    }
    var following = me.following;
    var show = function () {
      button.textContent = following ? "Following" : "Follow";
      button.setAttribute("aria-pressed", following ? "true" : "false");
      button.hidden = false;
    };
    show();
    button.addEventListener("click", function () {
      M.send("/discussion/readers/" + readerId + (following ? "/unfollow" : "/follow"), { csrf: me.csrf })
        .then(function () {
          following = !following;
          var count = Math.max(0, (parseInt(followers.textContent, 10) || 0) + (following ? 1 : -1));
          followers.textContent = M.plural(count, "follower", "followers");
          show();
        })
        .catch(function (problem) { window.alert(problem.message); });
    });
    // Muting folds their comments away for this reader only; the list is in the reader's settings.
    var mute = reader.querySelector("[data-mute-reader]");
    var muted = me.muted;
    var showMute = function () {
      mute.textContent = muted ? "Muted" : "Mute";
      mute.setAttribute("aria-pressed", muted ? "true" : "false");
      mute.hidden = false;
    };
    showMute();
    mute.addEventListener("click", function () {
      M.send("/account/muted/" + readerId + (muted ? "/remove" : ""), { csrf: me.csrf })
        .then(function () {
          muted = !muted;
          showMute();
        })
        .catch(function (problem) { window.alert(problem.message); });
    });
  });

  // Each with a way to it under its article, where the article's page shows it to its author.
  function showWaiting(list) {
    var slot = reader.querySelector("[data-waiting-comments]");
    if (!slot || list.length === 0) {
      return;
    }
    slot.replaceChildren(M.el("ol", { "class": "comment-list" }, list.map(function (comment) {
      var paragraphs = comment.body.split(/\n\s*\n/).map(function (text) { return M.el("p", { text: text }); });
      return M.el("li", { "class": "listed-comment", "data-waiting-comment": String(comment.id) }, [
        M.el("p", { "class": "comment__status", text: "Waiting for a moderator \u2014 only you can see this" }),
        M.el("p", { "class": "listed-comment__where" }, [document.createTextNode("You wrote on "),
          M.el("a", { href: comment.link, text: comment.articleHeadline })]),
        M.el("div", { "class": "comment__body" }, paragraphs),
        M.el("p", { "class": "listed-comment__meta" }, [M.el("time", { datetime: comment.posted.iso,
          title: comment.posted.exact, text: comment.posted.relative })])
      ]);
    })));
    slot.hidden = false;
    // The page's own words are about what others see: none of it published yet.
    var none = reader.querySelector("[data-no-comments]");
    if (none) {
      none.textContent = "Nothing published yet.";
    }
  }
})(window.Masthead);
