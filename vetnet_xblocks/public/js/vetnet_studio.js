/* The Studio editor shared by the VETNet blocks (studio_view).
 * Studio listens to runtime.notify('save' | 'cancel' | 'error'); other hosts
 * may not offer notify, so the editor also reports in its own status region. */
function VetnetStudioEditor(runtime, element, args) {
  'use strict';

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var form = root.querySelector('.vetnet-studio__form');
  var status = root.querySelector('.vetnet-status');
  var saveButton = root.querySelector('.save-button');
  var strings = args.strings || {};
  // Fields sent as lists (the ticked boxes of a group); every other field is sent as its text.
  var lists = args.lists || [];
  var url = runtime.handlerUrl(root, 'studio_submit');

  function notify(name, data) {
    if (typeof runtime.notify === 'function') {
      runtime.notify(name, data);
    }
  }

  function isList(name) {
    return lists.indexOf(name) !== -1;
  }

  /* The input of a field; the first box of a group of checkboxes. */
  function input(name) {
    return form.querySelector('[name="' + name + '"]');
  }

  function valueOf(name) {
    if (isList(name)) {
      return Array.prototype.map.call(
        form.querySelectorAll('input[name="' + name + '"]:checked'), function (box) { return box.value; });
    }
    return input(name).value;
  }

  function clearErrors() {
    args.fields.forEach(function (name) {
      var field = input(name);
      var error = form.querySelector('.vetnet-studio__error[data-field="' + name + '"]');
      if (field) {
        field.removeAttribute('aria-invalid');
      }
      if (error) {
        error.textContent = '';
      }
    });
  }

  function showErrors(errors) {
    var first = null;
    Object.keys(errors || {}).forEach(function (name) {
      var field = input(name);
      var error = form.querySelector('.vetnet-studio__error[data-field="' + name + '"]');
      var messages = [].concat(errors[name]);
      if (field) {
        field.setAttribute('aria-invalid', 'true');
        first = first || field;
      }
      if (error) {
        error.textContent = messages.join(' ');
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
      if (input(name)) {
        payload[name] = valueOf(name);
      }
    });
    clearErrors();
    saveButton.disabled = true;
    common.announce(status, strings.saving, 'info');
    notify('save', {state: 'start', message: strings.saving});
    common.postJSON(url, payload, {status: status, strings: strings}).then(function (result) {
      saveButton.disabled = false;
      if (result.ok) {
        common.announce(status, strings.saved, 'success');
        notify('save', {state: 'end'});
        return;
      }
      showErrors(result.data.errors);
      notify('error', {title: strings.save_failed, message: result.data.error});
    });
  });

  root.querySelector('.cancel-button').addEventListener('click', function (event) {
    event.preventDefault();
    notify('cancel', {});
  });
}
