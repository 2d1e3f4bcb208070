// A front's editor: after moving, re-laying or adding a story, the page comes back at that story
// (#story-N); the same button, or else the story itself, takes the keyboard focus, so the editor goes on
// from where they were instead of from the top of the page.
(function () {
  "use strict";
  var story = location.hash.indexOf("#story-") === 0 ? document.getElementById(location.hash.slice(1)) : null;
  if (!story) {
    return;
  }
  var pressed = sessionStorage.getItem("masthead.front-button");
  sessionStorage.removeItem("masthead.front-button");
  var button = pressed ? story.querySelector("[data-move='" + pressed + "']") : null;
  if (button) {
    button.focus();
  } else {
    story.setAttribute("tabindex", "-1");
    story.focus();
  }
})();

document.addEventListener("submit", function (event) {
  var move = event.submitter && event.submitter.getAttribute("data-move");
  if (move) {
    sessionStorage.setItem("masthead.front-button", move);
  }
});
