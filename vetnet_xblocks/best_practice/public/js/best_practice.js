/* The best-practice assignment's page. The draft is saved as the learner
 * types (a second after the last key), with the version the page last saw,
 * so a stale tab gets a clear 409 message instead of overwriting text. Every
 * other form names a JSON handler (data-action); after it succeeds the page
 * is reloaded, so the server renders one truth. */
function VetnetBestPractice(runtime, element) {
  'use strict';

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var strings = common.pageStrings(root);
  var status = root.querySelector('.vetnet-status');
  var draft = root.querySelector('.vetnet-best-practice__draft');
  var timer = null;

  function handlerUrl(name) {
    return runtime.handlerUrl(root, name);
  }

  function payloadOf(form) {
    var data = {};
    try {
      data = JSON.parse(form.getAttribute('data-extra') || '{}');
    } catch (ignored) {
      data = {};
    }
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name || field.tagName === 'BUTTON' || (field.type === 'radio' && !field.checked)) {
        return;
      }
      var parts = field.name.split(':');
      if (parts.length === 2) {
        var group = parts[0] === 'section' ? 'sections' : (parts[0] === 'score' ? 'scores' : 'feedback');
        data[group] = data[group] || {};
        data[group][parts[1]] = parts[0] === 'score' ? Number(field.value) : field.value;
      } else {
        data[field.name] = field.type === 'number' ? Number(field.value) : field.value;
      }
    });
    return data;
  }

  function send(name, payload) {
    return common.requestJSON('POST', handlerUrl(name), payload, {status: status, strings: strings});
  }

  function saveDraft() {
    var payload = payloadOf(draft);
    payload.version = Number(draft.getAttribute('data-version'));
    common.announce(status, strings.saving, 'info');
    return send('save_draft', payload).then(function (result) {
      if (result.ok) {
        draft.setAttribute('data-version', String(result.data.version));
        common.announce(status, strings.saved, 'success');
      } else if (result.status === 409) {
        common.announce(status, result.data.error || strings.conflict, 'error');
      }
      return result;
    });
  }

  if (draft) {
    draft.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(saveDraft, 1000);
    });
    draft.querySelector('[data-submit-practice]').addEventListener('click', function () {
      window.clearTimeout(timer);
      saveDraft().then(function (saved) {
        if (!saved.ok) {
          return;
        }
        send('submit_practice', {version: saved.data.version}).then(function (result) {
          if (result.ok) {
            window.location.reload();
          }
        });
      });
    });
  }

  Array.prototype.forEach.call(root.querySelectorAll('form[data-action]'), function (form) {
    if (form === draft) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send(form.getAttribute('data-action'), payloadOf(form)).then(function (result) {
        if (result.ok) {
          if (form.getAttribute('data-action') === 'request_review' && !result.data.lease) {
            common.announce(status, strings.nothing, 'info');
            return;
          }
          window.location.reload();
        }
      });
    });
  });
}
