/* The toolbox block in the learner's page: find, share, review, adopt,
 * collect and moderate resources through the block's handlers.
 * The server renders the library's page, a resource's details with the
 * member's forms, the collections and the moderation queue (ADR 0007); this
 * script makes them live: a search, a filter or a page link asks the
 * library_html handler for the same templates again, without a reload, and a
 * form is sent to its JSON handler, then the part it changed is asked again.
 * Text from members is only ever put into the page with textContent, or as
 * HTML the server rendered (autoescaped templates, sanitised description_html). */
function VetnetToolbox(runtime, element, args) {
  'use strict';

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var strings = args.strings || {};
  var status = root.querySelector('.vetnet-toolbox__status');
  var searchForm = root.querySelector('.vetnet-toolbox__search');
  if (!searchForm) {
    return; // not a member: nothing to drive
  }
  var library = root.querySelector('.vetnet-toolbox__library');
  var results = library.querySelector('.vetnet-toolbox__results');
  var summary = library.querySelector('.vetnet-toolbox__summary');
  var pages = library.querySelector('.vetnet-toolbox__pages');
  var state = {page: 1};
  var options = {status: status, strings: strings};

  function url(handler, query) {
    var base = runtime.handlerUrl(root, handler);
    if (!query) {
      return base;
    }
    var params = new URLSearchParams(query).toString();
    return base + (base.indexOf('?') === -1 ? '?' : '&') + params;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  /* -- tabs ---------------------------------------------------------------- */
  var tabs = root.querySelectorAll('.vetnet-toolbox__tab');
  root.querySelector('.vetnet-toolbox__tabs').hidden = false;
  function showPanel(name) {
    tabs.forEach(function (tab) {
      tab.setAttribute('aria-expanded', tab.getAttribute('data-panel') === name ? 'true' : 'false');
    });
    root.querySelectorAll('.vetnet-toolbox__panel').forEach(function (panel) {
      panel.hidden = panel.getAttribute('data-panel') !== name;
    });
    if (name === 'collections') {
      loadCollections();
    } else if (name === 'moderation') {
      loadQueue();
    }
  }
  tabs.forEach(function (tab) {
    tab.addEventListener('click', function () {
      showPanel(tab.getAttribute('data-panel'));
    });
  });

  /* -- finding ------------------------------------------------------------- */
  function query() {
    var data = {page: state.page};
    new FormData(searchForm).forEach(function (value, name) {
      if (value) {
        data[name] = value;
      }
    });
    return data;
  }

  /* A review, an adoption or a download changed a resource's counts: show them wherever it is listed. */
  function refreshCounts(uuid, stats) {
    root.querySelectorAll('.vetnet-toolbox__resource[data-uuid="' + uuid + '"]').forEach(function (item) {
      var line = item.querySelector(':scope > .vetnet-toolbox__stats');
      if (line) {
        line.textContent = stats;
      }
    });
  }

  /* Forms the server rendered for the script to send are hidden without it. */
  function reveal(container) {
    container.querySelectorAll('[data-needs-script]').forEach(function (node) {
      node.hidden = false;
    });
  }

  /* Wire one resource of the server's list: its details open here, a download refreshes its counts. */
  function enhanceResource(item) {
    var uuid = item.getAttribute('data-uuid');
    var link = item.querySelector('.vetnet-toolbox__details-link');
    var details = item.querySelector('.vetnet-toolbox__details');
    if (link && details) {
      var toggle = el('button', {type: 'button', class: 'vetnet-button', 'aria-expanded': 'false'}, strings.details);
      link.parentNode.replaceChild(toggle, link);
      toggle.addEventListener('click', function () {
        var open = toggle.getAttribute('aria-expanded') === 'true';
        toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
        toggle.textContent = open ? strings.details : strings.hide_details;
        details.hidden = open;
        if (!open) {
          loadDetails(uuid, details);
        }
      });
    }
    var download = item.querySelector('.vetnet-toolbox__download');
    if (download) {
      download.addEventListener('click', function () {
        // The download is counted on the server once the file is handed out.
        window.setTimeout(function () { refreshResource(uuid); }, 1000);
      });
    }
  }

  function enhanceResults() {
    results.querySelectorAll('.vetnet-toolbox__resource').forEach(enhanceResource);
  }

  /* Put the server's new rendering of the library in place, keeping the live summary and the selects. */
  function showLibrary(data) {
    var fresh = document.createElement('div');
    fresh.innerHTML = data.html; // rendered by the block's own templates, autoescaped
    var notice = library.querySelector('.vetnet-toolbox__notice');
    if (notice) {
      notice.remove();
    }
    results.innerHTML = fresh.querySelector('.vetnet-toolbox__results').innerHTML;
    pages.innerHTML = fresh.querySelector('.vetnet-toolbox__pages').innerHTML;
    summary.textContent = fresh.querySelector('.vetnet-toolbox__summary').textContent;
    state.page = data.page;
    searchForm.querySelectorAll('select[data-facet]').forEach(function (select) {
      if (data.filters[select.name] !== undefined) {
        select.innerHTML = data.filters[select.name]; // options rendered by the server
      }
    });
    enhanceResults();
  }

  function search() {
    results.setAttribute('aria-busy', 'true');
    return common.getJSON(url('library_html', query()), options).then(function (result) {
      results.removeAttribute('aria-busy');
      if (result.ok) {
        showLibrary(result.data);
      }
    });
  }

  searchForm.addEventListener('submit', function (event) {
    event.preventDefault();
    state.page = 1;
    search();
  });
  searchForm.querySelectorAll('select').forEach(function (select) {
    select.addEventListener('change', function () {
      state.page = 1;
      search();
    });
  });
  pages.addEventListener('click', function (event) {
    var link = event.target.closest('a[data-page-number]');
    if (!link) {
      return;
    }
    event.preventDefault();
    state.page = parseInt(link.getAttribute('data-page-number'), 10) || 1;
    search().then(function () {
      summary.focus();
    });
  });
  summary.setAttribute('tabindex', '-1');

  /* -- details: reviews, adoption, versions, collections -------------------- */
  function refreshResource(uuid) {
    return common.getJSON(url('details_html', {resource: uuid}), options).then(function (result) {
      if (result.ok) {
        refreshCounts(uuid, result.data.stats);
      }
    });
  }

  /* The details as the server renders them (details_html, the page's own template), forms included. */
  function loadDetails(uuid, container) {
    container.setAttribute('aria-busy', 'true');
    return common.getJSON(url('details_html', {resource: uuid}), options).then(function (result) {
      container.removeAttribute('aria-busy');
      if (!result.ok) {
        return;
      }
      container.innerHTML = result.data.html; // rendered by the block's own templates, autoescaped
      reveal(container);
      refreshCounts(uuid, result.data.stats);
    });
  }

  var detailsForms = {
    'vetnet-toolbox__review': function (form, uuid) {
      var checked = form.querySelector('input[name="rating"]:checked');
      return common.postJSON(url('review'), {resource: uuid, rating: checked ? checked.value : null,
        text: form.elements.text.value}, options).then(function (saved) {
        return saved.ok && strings.reviewed;
      });
    },
    'vetnet-toolbox__adopt': function (form, uuid) {
      var payload = {resource: uuid};
      var outcome = form.elements.outcome;
      if (outcome) {
        payload.outcome = outcome.value;
        payload.outcome_report = form.elements.outcome_report.value;
      }
      return common.postJSON(url('adopt'), payload, options).then(function (saved) {
        return saved.ok && (outcome ? strings.outcome_saved : strings.adopted);
      });
    },
    'vetnet-toolbox__version': function (form, uuid) {
      var body = new FormData(form);
      body.set('resource', uuid);
      if (!form.elements.file.files.length) {
        body.delete('file');
      }
      return sendForm(url('new_version'), body).then(function (result) {
        return result.ok && strings.version_saved;
      });
    },
    'vetnet-toolbox__collect': function (form, uuid) {
      return common.postJSON(url('collect'), {collection: form.elements.collection.value, resource: uuid}, options)
        .then(function (saved) {
          return saved.ok && strings.added_to_collection;
        });
    }
  };

  root.addEventListener('submit', function (event) {
    var form = event.target;
    var send = Object.keys(detailsForms).filter(function (name) {
      return form.classList.contains(name);
    })[0];
    if (!send) {
      return;
    }
    event.preventDefault();
    var uuid = form.getAttribute('data-resource');
    detailsForms[send](form, uuid).then(function (message) {
      if (message) {
        common.announce(status, message, 'success');
        if (send !== 'vetnet-toolbox__collect') {
          // The list item's details, or the details the address named: the same server rendering again.
          loadDetails(uuid, form.closest('.vetnet-toolbox__details, .vetnet-toolbox__details-page'));
        }
      }
    });
  });

  /* -- depositing ---------------------------------------------------------- */
  var depositForm = root.querySelector('.vetnet-toolbox__deposit');

  function showErrors(form, errors) {
    var first = null;
    form.querySelectorAll('.vetnet-toolbox__error').forEach(function (span) {
      var name = span.getAttribute('data-field');
      var messages = errors[name];
      span.textContent = messages ? [].concat(messages).join(' ') : '';
      var input = form.querySelector('[name="' + name + '"]');
      if (input) {
        if (messages) {
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

  depositForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = new FormData(depositForm);
    var file = depositForm.querySelector('input[type="file"]');
    if (!file.files.length) {
      body.delete('file');
    }
    if (!depositForm.querySelector('input[name="in_community_library"]')) {
      body.set('in_community_library', '0');
    } else if (!depositForm.querySelector('input[name="in_community_library"]').checked) {
      body.set('in_community_library', '0');
    }
    var button = depositForm.querySelector('button[type="submit"]');
    button.disabled = true;
    common.announce(status, strings.saving, 'info');
    sendForm(url('deposit'), body).then(function (result) {
      button.disabled = false;
      if (!result.ok) {
        showErrors(depositForm, result.data.errors || {});
        return;
      }
      showErrors(depositForm, {});
      depositForm.reset();
      common.announce(status, result.data.resource.status === 'published' ? strings.deposited
        : strings.deposited_pending, 'success');
      state.page = 1;
      showPanel('find');
      search();
    });
  });

  /* POST a multipart form; resolves with {ok, data} and announces errors, as requestJSON does. */
  function sendForm(address, body) {
    return window.fetch(address, {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: {'X-CSRFToken': common.csrfToken(), 'Accept': 'application/json'}
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          common.announce(status, data.error || strings.request_failed, 'error');
        }
        return {ok: response.ok, data: data};
      });
    }, function () {
      common.announce(status, strings.network_error, 'error');
      return {ok: false, data: {errors: {}}};
    });
  }

  /* Collections and moderation live in toolbox_panels.js. */
  var panels = window.VetnetToolboxPanels({
    root: root, common: common, strings: strings, status: status, options: options,
    url: url, enhanceResource: enhanceResource
  });
  var loadCollections = panels.loadCollections;
  var loadQueue = panels.loadQueue;

  // The server rendered the first page (and, for staff, the queue): start on the find panel.
  enhanceResults();
  reveal(root.querySelector('.vetnet-toolbox__panel[data-panel="find"]'));
  showPanel('find');
}
