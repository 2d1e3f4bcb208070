// An embedded video waits for the reader: nothing is requested from its site until they press the
// button, which loads the site's privacy-minded player in a frame. Posts stay links.
(function () {
  'use strict';
  document.querySelectorAll('figure.embed[data-embed-src]').forEach(function (figure) {
    var provider = figure.getAttribute('data-embed-provider') || 'its site';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--secondary embed__load';
    button.textContent = 'Load the video from ' + provider + ' here';
    button.addEventListener('click', function () {
      var frame = document.createElement('iframe');
      frame.src = figure.getAttribute('data-embed-src');
      frame.title = 'Video from ' + provider;
      frame.className = 'embed__frame';
      frame.setAttribute('allow', 'fullscreen; picture-in-picture');
      frame.setAttribute('allowfullscreen', '');
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      button.replaceWith(frame);
      figure.querySelector('.embed__notice').hidden = true;
      frame.focus();
    });
    figure.appendChild(button);
  });
})();
