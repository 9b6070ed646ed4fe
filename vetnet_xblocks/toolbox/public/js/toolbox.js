/* The toolbox block in the learner's page: find, share, review, adopt,
 * collect and moderate resources through the block's handlers.
 * The server renders the library's page and the moderation queue (ADR 0007);
 * this script makes them live: a search, a filter or a page link asks the
 * library_html handler for the same templates again, without a reload.
 * Text from members is only ever put into the page with textContent, or as
 * HTML the server rendered (autoescaped templates, sanitised description_html). */
function VetnetToolbox(runtime, element, args) {
  'use strict';

  var common = window.VetnetCommon;
  var root = common.rootElement(element);
  var strings = args.strings || {};
  var labels = args.labels || {};
  var status = root.querySelector('.vetnet-toolbox__status');
  var searchForm = root.querySelector('.vetnet-toolbox__search');
  if (!searchForm) {
    return; // not a member: nothing to drive
  }
  var library = root.querySelector('.vetnet-toolbox__library');
  var results = library.querySelector('.vetnet-toolbox__results');
  var summary = library.querySelector('.vetnet-toolbox__summary');
  var pages = library.querySelector('.vetnet-toolbox__pages');
  var state = {page: 1, collections: []};
  var options = {status: status, strings: strings};

  function url(handler, query) {
    var base = runtime.handlerUrl(root, handler);
    if (!query) {
      return base;
    }
    var params = new URLSearchParams(query).toString();
    return base + (base.indexOf('?') === -1 ? '?' : '&') + params;
  }

  function format(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (match, key) {
      return values[key] !== undefined ? values[key] : match;
    });
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

  /* A count in a sentence, in the plural form the language gives that number. */
  function counted(name, count, values) {
    var params = {count: count};
    Object.keys(values || {}).forEach(function (key) { params[key] = values[key]; });
    return format(common.plural(strings[name], count), params);
  }

  function label(vocabulary, code) {
    return (labels[vocabulary] || {})[code] || code;
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

  function metaLine(resource) {
    var parts = [label('resource_types', resource.resource_type)];
    if (resource.country) {
      parts.push(label('countries', resource.country));
    }
    if (resource.eqf_levels.length) {
      parts.push(resource.eqf_levels.map(function (level) { return label('eqf_levels', level); }).join(', '));
    }
    if (resource.sectors.length) {
      parts.push(resource.sectors.map(function (code) { return label('sectors', code); }).join(', '));
    }
    if (resource.languages.length) {
      parts.push(resource.languages.map(function (code) { return label('languages', code); }).join(', '));
    }
    parts.push(strings.licence + ': ' + label('licences', resource.licence));
    return parts.join(' · ');
  }

  function accessLink(resource) {
    var version = resource.current_version;
    if (!version) {
      return null;
    }
    if (version.is_link) {
      return el('a', {href: version.link_url, rel: 'nofollow ugc noopener', target: '_blank',
        class: 'vetnet-toolbox__open'}, strings.open_link);
    }
    if (version.downloadable) {
      var link = el('a', {href: url('download', {resource: resource.uuid}), class: 'vetnet-toolbox__download',
        download: ''}, strings.download + ' (' + version.filename + ')');
      return link;
    }
    return el('span', {class: 'vetnet-toolbox__pending'},
      version.scan_status === 'pending' ? strings.being_checked : strings.blocked);
  }

  function statsLine(resource) {
    return [
      resource.rating_count ? counted('rating', resource.rating_count, {average: resource.rating_average})
        : strings.no_ratings,
      counted('adoptions', resource.adoption_count),
      counted('downloads', resource.download_count),
      format(strings.by, {name: resource.author_name})
    ].join(' · ');
  }

  /* What a review, an adoption or a download changed, shown at once wherever the resource is listed. */
  function refreshCounts(resource) {
    root.querySelectorAll('.vetnet-toolbox__resource[data-uuid="' + resource.uuid + '"]').forEach(function (item) {
      var stats = item.querySelector('.vetnet-toolbox__stats');
      if (stats) {
        stats.textContent = statsLine(resource);
      }
    });
  }

  function renderResource(resource) {
    var item = el('li', {class: 'vetnet-toolbox__resource', 'data-uuid': resource.uuid});
    var heading = el('h5', {class: 'vetnet-toolbox__resource-title'}, resource.title);
    item.appendChild(heading);
    if (resource.status !== 'published') {
      var badge = el('p', {class: 'vetnet-toolbox__badge'}, strings['status_' + resource.status] || resource.status);
      if (resource.moderation_reason) {
        badge.appendChild(el('span', {}, ' — ' + format(strings.reason, {reason: resource.moderation_reason})));
      }
      item.appendChild(badge);
    }
    item.appendChild(el('p', {class: 'vetnet-toolbox__meta'}, metaLine(resource)));
    item.appendChild(el('p', {class: 'vetnet-toolbox__stats'}, statsLine(resource)));
    if (resource.tags.length) {
      item.appendChild(el('p', {class: 'vetnet-toolbox__tags'}, '#' + resource.tags.join(' #')));
    }
    var actions = el('p', {class: 'vetnet-toolbox__actions'});
    var access = accessLink(resource);
    if (access) {
      actions.appendChild(access);
      if (access.classList.contains('vetnet-toolbox__download')) {
        access.addEventListener('click', function () {
          // The download is counted on the server once the file is handed out.
          window.setTimeout(function () { refreshResource(resource.uuid); }, 1000);
        });
      }
    }
    var toggle = el('button', {type: 'button', class: 'vetnet-button', 'aria-expanded': 'false'}, strings.details);
    actions.appendChild(toggle);
    item.appendChild(actions);
    var details = el('div', {class: 'vetnet-toolbox__details'});
    details.hidden = true;
    item.appendChild(details);
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') === 'true';
      toggle.setAttribute('aria-expanded', open ? 'false' : 'true');
      toggle.textContent = open ? strings.details : strings.hide_details;
      details.hidden = open;
      if (!open) {
        loadDetails(resource.uuid, details);
      }
    });
    return item;
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

  /* -- details: reviews, adoption, collections ----------------------------- */
  function stars(name, idPrefix, current) {
    var fieldset = el('fieldset', {class: 'vetnet-toolbox__stars'});
    fieldset.appendChild(el('legend', {}, strings.rate));
    for (var value = 1; value <= 5; value += 1) {
      var id = idPrefix + '-star-' + value;
      var input = el('input', {type: 'radio', name: name, value: String(value), id: id});
      if (current === value) {
        input.checked = true;
      }
      fieldset.appendChild(input);
      fieldset.appendChild(el('label', {for: id}, value + '★'));
    }
    return fieldset;
  }

  function field(container, labelText, control) {
    var wrapper = el('div', {class: 'vetnet-toolbox__field'});
    var id = control.id;
    wrapper.appendChild(el('label', {for: id}, labelText));
    wrapper.appendChild(control);
    container.appendChild(wrapper);
    return control;
  }

  function refreshResource(uuid) {
    return common.getJSON(url('resource', {resource: uuid}), options).then(function (result) {
      if (result.ok) {
        refreshCounts(result.data.resource);
      }
    });
  }

  function loadDetails(uuid, container) {
    container.textContent = '';
    common.getJSON(url('resource', {resource: uuid}), options).then(function (result) {
      if (!result.ok) {
        return;
      }
      var data = result.data;
      var resource = data.resource;
      refreshCounts(resource);
      var prefix = root.getAttribute('data-dom-id') + '-' + uuid.slice(0, 8);
      var description = el('div', {class: 'vetnet-toolbox__description'});
      description.innerHTML = resource.description_html; // sanitised by the server (allowlist)
      container.appendChild(description);
      if (resource.versions.length > 1) {
        var history = el('ul', {class: 'vetnet-toolbox__versions'});
        resource.versions.forEach(function (version) {
          history.appendChild(el('li', {}, format(strings.version, {number: version.number}) +
            (version.change_note ? ' — ' + version.change_note : '')));
        });
        container.appendChild(history);
      }

      // Reviews
      container.appendChild(el('h6', {}, strings.reviews));
      var list = el('ul', {class: 'vetnet-toolbox__reviews'});
      data.reviews.forEach(function (review) {
        var item = el('li', {}, review.rating + '★ ' + review.author_name + ': ');
        var text = el('span');
        text.innerHTML = review.text_html; // sanitised by the server
        item.appendChild(text);
        list.appendChild(item);
      });
      if (!data.reviews.length) {
        list.appendChild(el('li', {}, strings.no_reviews));
      }
      container.appendChild(list);
      if (!resource.is_own && resource.status === 'published') {
        var reviewForm = el('form', {class: 'vetnet-toolbox__review'});
        var own = data.own_review;
        reviewForm.appendChild(stars('rating', prefix, own ? own.rating : null));
        var textarea = field(reviewForm, strings.review_text, el('textarea', {id: prefix + '-review', rows: '3',
          maxlength: '5000'}));
        textarea.value = own ? own.text : '';
        reviewForm.appendChild(el('button', {type: 'submit', class: 'vetnet-button'}, strings.save_review));
        reviewForm.addEventListener('submit', function (event) {
          event.preventDefault();
          var checked = reviewForm.querySelector('input[name="rating"]:checked');
          common.postJSON(url('review'), {resource: uuid, rating: checked ? checked.value : null,
            text: textarea.value}, options).then(function (saved) {
            if (saved.ok) {
              common.announce(status, strings.reviewed, 'success');
              loadDetails(uuid, container);
            }
          });
        });
        container.appendChild(reviewForm);

        // Adoption
        var adoptions = data.adoptions;
        var adoptForm = el('form', {class: 'vetnet-toolbox__adopt'});
        if (!adoptions.own) {
          adoptForm.appendChild(el('button', {type: 'submit', class: 'vetnet-button'}, strings.adopt));
        } else {
          var select = el('select', {id: prefix + '-outcome'});
          Object.keys(strings.outcomes).forEach(function (code) {
            var option = el('option', {value: code}, strings.outcomes[code]);
            option.selected = adoptions.own.outcome === code;
            select.appendChild(option);
          });
          field(adoptForm, strings.outcome, select);
          var report = field(adoptForm, strings.outcome_report, el('textarea', {id: prefix + '-report', rows: '2',
            maxlength: '5000'}));
          report.value = adoptions.own.outcome_report || '';
          adoptForm.appendChild(el('button', {type: 'submit', class: 'vetnet-button'}, strings.report));
        }
        adoptForm.addEventListener('submit', function (event) {
          event.preventDefault();
          var payload = {resource: uuid};
          var outcome = adoptForm.querySelector('select');
          if (outcome) {
            payload.outcome = outcome.value;
            payload.outcome_report = adoptForm.querySelector('textarea').value;
          }
          common.postJSON(url('adopt'), payload, options).then(function (saved) {
            if (saved.ok) {
              common.announce(status, outcome ? strings.outcome_saved : strings.adopted, 'success');
              loadDetails(uuid, container);
            }
          });
        });
        container.appendChild(adoptForm);
      }
      container.appendChild(el('p', {class: 'vetnet-toolbox__stats'},
        counted('adoptions', data.adoptions.count)));
      data.adoptions.reports.forEach(function (adoption) {
        container.appendChild(el('p', {class: 'vetnet-toolbox__report'},
          (strings.outcomes[adoption.outcome] || '') + ' — ' + adoption.member_name + ': ' + adoption.outcome_report));
      });
      if (resource.is_own) {
        container.appendChild(versionForm(uuid, prefix, container));
      }
      addCollectionPicker(container, uuid, prefix);
    });
  }

  /* A new version of one's own resource: the history stays, others see the latest. */
  function versionForm(uuid, prefix, container) {
    var form = el('form', {class: 'vetnet-toolbox__version', enctype: 'multipart/form-data'});
    form.appendChild(el('h6', {}, strings.new_version));
    field(form, strings.version_file, el('input', {type: 'file', name: 'file', id: prefix + '-vfile'}));
    field(form, strings.version_link, el('input', {type: 'url', name: 'link_url', id: prefix + '-vlink',
      maxlength: '1000'}));
    field(form, strings.change_note, el('input', {name: 'change_note', id: prefix + '-vnote', maxlength: '500'}));
    form.appendChild(el('button', {type: 'submit', class: 'vetnet-button'}, strings.upload_version));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = new FormData(form);
      body.set('resource', uuid);
      if (!form.querySelector('input[type="file"]').files.length) {
        body.delete('file');
      }
      sendForm(url('new_version'), body).then(function (result) {
        if (result.ok) {
          common.announce(status, strings.version_saved, 'success');
          loadDetails(uuid, container);
        }
      });
    });
    return form;
  }

  function addCollectionPicker(container, uuid, prefix) {
    common.getJSON(url('collections', {mine: '1'}), options).then(function (result) {
      if (!result.ok || !result.data.collections.length) {
        return;
      }
      var form = el('form', {class: 'vetnet-toolbox__collect'});
      var select = el('select', {id: prefix + '-collection'});
      result.data.collections.forEach(function (collection) {
        select.appendChild(el('option', {value: collection.uuid}, collection.title));
      });
      field(form, strings.add_to, select);
      form.appendChild(el('button', {type: 'submit', class: 'vetnet-button'}, strings.add));
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        common.postJSON(url('collect'), {collection: select.value, resource: uuid}, options).then(function (saved) {
          if (saved.ok) {
            common.announce(status, strings.added_to_collection, 'success');
          }
        });
      });
      container.appendChild(form);
    });
  }

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
    url: url, el: el, field: field, renderResource: renderResource, counted: counted,
    visibilities: args.visibilities || {}
  });
  var loadCollections = panels.loadCollections;
  var loadQueue = panels.loadQueue;

  // The server rendered the first page (and, for staff, the queue): start on the find panel.
  enhanceResults();
  showPanel('find');
}
