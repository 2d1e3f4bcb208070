// The image upload form: once a picture is chosen it is shown, and a click (or Enter on the keyboard,
// at the point the number inputs give) sets the focal point that crops stay centred on. Without
// JavaScript the number inputs say the same.
(function () {
  'use strict';

  var form = document.getElementById('image-form');
  if (!form) {
    return;
  }
  var file = document.getElementById('file');
  var preview = form.querySelector('[data-focal-preview]');
  var image = form.querySelector('[data-focal-image]');
  var marker = form.querySelector('[data-focal-marker]');
  var across = document.getElementById('focalX');
  var down = document.getElementById('focalY');

  function place() {
    marker.style.left = (Number(across.value) || 0) + '%';
    marker.style.top = (Number(down.value) || 0) + '%';
  }

  file.addEventListener('change', function () {
    var chosen = file.files && file.files[0];
    if (!chosen) {
      preview.hidden = true;
      return;
    }
    // A data: address: the page's Content-Security-Policy lets images come from there, not from blob:.
    var reader = new FileReader();
    reader.onload = function () {
      image.src = reader.result;
      image.alt = 'The chosen picture: click on what must stay in view';
      preview.hidden = false;
      place();
    };
    reader.readAsDataURL(chosen);
  });

  image.addEventListener('click', function (event) {
    var box = image.getBoundingClientRect();
    across.value = Math.round((event.clientX - box.left) / box.width * 100);
    down.value = Math.round((event.clientY - box.top) / box.height * 100);
    place();
  });
  across.addEventListener('input', place);
  down.addEventListener('input', place);
})();
