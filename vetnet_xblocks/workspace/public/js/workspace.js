/* The workspaces' page, rendered by the server (ADR 0007); this script enhances it.
 * Forms name a JSON handler (data-vetnet-action); after one succeeds, the
 * workspace's part of the page is rendered again by the server (or the page
 * reloads when a workspace was opened or joined). The shared document saves
 * itself a moment after the member stops typing, naming the revision it
 * started from, and polls the latest revision: when others saved, their text
 * appears, merged by the server with whatever the member is typing (ADR 0010). */
function VetnetWorkspace(runtime, element, args) {
  'use strict';

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var strings = (args && args.strings) || {};
  var pollMs = Math.max(1, Number((args && args.poll_seconds) || 4)) * 1000;
  var status = root.querySelector('.vetnet-status');

  function handlerUrl(name) {
    return runtime.handlerUrl(root, name);
  }

  function post(name, payload) {
    return common.requestJSON('POST', handlerUrl(name), payload, {status: status, strings: strings});
  }

  function get(name, query) {
    // The runtime's handler URL may carry a query string of its own.
    var base = handlerUrl(name);
    var url = base + (base.indexOf('?') === -1 ? '?' : '&') + new URLSearchParams(query).toString();
    return common.getJSON(url, {status: status, strings: strings});
  }

  function payloadOf(form) {
    // The shared reader (checkboxes become true or false), then the fields this page types itself.
    var data = common.formPayload(form);
    Array.prototype.forEach.call(form.querySelectorAll('[data-vetnet-boolean]'), function (field) {
      data[field.name] = field.value === 'true';
    });
    if (Object.prototype.hasOwnProperty.call(data, 'assignee_id')) {
      data.assignee_id = data.assignee_id ? Number(data.assignee_id) : null;
    }
    return data;
  }

  function refreshWorkspace(uuid) {
    return get('workspace_html', {workspace: uuid}).then(function (result) {
      var old = root.querySelector('[data-vetnet-workspace="' + uuid + '"]');
      if (result.ok && old) {
        var holder = document.createElement('div');
        holder.innerHTML = result.data.html;
        var fresh = holder.firstElementChild;
        old.parentNode.replaceChild(fresh, old);
        enhance(fresh);
      }
    });
  }

  function enhanceForm(form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var payload = payloadOf(form);
      post(form.getAttribute('data-vetnet-action'), payload).then(function (result) {
        if (!result.ok) {
          common.showFormErrors(form, result, '.vetnet-workspace__errors', status);
          return;
        }
        common.announce(status, strings.done, 'success');
        if (form.getAttribute('data-vetnet-reload') === 'page') {
          window.location.reload();
        } else {
          refreshWorkspace(payload.workspace);
        }
      });
    });
  }

  function enhanceCompare(form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var query = {workspace: form.getAttribute('data-vetnet-compare'), older: form.elements.older.value,
        newer: form.elements.newer.value};
      get('compare', query).then(function (result) {
        if (result.ok) {
          form.querySelector('.vetnet-workspace__comparison').innerHTML = result.data.html;
        } else {
          common.announce(status, result.data.error || strings.request_failed, 'error');
        }
      });
    });
  }

  /* The library search: the server renders what it found, with an Attach button for each. */
  function enhanceSearch(form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var box = form.parentNode.querySelector('.vetnet-workspace__found');
      get('attachable', {workspace: form.getAttribute('data-vetnet-attachable'),
        search: form.elements.search.value}).then(function (result) {
        if (result.ok) {
          box.innerHTML = result.data.html;
          enhance(box);
        } else {
          common.showFormErrors(form, result, '.vetnet-workspace__errors', status);
        }
      });
    });
  }

  /* One shared document: what the page knows of the server's text, and what the member typed. */
  function enhanceEditor(form) {
    var uuid = form.getAttribute('data-vetnet-document');
    var area = form.querySelector('textarea');
    var label = form.querySelector('label');
    var base = {revision: Number(form.getAttribute('data-vetnet-revision')), text: area.value, own: false};
    var saving = false;
    var again = false;
    var timer = null;

    function dirty() {
      return area.value !== base.text;
    }

    function show(text) {
      // Keep the caret where it was, as far as the new text allows.
      var start = area.selectionStart;
      var end = area.selectionEnd;
      area.value = text;
      if (document.activeElement === area) {
        area.setSelectionRange(Math.min(start, text.length), Math.min(end, text.length));
      }
    }

    function save() {
      if (saving) {
        again = true;
        return;
      }
      saving = true;
      var sent = area.value;
      var payload = {workspace: uuid, base_revision: base.revision, text: sent};
      if (base.own) {
        payload.base_text = base.text;
      }
      common.announce(status, strings.saving, 'info');
      post('save_document', payload).then(function (result) {
        saving = false;
        if (!result.ok) {
          common.announce(status, result.data.error || strings.request_failed, 'error');
          return;
        }
        var document_ = result.data.document;
        if (area.value === sent) {
          show(document_.text);
          base = {revision: document_.revision, text: document_.text, own: false};
        } else {
          // Typed on while saving: the next save starts from what this one sent.
          base = {revision: document_.revision, text: sent, own: true};
          again = true;
        }
        label.textContent = label.textContent.replace(/\d+/, String(document_.revision));
        var message = result.data.conflicts ? strings.conflict : (result.data.merged ? strings.merged : strings.saved);
        common.announce(status, message, result.data.conflicts ? 'error' : 'success');
        if (again) {
          again = false;
          save();
        }
      });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 1200);
    }

    function poll() {
      if (!document.body.contains(area)) {
        return;
      }
      get('latest_revision', {workspace: uuid}).then(function (result) {
        if (result.ok && result.data.revision > base.revision && !saving) {
          if (dirty()) {
            save();
          } else {
            get('document', {workspace: uuid}).then(function (fresh) {
              if (fresh.ok && !dirty() && !saving) {
                show(fresh.data.text);
                base = {revision: fresh.data.revision, text: fresh.data.text, own: false};
                label.textContent = label.textContent.replace(/\d+/, String(fresh.data.revision));
                common.announce(status, strings.updated, 'info');
              }
            });
          }
        }
        window.setTimeout(poll, pollMs);
      });
    }

    area.addEventListener('input', schedule);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      save();
    });
    window.setTimeout(poll, pollMs);
  }

  function enhance(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('form[data-vetnet-action]'), enhanceForm);
    Array.prototype.forEach.call(scope.querySelectorAll('form[data-vetnet-compare]'), enhanceCompare);
    Array.prototype.forEach.call(scope.querySelectorAll('form[data-vetnet-document]'), enhanceEditor);
    Array.prototype.forEach.call(scope.querySelectorAll('form[data-vetnet-attachable]'), enhanceSearch);
  }

  enhance(root);
}
