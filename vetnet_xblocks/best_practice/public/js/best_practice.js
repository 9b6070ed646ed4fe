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

  function handlerUrl(name, query) {
    var base = runtime.handlerUrl(root, name);
    if (!query) {
      return base;
    }
    return base + (base.indexOf('?') === -1 ? '?' : '&') + new URLSearchParams(query).toString();
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

  function staffTable() {
    return root.querySelector('.vetnet-best-practice__staff-table');
  }

  /* The staff table again from the server (staff_table_html), for a filter and a page. */
  function loadTable(params, focusTarget) {
    common.announce(status, strings.loading, 'info');
    return common.getJSON(handlerUrl('staff_table_html', params), {status: status, strings: strings})
      .then(function (result) {
        var table = staffTable();
        if (!result.ok || !table) {
          return result;
        }
        table.outerHTML = result.data.html;
        var count = staffTable().querySelector('.vetnet-best-practice__count');
        common.announce(status, count ? count.textContent : '', 'info');
        var focus = staffTable().querySelector(focusTarget || '.vetnet-best-practice__table-wrap');
        if (focus) {
          focus.focus();
        }
        return result;
      });
  }

  function currentFilter(page) {
    var table = staffTable();
    return {
      state: table.getAttribute('data-state') || '',
      search: table.getAttribute('data-search') || '',
      page: page || table.getAttribute('data-page') || '1'
    };
  }

  function loadReviews(details) {
    var slot = details.querySelector('.vetnet-best-practice__reviews-slot');
    var url = handlerUrl('staff_reviews_html', {practice_uuid: details.getAttribute('data-practice')});
    return common.getJSON(url, {status: status, strings: strings}).then(function (result) {
      if (result.ok) {
        slot.innerHTML = result.data.html;
      }
    });
  }

  root.addEventListener('toggle', function (event) {
    var details = event.target;
    if (details.classList && details.classList.contains('vetnet-best-practice__reviews') && details.open) {
      loadReviews(details);
    }
  }, true);

  root.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-staff-page]') : null;
    if (button && root.contains(button)) {
      loadTable(currentFilter(button.getAttribute('data-staff-page')));
    }
  });

  root.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.getAttribute('data-view') === 'staff_table_html') {
      event.preventDefault();
      loadTable({state: form.elements.state.value, search: form.elements.search.value, page: '1'});
      return;
    }
    var action = form.getAttribute('data-action');
    if (!action || form === draft) {
      return;
    }
    event.preventDefault();
    send(action, payloadOf(form)).then(function (result) {
      if (!result.ok) {
        return;
      }
      if (action === 'request_review' && !result.data.lease) {
        common.announce(status, strings.nothing, 'info');
        return;
      }
      if (staffTable() && staffTable().contains(form)) {
        // Staff stay on the page, the filter and the page they were on.
        loadTable(currentFilter()).then(function () {
          common.announce(status, strings.done, 'success');
        });
        return;
      }
      window.location.reload();
    });
  });
}
