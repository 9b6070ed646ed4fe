/* The peer counselling page. Forms and buttons name a JSON handler
 * (data-action); after a change the server renders the queue or the case
 * again (queue_html, case_html), so this file only moves HTML it is given.
 * While a member writes a case, similar cases are asked for after a pause. */
function VetnetCounselling(runtime, element) {
  'use strict';

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var strings = common.pageStrings(root);
  var queue = root.querySelector('.vetnet-counselling__queue');
  var casePanel = root.querySelector('.vetnet-counselling__case');
  var status = root.querySelector('.vetnet-status');
  var filters = {};
  var openCase = '';
  var similarTimer = null;
  if (!queue || !casePanel) {
    return;
  }

  function handlerUrl(name) {
    return runtime.handlerUrl(root, name);
  }

  function payloadOf(form) {
    return common.formPayload(form);
  }

  function showErrors(form, result) {
    common.showFormErrors(form, result, '.vetnet-counselling__form-error');
  }

  function refreshQueue(page) {
    var payload = Object.assign({}, filters, {page: page || 1});
    queue.setAttribute('aria-busy', 'true');
    return common.postJSON(handlerUrl('queue_html'), payload, {status: status, strings: strings})
      .then(function (result) {
        queue.removeAttribute('aria-busy');
        if (result.ok) {
          queue.innerHTML = result.data.html;
        }
      });
  }

  function showCase(uuid, page, order, focus) {
    openCase = uuid;
    casePanel.setAttribute('aria-busy', 'true');
    var payload = {case: uuid, page: page || 1, order: order || 'oldest'};
    return common.postJSON(handlerUrl('case_html'), payload, {status: status, strings: strings})
      .then(function (result) {
        casePanel.removeAttribute('aria-busy');
        if (!result.ok) {
          return;
        }
        casePanel.innerHTML = result.data.html;
        casePanel.hidden = false;
        if (focus !== false) {
          casePanel.focus();
        }
      });
  }

  function closeCase() {
    openCase = '';
    casePanel.hidden = true;
    casePanel.innerHTML = '';
    queue.querySelector('h4').setAttribute('tabindex', '-1');
    queue.querySelector('h4').focus();
  }

  function askSimilar(form) {
    var box = form.querySelector('.vetnet-counselling__similar');
    var data = payloadOf(form);
    var text = (data.title || '') + '\n' + (data.problem || '');
    if (!box) {
      return;
    }
    common.postJSON(handlerUrl('similar'), {text: text, topics: data.topics || []}, {strings: strings})
      .then(function (result) {
        if (result.ok) {
          box.innerHTML = result.data.html;
        }
      });
  }

  root.addEventListener('input', function (event) {
    var form = event.target.form;
    if (!form || !event.target.hasAttribute('data-similar')) {
      return;
    }
    window.clearTimeout(similarTimer);
    similarTimer = window.setTimeout(function () {
      askSimilar(form);
    }, 600);
  });

  root.addEventListener('change', function (event) {
    var form = event.target.form;
    if (form && event.target.type === 'checkbox' && event.target.hasAttribute('data-similar')) {
      askSimilar(form);
    }
  });

  root.addEventListener('submit', function (event) {
    var form = event.target;
    var action = form.getAttribute('data-action');
    if (!action) {
      return;
    }
    event.preventDefault();
    if (action === 'queue_html') {
      filters = payloadOf(form);
      refreshQueue(1);
      return;
    }
    var data = payloadOf(form);
    var button = form.querySelector('button[type="submit"]');
    if (button) {
      button.disabled = true;
    }
    common.postJSON(handlerUrl(action), data, {strings: strings}).then(function (result) {
      if (button) {
        button.disabled = false;
      }
      if (!result.ok) {
        showErrors(form, result);
        return;
      }
      // The message is announced once the page shows what it says.
      if (action === 'open_case') {
        form.reset();
        refreshQueue(1).then(function () {
          return showCase(result.data.case);
        }).then(function () {
          common.announce(status, result.data.message, 'success');
        });
      } else if (openCase) {
        Promise.all([showCase(openCase, 1, 'oldest', false), refreshQueue(1)]).then(function () {
          common.announce(status, result.data.message, 'success');
        });
      } else {
        refreshQueue(1).then(function () {
          common.announce(status, result.data.message, 'success');
        });
      }
    });
  });

  root.addEventListener('click', function (event) {
    var target = event.target.closest('button');
    if (!target || !root.contains(target)) {
      return;
    }
    if (target.hasAttribute('data-open-case')) {
      showCase(target.getAttribute('data-open-case'));
    } else if (target.hasAttribute('data-close-case')) {
      closeCase();
    } else if (target.hasAttribute('data-queue-page')) {
      refreshQueue(Number(target.getAttribute('data-queue-page')));
    } else if (target.hasAttribute('data-case-page')) {
      showCase(openCase, Number(target.getAttribute('data-case-page')));
    } else if (target.getAttribute('data-action')) {
      var payload = {};
      try {
        payload = JSON.parse(target.getAttribute('data-payload') || '{}');
      } catch (ignored) {
        payload = {};
      }
      target.disabled = true;
      common.postJSON(handlerUrl(target.getAttribute('data-action')), payload, {status: status, strings: strings})
        .then(function (result) {
          target.disabled = false;
          if (result.ok) {
            Promise.all([showCase(openCase, 1, 'oldest', false), refreshQueue(1)]).then(function () {
              common.announce(status, result.data.message, 'success');
            });
          }
        });
    }
  });
}
