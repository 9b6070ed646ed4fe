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
  var renderResource = ctx.renderResource;

  /* -- collections --------------------------------------------------------- */
  var collectionForm = root.querySelector('.vetnet-toolbox__new-collection');
  var collectionList = root.querySelector('.vetnet-toolbox__collections');

  var counted = ctx.counted;
  var visibilities = ctx.visibilities || {};
  var format = function (template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (match, key) {
      return values[key] !== undefined ? values[key] : match;
    });
  };

  function loadCollections() {
    common.getJSON(url('collections'), options).then(function (result) {
      if (!result.ok) {
        return;
      }
      collectionList.textContent = '';
      if (!result.data.collections.length) {
        collectionList.appendChild(el('li', {}, strings.no_collections));
      }
      result.data.collections.forEach(function (collection) {
        collectionList.appendChild(renderCollection(collection));
      });
    });
  }

  /* One collection: its title, owner, who may see it, and a button that opens its resources. */
  function renderCollection(collection) {
    var item = el('li', {class: 'vetnet-toolbox__collection', 'data-uuid': collection.uuid});
    item.appendChild(el('h5', {class: 'vetnet-toolbox__collection-title'}, collection.title));
    var facts = [format(strings.collection_owner, {name: collection.owner_name}),
      format(strings.collection_visibility, {visibility: visibilities[collection.visibility] || collection.visibility}),
      counted('collection_size', collection.resource_uuids.length)];
    var line = el('p', {class: 'vetnet-toolbox__meta'}, facts.join(' · '));
    item.appendChild(line);
    if (collection.description) {
      item.appendChild(el('p', {}, collection.description));
    }
    var contents = el('div', {class: 'vetnet-toolbox__collection-contents',
      id: root.getAttribute('data-dom-id') + '-c-' + collection.uuid.slice(0, 8)});
    contents.hidden = true;
    var toggle = el('button', {type: 'button', class: 'vetnet-button', 'aria-expanded': 'false',
      'aria-controls': contents.id}, strings.open_collection);
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
      toggle.textContent = open ? strings.open_collection : strings.close_collection;
      contents.hidden = open;
      if (!open) {
        openCollection(collection, contents, line);
      }
    });
    item.appendChild(el('p', {class: 'vetnet-toolbox__actions'})).appendChild(toggle);
    item.appendChild(contents);
    return item;
  }

  function openCollection(collection, contents, line) {
    contents.textContent = '';
    contents.setAttribute('aria-busy', 'true');
    common.getJSON(url('collection', {collection: collection.uuid}), options).then(function (result) {
      contents.removeAttribute('aria-busy');
      if (!result.ok) {
        return;
      }
      var data = result.data;
      var facts = [format(strings.collection_owner, {name: data.collection.owner_name}),
        format(strings.collection_visibility, {
          visibility: visibilities[data.collection.visibility] || data.collection.visibility}),
        counted('collection_size', data.count)];
      line.textContent = facts.join(' · ');
      var list = el('ul', {class: 'vetnet-toolbox__results'});
      if (!data.items.length) {
        list.appendChild(el('li', {}, strings.collection_empty));
      }
      data.items.forEach(function (resource) {
        var item = renderResource(resource);
        if (data.is_own) {
          var remove = el('button', {type: 'button', class: 'vetnet-button'}, strings.remove_from_collection);
          remove.addEventListener('click', function () {
            common.postJSON(url('collect'), {collection: collection.uuid, resource: resource.uuid, remove: true},
              options).then(function (saved) {
              if (saved.ok) {
                common.announce(status, strings.removed_from_collection, 'success');
                openCollection(collection, contents, line);
              }
            });
          });
          item.querySelector('.vetnet-toolbox__actions').appendChild(remove);
        }
        list.appendChild(item);
      });
      contents.appendChild(list);
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
