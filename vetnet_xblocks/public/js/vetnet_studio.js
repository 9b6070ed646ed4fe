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

  /* Reorderable fields: each line of the textarea is an item; Move up / Move down
   * rewrite the textarea (which is what is saved) and keep the focus on the button
   * that was pressed, in the item's new place. */
  function lineItem(template, text) {
    var item = template.cloneNode(true);
    item.querySelector('.vetnet-studio__line-text').textContent = text;
    Array.prototype.forEach.call(item.querySelectorAll('.vetnet-visually-hidden'), function (hidden) {
      hidden.textContent = ': ' + text;
    });
    return item;
  }

  Array.prototype.forEach.call(root.querySelectorAll('.vetnet-studio__order'), function (order) {
    var field = input(order.getAttribute('data-order-for'));
    var list = order.querySelector('.vetnet-studio__lines');
    var template = list.querySelector('.vetnet-studio__line');
    if (!field || !template) {
      return;
    }
    template = template.cloneNode(true);
    order.hidden = false;

    function lines() {
      return field.value.split('\n').filter(function (line) { return line.trim() !== ''; });
    }

    function redraw() {
      list.textContent = '';
      lines().forEach(function (line) {
        list.appendChild(lineItem(template, line));
      });
    }

    field.addEventListener('input', redraw);
    list.addEventListener('click', function (event) {
      var button = event.target.closest('[data-move]');
      if (!button) {
        return;
      }
      var items = Array.prototype.slice.call(list.children);
      var from = items.indexOf(button.closest('li'));
      var to = from + Number(button.getAttribute('data-move'));
      var all = lines();
      if (from < 0 || to < 0 || to >= all.length) {
        return;
      }
      var moved = all.splice(from, 1)[0];
      all.splice(to, 0, moved);
      field.value = all.join('\n');
      redraw();
      list.children[to].querySelector('[data-move="' + button.getAttribute('data-move') + '"]').focus();
      common.announce(status, (strings.moved || '').replace('{item}', moved.split('|')[0].trim())
        .replace('{position}', String(to + 1)).replace('{count}', String(all.length)), 'info');
    });
  });

  root.querySelector('.cancel-button').addEventListener('click', function (event) {
    event.preventDefault();
    notify('cancel', {});
  });
}
