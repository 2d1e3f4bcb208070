// The support form: typing an amount of one's own ticks "Another amount", so that what the reader typed is
// what they give. Without the script the server refuses a preset ticked beside a different typed amount.
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
})();
