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

  function post(url, fields, accept) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Accept': accept || 'application/json' },
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
    // The preview is HTML: asked for as JSON, the server would answer 406 and the pane stay empty.
    post('/newsroom/preview', fields, 'text/html').then(function (response) {
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

  // Pasted word-processor text: a paragraph per line, no leading indent (Markdown would make it code),
  // bullets as a list, and a star between words kept as a star rather than read as emphasis.
  function fromWordProcessor(text) {
    var lines = text.replace(/\r\n?/g, '\n').split('\n').map(function (line) {
      return line.replace(/^[ \t\u00a0]+/, '').replace(/^[•●▪◦‣·]\s*/, '- ').replace(/([0-9A-Za-z])\*(?=[0-9A-Za-z])/g, '$1\\*');
    });
    var out = '';
    lines.forEach(function (line, i) {
      if (i > 0) {
        var listed = /^- /.test(line) && /^- /.test(lines[i - 1]);
        out += listed ? '\n' : '\n\n';
      }
      out += line;
    });
    return out.replace(/\n{3,}/g, '\n\n');
  }
  if (body && editable) {
    body.addEventListener('paste', function (event) {
      var text = event.clipboardData && event.clipboardData.getData('text/plain');
      if (!text || !/[\n\t•]|^ {2,}/.test(text)) {
        return;
      }
      event.preventDefault();
      replaceSelection(fromWordProcessor(text));
    });
  }

  // The headline's limit is said as it nears, rather than the browser cutting a long paste short unseen.
  var headline = document.getElementById('headline');
  var headlineCount = document.getElementById('headline-count');
  if (headline && headlineCount) {
    var countHeadline = function () {
      var max = Number(headline.getAttribute('data-max'));
      var left = max - headline.value.length;
      headlineCount.textContent = left < 0
        ? (-left) + (left === -1 ? ' character' : ' characters') + ' too many: keep the headline to ' + max + '.'
        : left <= 50 ? left + (left === 1 ? ' character' : ' characters') + ' left.' : '';
      headline.setAttribute('aria-invalid', left < 0 ? 'true' : 'false');
    };
    headline.addEventListener('input', countHeadline);
    countHeadline();
  }

  // Desktop or phone: only the frame changes, so the form keeps whatever is typed in it.
  document.querySelectorAll('[data-preview-width]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var frame = document.querySelector('.preview-frame');
      if (!frame) {
        return;
      }
      event.preventDefault();
      var phone = link.getAttribute('data-preview-width') === 'phone';
      frame.classList.toggle('preview-frame--phone', phone);
      document.querySelectorAll('[data-preview-width]').forEach(function (other) {
        if (other === link) {
          other.setAttribute('aria-current', 'true');
        } else {
          other.removeAttribute('aria-current');
        }
      });
      window.history.replaceState(null, '', link.getAttribute('href'));
      frame.src = frame.src;
    });
  });

  if (!editable) {
    return;
  }

  // What is typed is kept in this browser until the server has it, so that a session that ended (signed
  // out in another tab), a crash or a click away loses nothing: the page offers it back when opened again.
  var article = form.getAttribute('data-article');
  var keptKey = 'masthead.newsroom.unsaved.' + article;
  function fields() {
    var kept = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== '_csrf' && name !== 'version' && typeof value === 'string') {
        kept.push([name, value]);
      }
    });
    return kept;
  }
  function snapshot() {
    return JSON.stringify(fields());
  }
  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || 'null');
    } catch (e) {
      return null;
    }
  }
  function keep() {
    try {
      window.localStorage.setItem(keptKey, JSON.stringify({ fields: fields(), at: Date.now() }));
    } catch (e) { /* Storage full or refused: the warning before leaving still stands. */ }
  }
  function forget(key) {
    try {
      window.localStorage.removeItem(key || keptKey);
    } catch (e) { /* Nothing kept. */ }
  }
  function valueOf(kept, name) {
    var found = kept.filter(function (pair) { return pair[0] === name; });
    return found.length ? found[0][1] : '';
  }

  // The words as the server has them: null when what the page shows is not saved (a new article, a save
  // that was refused and shows the refused words again).
  var savedSnapshot = article === 'new' || form.hasAttribute('data-unsaved') ? null : snapshot();
  function unsaved() {
    var now = snapshot();
    if (savedSnapshot !== null) {
      return now !== savedSnapshot;
    }
    return valueOf(fields(), 'headline').trim() !== '' || valueOf(fields(), 'body').trim() !== '';
  }

  function restore(kept) {
    var byName = {};
    kept.forEach(function (pair) {
      (byName[pair[0]] = byName[pair[0]] || []).push(pair[1]);
    });
    Object.keys(byName).forEach(function (name) {
      var values = byName[name];
      var inputs = form.querySelectorAll('[name="' + name + '"]');
      var add = inputs.length && inputs[0].closest('.field') && inputs[0].closest('.field').querySelector('[data-repeat-add]');
      while (add && inputs.length < values.length) {
        add.click();
        inputs = form.querySelectorAll('[name="' + name + '"]');
      }
      inputs.forEach(function (input, i) {
        if (input.type === 'checkbox' || input.type === 'radio') {
          input.checked = values.indexOf(input.value) >= 0;
        } else {
          input.value = i < values.length ? values[i] : '';
        }
      });
    });
    form.querySelectorAll('input[type="checkbox"]').forEach(function (box) {
      if (!byName[box.name]) {
        box.checked = false;
      }
    });
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // A draft created since its words were kept as "new" is that draft now: the copy has done its work.
  if (article !== 'new') {
    var keptNew = read('masthead.newsroom.unsaved.new');
    if (keptNew && valueOf(keptNew.fields, 'headline') === valueOf(fields(), 'headline')
        && valueOf(keptNew.fields, 'body') === valueOf(fields(), 'body')) {
      forget('masthead.newsroom.unsaved.new');
    }
  }
  var kept = read(keptKey);
  if (kept && JSON.stringify(kept.fields) === snapshot()) {
    if (savedSnapshot !== null) {
      forget();
    }
  } else if (kept && kept.fields) {
    var offer = document.createElement('div');
    offer.className = 'notice unsaved-offer';
    offer.setAttribute('role', 'alert');
    var words = document.createElement('p');
    var at = new Date(kept.at);
    words.textContent = 'This browser kept changes to this article that were not saved (at '
      + String(at.getHours()).padStart(2, '0') + '.' + String(at.getMinutes()).padStart(2, '0')
      + '). Restore them into the form, then save?';
    var restoreButton = document.createElement('button');
    restoreButton.type = 'button';
    restoreButton.className = 'button';
    restoreButton.textContent = 'Restore the unsaved changes';
    var dropButton = document.createElement('button');
    dropButton.type = 'button';
    dropButton.className = 'button button--secondary';
    dropButton.textContent = 'Throw them away';
    offer.appendChild(words);
    offer.appendChild(restoreButton);
    offer.appendChild(document.createTextNode(' '));
    offer.appendChild(dropButton);
    form.parentNode.insertBefore(offer, form);
    restoreButton.addEventListener('click', function () {
      restore(kept.fields);
      offer.remove();
      body.focus();
    });
    dropButton.addEventListener('click', function () {
      forget();
      offer.remove();
    });
  }

  var leaving = false;
  window.addEventListener('beforeunload', function (event) {
    if (!leaving && unsaved()) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // Autosave: a few seconds after the last change, the form is saved as it stands. A save based on a
  // version someone else has replaced is refused; autosave then stops and says where to see theirs.
  // A new article, and a published one (whose saves go live), are kept in this browser only.
  var autosaveUrl = form.getAttribute('data-autosave');
  var version = form.querySelector('input[name="version"]');
  var dirty = false;
  var saving = false;
  var stopped = false;
  var signedOut = false;
  var saveTimer = null;
  var waitingSubmitter = null;

  function say(text) {
    status.textContent = text;
  }
  if (!autosaveUrl) {
    say(article === 'new'
      ? 'Kept in this browser as you write, until you save the draft.'
      : 'Kept in this browser as you write: readers see the changes when you update the article.');
  }

  function schedule() {
    window.clearTimeout(saveTimer);
    if (autosaveUrl) {
      saveTimer = window.setTimeout(autosave, 3000);
    }
  }

  function conflict(answer) {
    stopped = true;
    status.textContent = '';
    var message = document.createElement('span');
    message.textContent = 'Not saved automatically. ' + answer.conflict + ' Keep a copy of your changes, then ';
    var link = document.createElement('a');
    link.href = answer.differences;
    link.textContent = 'see what changed';
    status.appendChild(message);
    status.appendChild(link);
    status.appendChild(document.createTextNode('.'));
    status.classList.add('autosave-status--conflict');
  }

  function sayWhileSignedOut() {
    signedOut = true;
    status.classList.add('autosave-status--conflict');
    say('Not saved: you have been signed out (perhaps in another tab). What you typed is still here, and kept'
      + ' in this browser. Sign in again in another tab, then come back and save.');
  }

  // Signed in again elsewhere: the session is new, so the page takes its form token before sending again.
  function signedInAgain() {
    return fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        if (!response.ok || /\/signin/.test(response.url)) {
          return false;
        }
        return response.text().then(function (html) {
          var token = new DOMParser().parseFromString(html, 'text/html').querySelector('input[name="_csrf"]');
          if (!token) {
            return false;
          }
          document.querySelectorAll('input[name="_csrf"]').forEach(function (input) {
            input.value = token.value;
          });
          signedOut = false;
          status.classList.remove('autosave-status--conflict');
          say('Signed in again.');
          return true;
        });
      }).catch(function () { return false; });
  }

  function autosave() {
    if (!dirty || saving || stopped || signedOut) {
      return;
    }
    saving = true;
    dirty = false;
    var sent = snapshot();
    post(autosaveUrl, new URLSearchParams(new FormData(form))).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (response.ok && answer.version) {
          version.value = answer.version;
          savedSnapshot = sent;
          if (snapshot() === sent) {
            forget();
          }
          say(answer.saved);
        } else if (response.status === 409) {
          conflict(answer);
        } else if (response.status === 401 || (response.status === 403 && !answer.detail) || response.ok) {
          // A form token from a session that has ended (403 with no reason), or a sign-in page answered.
          dirty = true;
          sayWhileSignedOut();
        } else {
          dirty = true;
          // What each field needs, when the answer says (problem details' errors), else the reason given;
          // each a sentence of its own, with its own full stop.
          var fieldErrors = answer.errors ? Object.keys(answer.errors).map(function (name) {
            return String(answer.errors[name]).replace(/\.?\s*$/, '.');
          }) : [];
          if (fieldErrors.length) {
            say('Not saved automatically. ' + fieldErrors.join(' ') + ' Save to see it beside the field.');
          } else {
            var reason = (answer.detail || 'The change was refused.').replace(/\.?\s*$/, '.');
            say('Not saved automatically. ' + reason + ' Save to see why.');
          }
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
      } else if (dirty && !stopped && !signedOut) {
        schedule();
      }
    });
  }

  function changed() {
    dirty = true;
    if (unsaved()) {
      keep();
    }
    schedule();
  }
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  document.addEventListener('visibilitychange', function () {
    if (signedOut && document.visibilityState === 'visible') {
      signedInAgain().then(function (back) {
        if (back) {
          schedule();
        }
      });
    }
  });
  // A save while an autosave is on its way would be based on the version before it: wait for it. A save
  // with the session gone would be refused and the words left behind: sign-in is checked first.
  form.addEventListener('submit', function (event) {
    window.clearTimeout(saveTimer);
    if (saving) {
      event.preventDefault();
      waitingSubmitter = event.submitter || null;
      return;
    }
    if (signedOut) {
      event.preventDefault();
      var submitter = event.submitter || null;
      signedInAgain().then(function (back) {
        if (back) {
          form.requestSubmit(submitter);
        } else {
          sayWhileSignedOut();
          status.scrollIntoView({ block: 'center' });
        }
      });
      return;
    }
    stopped = true;
    leaving = true;
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

// The image library from the editor: choose the main image, or put an image with its caption in the
// body. Both open one picker, a dialog that searches the library as you type.
(function () {
  'use strict';

  var form = document.getElementById('article-form');
  if (!form || form.querySelector('fieldset[disabled]')) {
    return;
  }
  var body = document.getElementById('body');
  var mainImage = document.getElementById('mainImageId');

  var dialog = document.createElement('dialog');
  dialog.className = 'picker';
  dialog.setAttribute('aria-labelledby', 'picker-title');
  dialog.innerHTML = '<h2 id="picker-title">Choose an image</h2>'
    + '<div class="field"><label for="picker-q">Find by caption, alt text or credit</label>'
    + '<input type="search" id="picker-q" autocomplete="off"></div>'
    + '<ul class="picker__results" aria-live="polite"></ul>'
    + '<p><a href="/newsroom/images/new" target="_blank">Upload a new image</a> (opens a new tab)</p>'
    + '<button type="button" class="button button--secondary" data-picker-close>Cancel</button>';
  document.body.appendChild(dialog);
  var query = dialog.querySelector('#picker-q');
  var results = dialog.querySelector('.picker__results');
  var chosen = null;
  var searchTimer = null;

  function search() {
    results.setAttribute('aria-busy', 'true');
    fetch('/newsroom/images/search?q=' + encodeURIComponent(query.value), {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.ok ? response.json() : { images: [] };
    }).then(function (answer) {
      results.textContent = '';
      if (answer.images.length === 0) {
        var none = document.createElement('li');
        none.textContent = 'No image matches those words.';
        results.appendChild(none);
      }
      answer.images.forEach(function (image) {
        var item = document.createElement('li');
        var button = document.createElement('button');
        button.type = 'button';
        var thumbnail = document.createElement('img');
        thumbnail.src = image.thumbnail;
        thumbnail.alt = '';
        thumbnail.width = 240;
        thumbnail.height = 135;
        var words = document.createElement('span');
        words.textContent = image.altText + (image.credit ? ' (' + image.credit + ')' : '');
        button.appendChild(thumbnail);
        button.appendChild(words);
        button.addEventListener('click', function () {
          dialog.close();
          chosen(image);
        });
        item.appendChild(button);
        results.appendChild(item);
      });
    }).finally(function () {
      results.removeAttribute('aria-busy');
    });
  }

  function pick(then) {
    chosen = then;
    query.value = '';
    dialog.showModal();
    search();
  }

  query.addEventListener('input', function () {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(search, 250);
  });
  dialog.querySelector('[data-picker-close]').addEventListener('click', function () {
    dialog.close();
  });

  var toolbar = form.querySelector('[data-toolbar]');
  if (toolbar && body) {
    var insert = document.createElement('button');
    insert.type = 'button';
    insert.className = 'toolbar__button';
    insert.textContent = 'Image';
    toolbar.appendChild(insert);
    insert.addEventListener('click', function () {
      var start = body.selectionStart;
      var end = body.selectionEnd;
      pick(function (image) {
        body.focus();
        body.setSelectionRange(start, end);
        var before = start === 0 || body.value.substring(0, start).endsWith('\n\n') ? '' : '\n\n';
        body.setRangeText(before + image.markdown + '\n\n', start, end, 'end');
        body.dispatchEvent(new Event('input', { bubbles: true }));
      });
    });
  }

  var chooseMain = form.querySelector('[data-choose-main-image]');
  if (chooseMain && mainImage) {
    chooseMain.hidden = false;
    chooseMain.addEventListener('click', function () {
      pick(function (image) {
        mainImage.value = image.id;
        var shown = form.querySelector('[data-main-image-preview]');
        if (shown) {
          shown.src = image.thumbnail;
          shown.alt = image.altText;
          shown.hidden = false;
        }
        mainImage.dispatchEvent(new Event('change', { bubbles: true }));
        chooseMain.focus();
      });
    });
  }
})();
