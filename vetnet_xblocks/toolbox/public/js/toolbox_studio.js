/* The toolbox's Studio editor: the shared fields plus the toolbox settings,
 * whose resource types are a group of checkboxes sent as a list. */
function VetnetToolboxStudio(runtime, element, args) {
  'use strict';

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var form = root.querySelector('.vetnet-studio__form');
  var status = root.querySelector('.vetnet-status');
  var strings = args.strings || {};

  function notify(name, data) {
    if (typeof runtime.notify === 'function') {
      runtime.notify(name, data);
    }
  }

  function showErrors(errors) {
    var first = null;
    form.querySelectorAll('.vetnet-studio__error').forEach(function (span) {
      var name = span.getAttribute('data-field');
      var input = form.querySelector('[name="' + name + '"]');
      span.textContent = errors[name] ? [].concat(errors[name]).join(' ') : '';
      if (input) {
        if (errors[name]) {
          input.setAttribute('aria-invalid', 'true');
          first = first || input;
        } else {
          input.removeAttribute('aria-invalid');
        }
      }
    });
    if (first) {
      first.focus();
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var payload = {};
    args.fields.forEach(function (name) {
      var input = form.querySelector('[name="' + name + '"]');
      if (input) {
        payload[name] = input.value;
      }
    });
    payload.allowed_resource_types = Array.prototype.map.call(
      form.querySelectorAll('input[name="allowed_resource_types"]:checked'), function (box) { return box.value; });
    common.announce(status, strings.saving, 'info');
    notify('save', {state: 'start', message: strings.saving});
    common.postJSON(runtime.handlerUrl(root, 'studio_submit'), payload, {status: status, strings: strings})
      .then(function (result) {
        if (result.ok) {
          showErrors({});
          common.announce(status, strings.saved, 'success');
          notify('save', {state: 'end'});
          return;
        }
        showErrors(result.data.errors || {});
        notify('error', {title: strings.save_failed, message: result.data.error});
      });
  });

  root.querySelector('.cancel-button').addEventListener('click', function (event) {
    event.preventDefault();
    notify('cancel', {});
  });
}
