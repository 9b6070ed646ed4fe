/* The partnership page, rendered by the server (ADR 0007); this script enhances it.
 * Every form names a JSON handler (data-vetnet-action) and sends its fields
 * (VetnetCommon.formPayload). A search shows the suggestions the server
 * rendered; a change to a partnership replaces that partnership's part of the
 * page with the one the server rendered again; a new proposal reloads the page. */
function VetnetPartnership(runtime, element, args) {
  'use strict';

  var global = window;

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var strings = (args && args.strings) || {};
  var status = root.querySelector('.vetnet-status');
  var results = root.querySelector('[data-vetnet-results]');
  var list = root.querySelector('[data-vetnet-partnerships]');

  function post(name, payload) {
    return common.requestJSON('POST', runtime.handlerUrl(root, name), payload, {status: status, strings: strings});
  }

  function replacePanel(data) {
    var holder = document.createElement('div');
    holder.innerHTML = data.html;
    var fresh = holder.firstElementChild;
    var old = root.querySelector('[data-vetnet-partnership="' + data.uuid + '"]');
    if (old) {
      old.parentNode.replaceChild(fresh, old);
    } else {
      var none = list.querySelector('[data-vetnet-none]');
      if (none) {
        none.parentNode.removeChild(none);
      }
      list.insertBefore(fresh, list.firstChild);
    }
    enhance(fresh);
    return fresh;
  }

  function submit(form) {
    var action = form.getAttribute('data-vetnet-action');
    if (action === 'search') {
      common.announce(status, strings.searching || '', 'info');
    }
    post(action, common.formPayload(form)).then(function (result) {
      if (!result.ok) {
        common.showFormErrors(form, result, '.vetnet-form-errors', status);
        return;
      }
      if (action === 'search') {
        results.innerHTML = result.data.html;
        enhance(results);
        common.announce(status, strings.found || '', 'success');
        return;
      }
      if (action === 'propose') {
        // The search form now offers to complement the new partnership: the server renders the page again.
        global.location.reload();
        return;
      }
      replacePanel(result.data);
      common.announce(status, strings.done || '', 'success');
    });
  }

  function enhance(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('form[data-vetnet-action]'), function (form) {
      if (form.getAttribute('data-vetnet-enhanced')) {
        return;
      }
      form.setAttribute('data-vetnet-enhanced', '1');
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        submit(form);
      });
    });
  }

  enhance(root);
}
