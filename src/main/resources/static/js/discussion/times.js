// When comments were posted, kept current. Pages and fragments are cached for minutes, so "just now"
// would go stale: each <time data-relative> is worded again from its datetime, by the server's rules
// (CommentTimes), now and every minute. Masthead.freshenTimes(root) words those in a part just added.
(function (M) {
  "use strict";
  var SHORT_DATE = new Intl.DateTimeFormat(document.documentElement.lang || "en-GB",
    { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

  function relative(datetime, now) {
    var minutes = Math.floor((now - new Date(datetime).getTime()) / 60000);
    if (isNaN(minutes)) {
      return null;
    }
    if (minutes < 1) {
      return "just now";
    }
    if (minutes < 60) {
      return M.plural(minutes, "minute", "minutes") + " ago";
    }
    if (minutes < 24 * 60) {
      return M.plural(Math.floor(minutes / 60), "hour", "hours") + " ago";
    }
    if (minutes < 7 * 24 * 60) {
      return M.plural(Math.floor(minutes / (24 * 60)), "day", "days") + " ago";
    }
    // The datetime carries the site's offset, so its date is the day the site shows.
    var day = /^(\d{4})-(\d{2})-(\d{2})/.exec(datetime);
    return day ? SHORT_DATE.format(new Date(Date.UTC(+day[1], +day[2] - 1, +day[3]))) : null;
  }

  M.freshenTimes = function (root) {
    var now = Date.now();
    root.querySelectorAll("time[data-relative]").forEach(function (time) {
      var words = relative(time.getAttribute("datetime"), now);
      if (words && time.textContent !== words) {
        time.textContent = words;
      }
    });
  };

  M.freshenTimes(document);
  window.setInterval(function () { M.freshenTimes(document); }, 60000);
  // A hidden tab's timers are slowed down: a tab coming back is worded afresh at once.
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) {
      M.freshenTimes(document);
    }
  });
})(window.Masthead);
