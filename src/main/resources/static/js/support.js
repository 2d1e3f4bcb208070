// The support form: typing an amount of one's own ticks "Another amount", so that what the reader typed is
// what they give; ticking a preset afterwards empties the box, so that nothing is left there that looks
// as if it would be given (the server gives the ticked preset, and ignores the box).
(function () {
  "use strict";
  var form = document.querySelector("[data-support-form]");
  if (!form) {
    return;
  }
  var other = form.querySelector("#amount-other");
  var own = form.querySelector("#customAmount");
  own.addEventListener("input", function () {
    if (own.value.trim() !== "") {
      other.checked = true;
    }
  });
  form.querySelectorAll("input[name=amount]").forEach(function (amount) {
    amount.addEventListener("change", function () {
      if (amount !== other && amount.checked) {
        own.value = "";
      }
    });
  });
})();
