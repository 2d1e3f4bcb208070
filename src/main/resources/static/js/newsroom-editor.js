// The article editor: a formatting toolbar for the Markdown body, a live preview rendered by the
// server exactly as readers would get it, autosave, and one more topic or byline on request.
// Without JavaScript the form still saves, submits and publishes.
(function () {
  'use strict';

  var form = document.getElementById('article-form');
  if (!form) {
    return;
  }
  var body = document.getElementById('body');
  var csrf = form.querySelector('input[name="_csrf"]');
  var status = document.getElementById('autosave-status');
  var editable = !form.querySelector('fieldset[disabled]');

  function post(url, fields) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' },
      body: fields
    });
  }

  // The toolbar writes Markdown around the selection, so what is typed and what is clicked agree.
  var formats = {
    bold: { before: '**', after: '**', placeholder: 'bold words' },
    italic: { before: '*', after: '*', placeholder: 'italic words' },
    heading: { line: '## ', placeholder: 'Sub-heading' },
    list: { line: '- ', placeholder: 'A point' },
    numbered: { line: '1. ', placeholder: 'A step' },
    quote: { line: '> ', placeholder: 'What they said' },
    pullquote: { line: '>> ', placeholder: 'A line worth repeating' }
  };

  function replaceSelection(text, selectFrom, selectTo) {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    body.setRangeText(text, start, end, 'end');
    if (selectFrom !== undefined) {
      body.setSelectionRange(start + selectFrom, start + selectTo);
    }
    body.focus();
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function apply(kind) {
    var selected = body.value.substring(body.selectionStart, body.selectionEnd);
    if (kind === 'link') {
      var address = window.prompt('Link to which address?', 'https://');
      if (!address) {
        return;
      }
      var words = selected || 'linked words';
      replaceSelection('[' + words + '](' + address + ')', 1, 1 + words.length);
      return;
    }
    if (kind === 'embed') {
      var url = window.prompt('Address of the video or social post (YouTube, Vimeo, X, Instagram, Bluesky, TikTok)');
      if (url) {
        replaceSelection('\n\n' + url.trim() + '\n\n');
      }
      return;
    }
    var format = formats[kind];
    var text = selected || format.placeholder;
    if (format.line) {
      var atLineStart = body.selectionStart === 0 || body.value.charAt(body.selectionStart - 1) === '\n';
      var prefix = atLineStart ? '' : '\n\n';
      var lines = text.split('\n').map(function (line) { return format.line + line; }).join('\n');
      replaceSelection(prefix + lines, prefix.length + format.line.length, prefix.length + lines.length);
    } else {
      replaceSelection(format.before + text + format.after, format.before.length, format.before.length + text.length);
    }
  }

  var toolbar = form.querySelector('[data-toolbar]');
  if (toolbar && editable) {
    toolbar.hidden = false;
    toolbar.addEventListener('click', function (event) {
      var button = event.target.closest('[data-md]');
      if (button) {
        apply(button.getAttribute('data-md'));
      }
    });
  }

  // The preview is the server's rendering, so it shows exactly what the allow-list keeps.
  var pane = form.querySelector('[data-preview-pane]');
  var preview = document.getElementById('body-preview');
  var previewTimer = null;
  function refreshPreview() {
    var fields = new URLSearchParams();
    fields.set('body', body.value);
    if (csrf) {
      fields.set('_csrf', csrf.value);
    }
    post('/newsroom/preview', fields).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null) {
        preview.innerHTML = html;
      }
    }).catch(function () { /* The next keystroke tries again. */ });
  }
  if (pane && preview && body) {
    pane.hidden = false;
    refreshPreview();
    body.addEventListener('input', function () {
      window.clearTimeout(previewTimer);
      previewTimer = window.setTimeout(refreshPreview, 400);
    });
  }

  // One more input for a topic or a byline.
  form.querySelectorAll('[data-repeat-add]').forEach(function (button) {
    if (!editable) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var list = button.parentElement.querySelector('[data-repeat]');
      var last = list.lastElementChild;
      var copy = last.cloneNode(true);
      var input = copy.querySelector('input');
      input.value = '';
      input.id = input.name + '-' + list.children.length;
      input.setAttribute('aria-label', (input.name === 'topics' ? 'Topic ' : 'Byline ') + (list.children.length + 1));
      list.appendChild(copy);
      input.focus();
    });
  });

  // Autosave: a few seconds after the last change, the form is saved as it stands. A save based on a
  // version someone else has replaced is refused; autosave then stops and says where to see theirs.
  var autosaveUrl = form.getAttribute('data-autosave');
  if (!autosaveUrl) {
    return;
  }
  var version = form.querySelector('input[name="version"]');
  var dirty = false;
  var saving = false;
  var stopped = false;
  var saveTimer = null;
  var waitingSubmitter = null;

  function say(text) {
    status.textContent = text;
  }

  function schedule() {
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(autosave, 3000);
  }

  function conflict(answer) {
    stopped = true;
    status.textContent = '';
    var message = document.createElement('span');
    message.textContent = 'Not saved automatically. ' + answer.conflict + ' ';
    var link = document.createElement('a');
    link.href = answer.differences;
    link.textContent = 'See what changed';
    status.appendChild(message);
    status.appendChild(link);
    status.classList.add('autosave-status--conflict');
  }

  function autosave() {
    if (!dirty || saving || stopped) {
      return;
    }
    saving = true;
    dirty = false;
    post(autosaveUrl, new URLSearchParams(new FormData(form))).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.ok) {
          version.value = answer.version;
          say('Saved automatically at ' + new Date(answer.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + '.');
        } else if (response.status === 409) {
          conflict(answer);
        } else {
          dirty = true;
          say('Not saved automatically: ' + (answer.detail || 'the change was refused') + '. Save to see why.');
        }
      });
    }).catch(function () {
      dirty = true;
      say('Not saved automatically: the connection failed. Trying again.');
    }).then(function () {
      saving = false;
      if (waitingSubmitter) {
        var submitter = waitingSubmitter;
        waitingSubmitter = null;
        form.requestSubmit(submitter);
      } else if (dirty && !stopped) {
        schedule();
      }
    });
  }

  form.addEventListener('input', function () {
    dirty = true;
    schedule();
  });
  form.addEventListener('change', function () {
    dirty = true;
    schedule();
  });
  // A save while an autosave is on its way would be based on the version before it: wait for it.
  form.addEventListener('submit', function (event) {
    window.clearTimeout(saveTimer);
    if (saving) {
      event.preventDefault();
      waitingSubmitter = event.submitter || null;
      return;
    }
    stopped = true;
  });
  // Says, while the page is open, that its writer is still here, and shows who else has the article open.
  var presence = document.getElementById('presence');
  if (presence) {
    var heartbeat = Number(presence.getAttribute('data-heartbeat')) * 1000;
    var beat = function () {
      if (document.visibilityState === 'hidden') {
        return;
      }
      var fields = new URLSearchParams();
      if (csrf) {
        fields.append('_csrf', csrf.value);
      }
      post(presence.getAttribute('data-presence'), fields).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (others) {
        if (others && presence.textContent !== others.text) {
          presence.textContent = others.text;
          presence.classList.toggle('presence--alone', others.names.length === 0);
        }
      }).catch(function () { /* Offline for a moment: the next beat tries again. */ });
    };
    window.setInterval(beat, heartbeat);
    document.addEventListener('visibilitychange', beat);
  }
})();
