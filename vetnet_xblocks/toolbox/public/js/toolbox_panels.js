/* The toolbox block's collections and moderation panels, started by
 * VetnetToolbox with the helpers they share (ctx). */
window.VetnetToolboxPanels = function (ctx) {
  'use strict';

  var root = ctx.root;
  var common = ctx.common;
  var strings = ctx.strings;
  var status = ctx.status;
  var options = ctx.options;
  var url = ctx.url;
  var el = ctx.el;
  var field = ctx.field;
  var renderResource = ctx.renderResource;

  /* -- collections --------------------------------------------------------- */
  var collectionForm = root.querySelector('.vetnet-toolbox__new-collection');
  var collectionList = root.querySelector('.vetnet-toolbox__collections');

  function loadCollections() {
    common.getJSON(url('collections'), options).then(function (result) {
      if (!result.ok) {
        return;
      }
      collectionList.textContent = '';
      result.data.collections.forEach(function (collection) {
        var item = el('li', {}, collection.title + ' — ' + collection.owner_name + ' (' +
          collection.resource_uuids.length + ')');
        collectionList.appendChild(item);
      });
    });
  }

  collectionForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var data = {title: collectionForm.elements.title.value, visibility: collectionForm.elements.visibility.value};
    common.postJSON(url('create_collection'), data, options).then(function (result) {
      if (result.ok) {
        collectionForm.reset();
        common.announce(status, strings.collection_created, 'success');
        loadCollections();
      }
    });
  });

  /* -- moderation ---------------------------------------------------------- */
  var queue = root.querySelector('.vetnet-toolbox__queue');
  var queueStatus = root.querySelector('.vetnet-toolbox__moderation-status');

  function moderate(uuid, action, reason) {
    return common.postJSON(url('moderate'), {resource: uuid, action: action, reason: reason || ''}, options)
      .then(function (result) {
        if (result.ok) {
          common.announce(status, strings.moderated, 'success');
          loadQueue();
        }
      });
  }

  function loadQueue() {
    if (!queue) {
      return;
    }
    common.getJSON(url('moderation_queue', {status: queueStatus.value}), options).then(function (result) {
      if (!result.ok) {
        return;
      }
      queue.textContent = '';
      if (!result.data.items.length) {
        queue.appendChild(el('li', {}, strings.queue_empty));
      }
      result.data.items.forEach(function (resource) {
        var item = renderResource(resource);
        var prefix = root.getAttribute('data-dom-id') + '-m-' + resource.uuid.slice(0, 8);
        var reason = el('textarea', {id: prefix + '-reason', rows: '2', maxlength: '2000'});
        field(item, strings.reject_reason, reason);
        var buttons = el('p', {class: 'vetnet-toolbox__actions'});
        var actions = [['approve', strings.approve], ['reject', strings.reject], ['hide', strings.hide]];
        if (queueStatus.value === 'changes' && resource.pending_change) {
          // Members still see the approved text above; the proposed one waits here.
          var proposed = el('div', {class: 'vetnet-toolbox__proposed'});
          proposed.appendChild(el('p', {}, strings.proposed_change));
          proposed.appendChild(el('p', {class: 'vetnet-toolbox__proposed-title'}, resource.pending_change.title));
          proposed.appendChild(el('p', {}, resource.pending_change.description));
          item.appendChild(proposed);
          actions = [['approve_change', strings.approve_change], ['reject_change', strings.reject_change]];
        }
        actions.forEach(function (pair) {
          var button = el('button', {type: 'button', class: 'vetnet-button'}, pair[1]);
          button.addEventListener('click', function () {
            moderate(resource.uuid, pair[0], reason.value);
          });
          buttons.appendChild(button);
        });
        item.appendChild(buttons);
        queue.appendChild(item);
      });
    });
  }
  if (queueStatus) {
    queueStatus.addEventListener('change', loadQueue);
  }

  return {loadCollections: loadCollections, loadQueue: loadQueue};
};
