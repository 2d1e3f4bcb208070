// Passkeys: adding and removing them on the account page, and signing in with one on the sign-in
// page, through Spring Security's WebAuthn endpoints. The buttons stay hidden where the browser
// has no passkey support.
(function (M) {
  "use strict";
  if (!window.PublicKeyCredential || !window.fetch || !navigator.credentials) {
    return;
  }

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // The account and sign-in pages are not cached: they carry the CSRF token in their head.
  function csrf() {
    var header = meta("_csrf_header");
    var token = meta("_csrf");
    return header && token ? { header: header, token: token } : null;
  }

  function request(method, url, body) {
    return M.send(url, { method: method, csrf: csrf(), body: body });
  }

  function encode(buffer) {
    var binary = String.fromCharCode.apply(null, new Uint8Array(buffer));
    return window.btoa(binary).replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
  }

  function decode(text) {
    var binary = window.atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function showError(message) {
    var error = document.getElementById("passkey-error");
    if (error) {
      error.textContent = message;
      error.hidden = false;
    }
  }

  function register(label) {
    return request("POST", "/webauthn/register/options").then(function (options) {
      options.user = Object.assign({}, options.user, { id: decode(options.user.id) });
      options.challenge = decode(options.challenge);
      options.excludeCredentials = (options.excludeCredentials || []).map(function (credential) {
        return Object.assign({}, credential, { id: decode(credential.id) });
      });
      return navigator.credentials.create({ publicKey: options });
    }).then(function (created) {
      var response = created.response;
      return request("POST", "/webauthn/register", {
        publicKey: {
          label: label,
          credential: {
            id: created.id,
            rawId: encode(created.rawId),
            type: created.type,
            response: {
              attestationObject: encode(response.attestationObject),
              clientDataJSON: encode(response.clientDataJSON),
              transports: response.getTransports ? response.getTransports() : []
            },
            clientExtensionResults: created.getClientExtensionResults(),
            authenticatorAttachment: created.authenticatorAttachment
          }
        }
      });
    }).then(function (result) {
      if (!result || !result.success) {
        throw new Error("not registered");
      }
    });
  }

  function signIn() {
    return request("POST", "/webauthn/authenticate/options").then(function (options) {
      options.challenge = decode(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (credential) {
        return Object.assign({}, credential, { id: decode(credential.id) });
      });
      return navigator.credentials.get({ publicKey: options });
    }).then(function (credential) {
      var response = credential.response;
      return request("POST", "/login/webauthn", {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          authenticatorData: encode(response.authenticatorData),
          clientDataJSON: encode(response.clientDataJSON),
          signature: encode(response.signature),
          userHandle: response.userHandle ? encode(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    }).then(function (result) {
      if (!result || !result.authenticated) {
        throw new Error("not signed in");
      }
      // Back to the page that asked for sign-in, if any; otherwise the account page.
      var target = result.redirectUrl;
      window.location.href = !target || target === "/" ? "/account" : target;
    });
  }

  // The page is reloaded to list the passkeys as the server has them; what was done is said on the page
  // that comes back, kept for it in this tab's session storage.
  var NOTICE = "masthead.passkey-notice";

  function reloadSaying(message) {
    try {
      window.sessionStorage.setItem(NOTICE, message);
    } catch (e) {
      // Storage blocked: the list itself still shows the change.
    }
    window.location.reload();
  }

  var notice = document.getElementById("passkey-notice");
  if (notice) {
    try {
      var said = window.sessionStorage.getItem(NOTICE);
      window.sessionStorage.removeItem(NOTICE);
      if (said) {
        notice.textContent = said;
        notice.hidden = false;
      }
    } catch (e) {
      // Storage blocked: nothing was kept to say.
    }
  }

  var registration = document.querySelector("[data-passkey-register]");
  if (registration) {
    registration.hidden = false;
    document.getElementById("passkey-add").addEventListener("click", function () {
      var label = document.getElementById("passkey-label").value.trim() || "My passkey";
      register(label).then(function () {
        reloadSaying("Passkey \u201c" + label + "\u201d added. You can now sign in with it.");
      }).catch(function () {
        showError("We could not add the passkey. Try again, or use another device.");
      });
    });
  }

  document.querySelectorAll("[data-passkey-remove]").forEach(function (button) {
    button.addEventListener("click", function () {
      var label = button.getAttribute("data-passkey-label") || "";
      // Removing cannot be undone from here: the passkey stays on the device but no longer signs in.
      if (!window.confirm("Remove the passkey \u201c" + label + "\u201d? You will not be able to sign in with it.")) {
        return;
      }
      request("DELETE", "/webauthn/register/" + encodeURIComponent(button.getAttribute("data-passkey-remove")))
        .then(function () {
          reloadSaying("Passkey \u201c" + label + "\u201d removed. You can no longer sign in with it.");
        }).catch(function () {
          showError("We could not remove the passkey. Try again.");
        });
    });
  });

  var signin = document.querySelector("[data-passkey-signin]");
  if (signin) {
    signin.hidden = false;
    document.getElementById("passkey-signin").addEventListener("click", function () {
      signIn().catch(function () {
        showError("We could not sign you in with a passkey. Try again, or sign in another way.");
      });
    });
  }
})(window.Masthead);
