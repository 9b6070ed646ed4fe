/* The scenario forum's page. Every form and button names a JSON handler
 * (data-action); after a change the forum's HTML is asked for again
 * (forum_html), so the server renders one truth and this file stays small.
 * Open <details>, open discussions and the focus survive the refresh;
 * a discussion's posts come with the refresh that opens it. Messages are
 * announced in the block's status region. */
function VetnetScenarios(runtime, element) {
  'use strict';

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var strings = common.pageStrings(root);
  var forum = root.querySelector('.vetnet-scenarios__forum');
  var status = root.querySelector('.vetnet-status');
  var language = '';
  if (!forum) {
    return;
  }

  function handlerUrl(name) {
    return runtime.handlerUrl(root, name);
  }

  function payloadOf(form) {
    return common.formPayload(form);
  }

  function showErrors(form, result) {
    common.showFormErrors(form, result, '.vetnet-scenarios__form-error', status);
  }

  function focusKey(node) {
    for (var el = node; el && el !== forum; el = el.parentElement) {
      if (el.id) {
        return el.id;
      }
    }
    return null;
  }

  function restoreFocus(id) {
    var target = id && document.getElementById(id);
    if (!target) {
      return;
    }
    if (target.tagName === 'DETAILS') {
      target = target.querySelector('summary');
    } else if (!(target.tabIndex >= 0 || target.hasAttribute('tabindex'))) {
      target = target.closest('[tabindex]') || target;
    }
    target.focus();
  }

  function openThreads() {
    return Array.prototype.map.call(forum.querySelectorAll('button[data-discussion][aria-expanded="true"]'),
      function (b) { return b.getAttribute('data-discussion'); });
  }

  function refresh(message, focusId, threads) {
    var open = Array.prototype.map.call(forum.querySelectorAll('details[open][id]'), function (d) {
      return d.id;
    });
    var payload = {language: language, open_threads: threads || openThreads()};
    forum.setAttribute('aria-busy', 'true');
    return common.postJSON(handlerUrl('forum_html'), payload, {status: status, strings: strings})
      .then(function (result) {
        forum.removeAttribute('aria-busy');
        if (!result.ok) {
          return;
        }
        forum.innerHTML = result.data.html;
        open.forEach(function (id) {
          var details = document.getElementById(id);
          if (details) {
            details.open = true;
          }
        });
        restoreFocus(focusId);
        common.announce(status, message || '', 'success');
      });
  }

  function send(action, payload, form, trigger) {
    var key = focusKey(trigger || form);
    var buttons = form ? form.querySelectorAll('button') : [trigger];
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    common.announce(status, strings.saving, 'info');
    return common.postJSON(handlerUrl(action), payload, {status: form ? null : status, strings: strings})
      .then(function (result) {
        Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; });
        if (!result.ok) {
          if (form) {
            common.announce(status, '', 'info');
            showErrors(form, result);
          }
          return null;
        }
        return refresh(result.data.message, key);
      });
  }

  forum.addEventListener('submit', function (event) {
    var form = event.target.closest('form[data-action]');
    if (!form) {
      return;
    }
    event.preventDefault();
    send(form.getAttribute('data-action'), payloadOf(form), form, event.submitter || form);
  });

  forum.addEventListener('click', function (event) {
    var toggle = event.target.closest('button[data-discussion]');
    if (toggle) {
      // A discussion's posts are rendered by the server once it is opened.
      var thread = toggle.getAttribute('data-discussion');
      var threads = openThreads().filter(function (id) { return id !== thread; });
      var opening = toggle.getAttribute('aria-expanded') !== 'true';
      if (opening) {
        threads.push(thread);
      }
      toggle.disabled = true;
      refresh(opening ? strings.opened : strings.closed, toggle.id, threads).then(function () {
        toggle.disabled = false;
      });
      return;
    }
    var button = event.target.closest('button[data-action]');
    if (!button || button.form) {
      return;
    }
    event.preventDefault();
    var payload = {};
    try {
      payload = JSON.parse(button.getAttribute('data-payload') || '{}');
    } catch (ignored) {
      payload = {};
    }
    send(button.getAttribute('data-action'), payload, null, button);
  });

  forum.addEventListener('change', function (event) {
    if (event.target.matches('select[data-filter="language"]')) {
      language = event.target.value;
      refresh(strings.updated, event.target.id);
    }
  });
}
