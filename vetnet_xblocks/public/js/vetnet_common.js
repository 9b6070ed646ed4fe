/* Shared by the JavaScript of every VETNet block: JSON requests to XBlock
 * handlers with Django's CSRF token, and messages read out by screen readers.
 * Blocks may be rendered many times on one page, so this defines itself once.
 * Strings shown to people come translated from the server (json_args.strings). */
(function (global) {
  'use strict';

  if (global.VetnetCommon) {
    return;
  }

  function rootElement(element) {
    // Runtimes pass either a DOM element or a jQuery-wrapped one.
    return element && element.jquery ? element[0] : element;
  }

  // The translated strings a block's template put on its page (data-vetnet-strings), or none.
  function pageStrings(root) {
    var holder = root.querySelector('[data-vetnet-strings]');
    try {
      return JSON.parse(holder ? holder.getAttribute('data-vetnet-strings') : '{}');
    } catch (ignored) {
      return {};
    }
  }

  function getCookie(name) {
    var cookies = document.cookie ? document.cookie.split(';') : [];
    for (var i = 0; i < cookies.length; i += 1) {
      var cookie = cookies[i].trim();
      if (cookie.substring(0, name.length + 1) === name + '=') {
        return decodeURIComponent(cookie.substring(name.length + 1));
      }
    }
    return '';
  }

  function csrfToken() {
    var token = getCookie('csrftoken');
    if (!token) {
      var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
      token = input ? input.value : '';
    }
    return token;
  }

  /* Show a message in an aria-live region; kind is "info", "success" or "error". */
  function announce(region, message, kind) {
    if (!region) {
      return;
    }
    region.className = 'vetnet-status vetnet-status--' + (kind || 'info');
    region.textContent = message || '';
  }

  /* Send JSON to a handler. Resolves (never rejects) with {ok, status, data};
   * on failure data.error holds a message fit to show, and it is announced
   * in options.status when given. */
  function requestJSON(method, url, payload, options) {
    var opts = options || {};
    var strings = opts.strings || {};
    var init = {
      method: method,
      credentials: 'same-origin',
      headers: {
        'Accept': 'application/json',
        'X-CSRFToken': csrfToken(),
        'X-Requested-With': 'XMLHttpRequest'
      }
    };
    if (payload !== undefined && method !== 'GET') {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    return global.fetch(url, init).then(function (response) {
      return response.text().then(function (text) {
        var data = {};
        try {
          data = text ? JSON.parse(text) : {};
        } catch (ignored) {
          // A proxy or the CSRF check may answer in HTML: keep a readable message.
          data = {};
        }
        if (!response.ok) {
          data.error = data.error || strings.request_failed || response.statusText;
          data.errors = data.errors || {};
          announce(opts.status, data.error, 'error');
        }
        return {ok: response.ok, status: response.status, data: data};
      });
    }, function () {
      var message = strings.network_error || strings.request_failed || '';
      announce(opts.status, message, 'error');
      return {ok: false, status: 0, data: {error: message, errors: {}}};
    });
  }

  /* A form's fields as a JSON payload: the form's data-extra object, then every
   * named field (checkbox lists with data-list as arrays, radios by the checked one). */
  function formPayload(form) {
    var data = {};
    try {
      data = JSON.parse(form.getAttribute('data-extra') || '{}');
    } catch (ignored) {
      data = {};
    }
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.disabled || field.tagName === 'BUTTON') {
        return;
      }
      if (field.type === 'checkbox') {
        if (field.getAttribute('data-list')) {
          data[field.name] = data[field.name] || [];
          if (field.checked) {
            data[field.name].push(field.value);
          }
        } else {
          data[field.name] = field.checked;
        }
      } else if (field.type === 'radio') {
        if (field.checked) {
          data[field.name] = field.value;
        }
      } else {
        data[field.name] = field.value;
      }
    });
    return data;
  }

  /* A handler's refusal shown on its form: the fields it names marked invalid (the first
   * focused), the messages in the form's error box (boxSelector), or announced in status. */
  function showFormErrors(form, result, boxSelector, status) {
    var box = form.querySelector(boxSelector);
    var errors = result.data.errors || {};
    var messages = [result.data.error];
    var first = null;
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (field) {
      field.removeAttribute('aria-invalid');
    });
    Object.keys(errors).forEach(function (name) {
      messages = messages.concat(errors[name]);
      var field = form.querySelector('[name="' + name + '"]');
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        first = first || field;
      }
    });
    if (box) {
      box.textContent = messages.filter(Boolean).join(' ');
    } else if (status) {
      announce(status, messages.join(' '), 'error');
    }
    if (first) {
      first.focus();
    }
  }

  global.VetnetCommon = {
    formPayload: formPayload,
    showFormErrors: showFormErrors,
    rootElement: rootElement,
    pageStrings: pageStrings,
    getCookie: getCookie,
    csrfToken: csrfToken,
    announce: announce,
    requestJSON: requestJSON,
    postJSON: function (url, payload, options) {
      return requestJSON('POST', url, payload, options);
    },
    getJSON: function (url, options) {
      return requestJSON('GET', url, undefined, options);
    }
  };
}(window));
