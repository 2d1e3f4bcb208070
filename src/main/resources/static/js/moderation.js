// Keyboard shortcuts in the moderation console, for a moderator working down a queue: j and k move
// between comments, a approves a held comment (or keeps a reported one), r goes to the reason to reject
// it with, x ticks it for a decision on many. Keys typed into a field, or with Ctrl, Alt or Meta, are left alone.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".moderation-item"));
  if (!items.length) {
    return;
  }
  var current = -1;

  function select(index) {
    if (index < 0 || index >= items.length) {
      return;
    }
    if (current >= 0) {
      items[current].classList.remove("is-current");
    }
    current = index;
    var item = items[current];
    item.classList.add("is-current");
    item.setAttribute("tabindex", "-1");
    item.focus();
    item.scrollIntoView({ block: "nearest" });
  }

  function within(selector) {
    return current >= 0 ? items[current].querySelector(selector) : null;
  }

  function submit(form) {
    if (form) {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    }
  }

  var actions = {
    j: function () { select(current + 1); },
    k: function () { select(Math.max(current - 1, 0)); },
    a: function () {
      submit(within("form[action$='/approve']") || within("form[action$='/keep']"));
    },
    r: function () {
      var reason = within("form[action$='/reject'] select");
      if (reason) {
        reason.focus();
      }
    },
    x: function () {
      var tick = within("input[name='ids']");
      if (tick) {
        tick.click();
      }
    }
  };

  // Back from a decision, the address names the comment after the one decided: carry on from there.
  var arrived = location.hash ? document.getElementById(location.hash.slice(1)) : null;
  if (arrived && items.indexOf(arrived) >= 0) {
    select(items.indexOf(arrived));
  }

  // A bulk rejection needs a reason: said beside the reason before anything is sent, and the ticks stay.
  var bulk = document.getElementById("bulk");
  if (bulk) {
    bulk.addEventListener("submit", function (event) {
      var reason = document.getElementById("bulk-reason");
      var error = document.getElementById("bulk-reason-error");
      if (!event.submitter || event.submitter.value !== "reject" || !reason || reason.value) {
        return;
      }
      event.preventDefault();
      error.textContent = "Choose why they are rejected.";
      error.hidden = false;
      reason.setAttribute("aria-invalid", "true");
      reason.setAttribute("aria-describedby", "bulk-reason-error");
      reason.focus();
    });
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) {
      return;
    }
    if (target.closest && target.closest("input, select, textarea, button, [contenteditable]")) {
      return;
    }
    var action = actions[event.key];
    if (!action) {
      return;
    }
    if (current < 0 && event.key !== "j" && event.key !== "k") {
      select(0);
    }
    event.preventDefault();
    action();
  });
})();
