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

  /* -- collections: the server renders the list (collections_html) and each one opened (collection_html) -- */
  var collectionForm = root.querySelector('.vetnet-toolbox__new-collection');
  var collectionList = root.querySelector('.vetnet-toolbox__collections');

  function loadCollections() {
    common.getJSON(url('collections_html'), options).then(function (result) {
      if (result.ok) {
        collectionList.innerHTML = result.data.html; // rendered by the block's own templates, autoescaped
      }
    });
  }

  function openCollection(item) {
    var contents = item.querySelector('.vetnet-toolbox__collection-contents');
    contents.setAttribute('aria-busy', 'true');
    return common.getJSON(url('collection_html', {collection: item.getAttribute('data-uuid')}), options)
      .then(function (result) {
        contents.removeAttribute('aria-busy');
        if (!result.ok) {
          return;
        }
        contents.innerHTML = result.data.html; // rendered by the block's own templates, autoescaped
        item.querySelector(':scope > .vetnet-toolbox__meta').textContent = result.data.facts;
        contents.querySelectorAll('.vetnet-toolbox__resource').forEach(ctx.enhanceResource);
      });
  }

  collectionList.addEventListener('click', function (event) {
    var toggle = event.target.closest('.vetnet-toolbox__collection-toggle');
    var remove = event.target.closest('button[data-action="remove-from-collection"]');
    if (toggle) {
      var item = toggle.closest('.vetnet-toolbox__collection');
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
      toggle.textContent = toggle.getAttribute(open ? 'data-open-text' : 'data-close-text');
      item.querySelector('.vetnet-toolbox__collection-contents').hidden = open;
      if (!open) {
        openCollection(item);
      }
    } else if (remove) {
      var collection = remove.closest('.vetnet-toolbox__collection');
      var resource = remove.closest('.vetnet-toolbox__resource').getAttribute('data-uuid');
      common.postJSON(url('collect'), {collection: remove.getAttribute('data-collection'), resource: resource,
        remove: true}, options).then(function (saved) {
        if (saved.ok) {
          common.announce(status, strings.removed_from_collection, 'success');
          openCollection(collection);
        }
      });
    }
  });

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

  /* The queue as the server renders it (queue_html, the page's own template); its buttons act here. */
  function loadQueue() {
    if (!queue) {
      return;
    }
    common.getJSON(url('queue_html', {status: queueStatus.value}), options).then(function (result) {
      if (result.ok) {
        queue.innerHTML = result.data.html; // rendered by the block's own templates, autoescaped
      }
    });
  }
  if (queue) {
    queue.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-action]');
      if (!button) {
        return;
      }
      var item = button.closest('.vetnet-toolbox__resource');
      var reason = item.querySelector('textarea');
      moderate(item.getAttribute('data-uuid'), button.getAttribute('data-action'), reason ? reason.value : '');
    });
    root.querySelector('.vetnet-toolbox__moderation-form').addEventListener('submit', function (event) {
      event.preventDefault();
      loadQueue();
    });
  }
  if (queueStatus) {
    queueStatus.addEventListener('change', loadQueue);
  }

  return {loadCollections: loadCollections, loadQueue: loadQueue};
};
