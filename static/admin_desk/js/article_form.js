/* The article form of the editors' desk: a slug proposed as the title is
 * typed, and tag suggestions to accept or reject one by one.
 * No inline scripts (the Content-Security-Policy forbids them); no build step. */
'use strict';
(function () {
  // The same rules as articles/text/slugs.py slugify_vi: đ/Đ -> d, marks
  // stripped, anything else than a-z0-9 becomes "-", cut at a word boundary.
  var MAX_SLUG_LENGTH = 200;

  function slugifyVi(text) {
    var slug = (text || '').normalize('NFC').replace(/đ/g, 'd').replace(/Đ/g, 'D')
      .normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
      .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    if (slug.length > MAX_SLUG_LENGTH) {
      var cut = slug.slice(0, MAX_SLUG_LENGTH);
      var boundary = cut.lastIndexOf('-');
      slug = boundary > 0 ? cut.slice(0, boundary) : cut;
    }
    return slug;
  }
  window.deskSlugifyVi = slugifyVi;

  function setUpSlug() {
    var title = document.getElementById('id_title');
    var slug = document.getElementById('id_slug');
    if (!title || !slug) { return; }
    // Propose while the slug is empty or still the proposal; once the editor
    // types their own, leave it alone (an existing article keeps its address).
    var proposed = slug.value === '' ? '' : null;
    if (slug.value !== '' && slug.value === slugifyVi(title.value)) { proposed = slug.value; }
    title.addEventListener('input', function () {
      if (proposed === null || slug.value !== proposed) { return; }
      proposed = slugifyVi(title.value);
      slug.value = proposed;
    });
    slug.addEventListener('input', function () { proposed = slug.value === '' ? '' : null; });
  }

  function csrfToken(form) {
    var input = form.querySelector('input[name=csrfmiddlewaretoken]');
    return input ? input.value : '';
  }

  function fieldValue(name) {
    var element = document.getElementById('id_' + name);
    return element ? element.value : '';
  }

  function addToAutocomplete(fieldName, item) {
    var select = document.getElementById('id_' + fieldName);
    if (!select || item.id === null) { return false; }
    var value = String(item.id);
    var existing = Array.prototype.find.call(select.options, function (o) { return o.value === value; });
    if (existing) {
      existing.selected = true;
    } else {
      select.appendChild(new Option(item.label, value, true, true));
    }
    if (window.django && window.django.jQuery) { window.django.jQuery(select).trigger('change'); }
    return true;
  }

  function addQuoteRow(quote) {
    var total = document.getElementById('id_quotes-TOTAL_FORMS');
    var addLink = document.querySelector('#quotes-group .add-row a');
    if (!total || !addLink) { return false; }
    var index = parseInt(total.value, 10);
    addLink.click();
    var prefix = 'id_quotes-' + index + '-';
    var set = function (name, value) {
      var element = document.getElementById(prefix + name);
      if (element) { element.value = value; }
    };
    set('text', quote.text);
    set('kind', quote.kind);
    set('speaker_title', quote.speaker_title);
    set('position', quote.position);
    if (quote.speaker && quote.speaker.id !== null) { addToAutocomplete('quotes-' + index + '-speaker', quote.speaker); }
    return true;
  }

  function render(results, data) {
    var labels = results.dataset;
    results.textContent = '';
    var groups = [['provinces', 'provinces'], ['organisations', 'organisations'], ['people', 'people'], ['quotes', null]];
    var count = 0;
    groups.forEach(function (group) {
      var items = data[group[0]] || [];
      if (!items.length) { return; }
      var heading = document.createElement('h3');
      heading.textContent = labels[group[0]];
      results.appendChild(heading);
      var list = document.createElement('ul');
      list.className = 'desk-suggestions';
      list.dataset.kind = group[0];
      items.forEach(function (item) {
        count += 1;
        var row = document.createElement('li');
        var text = document.createElement('span');
        if (group[1]) {
          text.textContent = item.label + (item.id === null ? ' (' + labels.unknown + ')' : '');
        } else {
          text.textContent = '“' + item.text + '”' + (item.speaker ? ' — ' + item.speaker.label : '') +
            (item.speaker_title ? ', ' + item.speaker_title : '');
        }
        row.appendChild(text);
        var accept = document.createElement('button');
        accept.type = 'button';
        accept.className = 'button desk-accept';
        accept.textContent = labels.accept;
        accept.disabled = group[1] !== null && item.id === null;
        var reject = document.createElement('button');
        reject.type = 'button';
        reject.className = 'button desk-reject';
        reject.textContent = labels.reject;
        accept.addEventListener('click', function () {
          var done = group[1] ? addToAutocomplete(group[1], item) : addQuoteRow(item);
          if (done) { row.classList.add('accepted'); accept.disabled = reject.disabled = true; }
        });
        reject.addEventListener('click', function () { row.remove(); });
        row.appendChild(accept);
        row.appendChild(reject);
        list.appendChild(row);
      });
      results.appendChild(list);
    });
    if (!count) { results.textContent = labels.none; }
  }

  function setUpSuggestions() {
    var panel = document.getElementById('desk-suggest');
    var button = document.getElementById('desk-suggest-button');
    var results = document.getElementById('desk-suggest-results');
    if (!panel || !button || !results) { return; }
    button.addEventListener('click', function () {
      var form = panel.closest('form');
      var body = new FormData();
      ['title', 'lead', 'body'].forEach(function (name) { body.append(name, fieldValue(name)); });
      body.append('article', panel.dataset.article || '');
      button.disabled = true;
      fetch(panel.dataset.url, {
        method: 'POST', body: body, credentials: 'same-origin',
        headers: {'X-CSRFToken': csrfToken(form), 'Accept': 'application/json'}
      }).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (data) { render(results, data); })
        .catch(function () { results.textContent = results.dataset.error; })
        .finally(function () { button.disabled = false; });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpSlug();
    setUpSuggestions();
  });
})();
