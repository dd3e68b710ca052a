// Nanopulse explorer: one subject's figure (exact numerator and denominator), its series and its ranking,
// read from the gateway's API with the tab's key. The view lives in the URL's hash (#kind=&key=&metric=&window=&interval=),
// so a link reproduces it. Every number shown is the API's; data-value attributes carry them unrounded.
(function () {
  'use strict';
  var $ = np.$, el = np.el;
  var KINDS = ['GLOBAL', 'COUNTRY', 'INSTITUTION', 'COUNTRY_SECTOR', 'CITY', 'GROUP'];
  var METRICS = np.METRICS;
  var SECTORS = ['SEMICONDUCTORS', 'MATERIALS', 'BIOMEDICINE', 'ENERGY', 'CATALYSIS', 'ENVIRONMENT', 'OTHER'];
  var MAX_SUGGESTIONS = 20, RANKING_LIMIT = 100, MAX_PARAM = 200;
  var candidates = {};   // kind -> Promise([{key, name, also}])
  var chosen = null;     // {kind, key, name}
  var views = np.latest(); // a newer view wins over a slower answer

  // ---- candidates for the search ----------------------------------------------------------------------------
  function ranked(kind) {
    return np.api('/api/v1/rankings?kind=' + kind + '&metric=filings&window=ALL&limit=' + RANKING_LIMIT).then(function (r) {
      return ((r && r.entries) || []).map(function (e) { return { key: e.subject.key, name: e.subject.name || e.subject.key }; });
    });
  }
  function institutions() {
    var all = [];
    function page(n) {
      return np.api('/api/v1/institutions?page=' + n + '&size=500').then(function (p) {
        var items = (p && p.items) || [];
        items.forEach(function (i) {
          all.push({ key: i.id, name: i.displayName || i.id,
            also: [i.id].concat((i.aliases || []).map(function (a) { return String(a.pattern).replace(/\*/g, '').trim(); })) });
        });
        return items.length && (n + 1) * 500 < (p.total || 0) && n < 19 ? page(n + 1) : all;
      });
    }
    return page(0);
  }
  function groups() {
    return np.api('/api/v1/groups?size=200').then(function (p) {
      return ((p && p.items) || []).map(function (g) {
        return { key: g.name, name: g.name, also: g.members || [], note: (g.memberKind || '') + ' ' + (g.members || []).join(', ') };
      });
    });
  }
  function countrySectors() {
    return Promise.all([ranked('COUNTRY_SECTOR'), ranked('COUNTRY')]).then(function (r) {
      var seen = {}, out = [];
      function add(c) { if (!seen[c.key]) { seen[c.key] = true; out.push(c); } }
      r[0].forEach(add);
      r[1].forEach(function (c) { SECTORS.forEach(function (s) { add({ key: c.key + '/' + s, name: c.key + '/' + s }); }); });
      return out;
    });
  }
  function candidatesOf(kind) {
    if (!candidates[kind]) {
      var load = { COUNTRY: function () { return ranked('COUNTRY'); }, CITY: function () { return ranked('CITY'); },
        INSTITUTION: institutions, GROUP: groups, COUNTRY_SECTOR: countrySectors }[kind];
      candidates[kind] = load ? load() : Promise.resolve([]);
      candidates[kind].catch(function () { delete candidates[kind]; });
    }
    return candidates[kind];
  }

  function matches(c, q) {
    if (!q) { return true; }
    return [c.key, c.name].concat(c.also || []).some(function (t) { return String(t).toLowerCase().indexOf(q) >= 0; });
  }
  function matchedAlias(c, q) {
    if (!q) { return null; }
    var hit = (c.also || []).filter(function (t) { return String(t).toLowerCase().indexOf(q) >= 0; })[0];
    return hit && hit !== c.key && hit !== c.name ? hit : null;
  }

  function suggest() {
    var kind = $('kind').value, text = $('search').value.trim(), q = text.toLowerCase();
    var list = $('suggestions');
    if (kind === 'GLOBAL') { list.replaceChildren(); choose({ kind: 'GLOBAL', key: '', name: 'Global' }); return; }
    candidatesOf(kind).then(function (all) {
      if (kind !== $('kind').value || text !== $('search').value.trim()) { return; }
      var hits = all.filter(function (c) { return matches(c, q); }).slice(0, MAX_SUGGESTIONS);
      var items = hits.map(function (c) {
        var li = el('li', { role: 'option', tabindex: '0', 'data-kind': kind, 'data-key': c.key }, c.name === c.key ? c.key : c.name + ' ');
        if (c.name !== c.key) { li.appendChild(el('small', {}, c.key)); }
        var alias = matchedAlias(c, q);
        if (alias) { li.appendChild(el('small', { 'class': 'alias' }, 'alias: ' + alias)); }
        if (c.note) { li.appendChild(el('small', {}, c.note)); }
        li.addEventListener('click', function () { pick({ kind: kind, key: c.key, name: c.name }); });
        li.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { ev.preventDefault(); pick({ kind: kind, key: c.key, name: c.name }); } });
        return li;
      });
      if (text && !hits.some(function (c) { return c.key.toLowerCase() === q; })) {
        var free = el('li', { role: 'option', tabindex: '0', 'class': 'free', 'data-kind': kind, 'data-key': text }, 'use “' + text + '” as the key');
        free.addEventListener('click', function () { pick({ kind: kind, key: text, name: text }); });
        items.push(free);
      }
      if (!text) { items = items.slice(0, 10); }
      list.replaceChildren.apply(list, items);
    }, function (e) { showError(e); });
  }

  function choose(subject) {
    chosen = subject;
    $('subject').textContent = subject ? (subject.name && subject.name !== subject.key ? subject.name + ' (' + subject.key + ')' : subject.key || subject.kind) : 'none chosen';
    $('subject').setAttribute('data-kind', subject ? subject.kind : '');
    $('subject').setAttribute('data-key', subject ? subject.key : '');
  }
  function pick(subject) {
    choose(subject);
    $('suggestions').replaceChildren();
    $('search').value = subject.key;
    submit();
  }

  // ---- the view ------------------------------------------------------------------------------------------
  function currentView() {
    var kind = chosen ? chosen.kind : $('kind').value;
    return { kind: kind, key: kind === 'GLOBAL' ? '' : (chosen ? chosen.key : $('search').value.trim()),
      metric: $('metric').value, window: $('window').value.trim() || 'ALL', interval: $('interval').value };
  }
  function viewHash(v) {
    var p = new URLSearchParams();
    p.set('kind', v.kind);
    if (v.kind !== 'GLOBAL') { p.set('key', v.key); }
    p.set('metric', v.metric);
    p.set('window', v.window);
    p.set('interval', v.interval);
    return '#' + p.toString();
  }
  // Only the five view parameters are read from a link; unknown kinds, metrics and intervals fall back, long texts are cut.
  function viewFromHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    var kind = (p.get('kind') || '').toUpperCase();
    if (KINDS.indexOf(kind) < 0) { return null; }
    var metric = p.get('metric'), text = function (name) { return (p.get(name) || '').trim().substring(0, MAX_PARAM); };
    return { kind: kind, key: kind === 'GLOBAL' ? '' : text('key'),
      metric: np.isMetric(metric) ? metric : 'share', window: text('window') || 'ALL',
      interval: p.get('interval') === 'MONTH' ? 'MONTH' : 'YEAR' };
  }
  function setForm(v) {
    $('kind').value = v.kind;
    $('metric').value = v.metric;
    $('window').value = v.window;
    $('interval').value = v.interval;
    $('search').value = v.key;
    choose({ kind: v.kind, key: v.key, name: v.kind === 'GLOBAL' ? 'Global' : v.key });
  }

  function submit() {
    var v = currentView();
    if (v.kind !== 'GLOBAL' && !v.key) { $('query-error').textContent = 'Choose a subject first (type to search).'; return; }
    var hash = viewHash(v);
    if (location.hash !== hash) { history.replaceState(null, '', location.pathname + hash); }
    show(v);
  }

  function ratioOf(figures, metric) {
    var m = METRICS[metric];
    return m.ratio ? (figures[m.ratio] || null) : null;
  }
  function valueOf(figures, metric) {
    var m = METRICS[metric];
    if (m.ratio) { var r = figures[m.ratio]; return r && r.value !== undefined ? r.value : null; }
    var n = figures[metric];
    return n === undefined ? null : n;
  }
  function attr(v) { return v === null || v === undefined ? '' : String(v); }
  // The API's decimal (e.g. 0.26973684) as a percentage with every digit kept: 26.973684 %.
  function exactPercent(v) {
    var s = String(v);
    if (!/^\d+(\.\d+)?$/.test(s)) { return np.fmt.pct(v); }
    var parts = s.split('.'), frac = (parts[1] || '') + '00';
    var whole = (parts[0] + frac.substring(0, 2)).replace(/^0+(?=\d)/, ''), rest = frac.substring(2).replace(/0+$/, '');
    return whole + (rest ? '.' + rest : '') + ' %';
  }
  function display(v, metric) {
    if (v === null || v === undefined) { return '–'; }
    return METRICS[metric].ratio ? String(v) + ' (' + exactPercent(v) + ')' : String(v);
  }

  function show(v) {
    var generation = views.next();
    $('query-error').textContent = '';
    $('updated').textContent = 'loading…';
    $('updated').className = 'muted';
    var link = location.origin + location.pathname + viewHash(v);
    $('permalink').setAttribute('href', link);
    // The exact API paths are published on #explorer (data-figures-query, data-series-query, data-ranking-query).
    var queries = { figures: '/api/v1/figures?' + np.subjectQuery(v) + '&window=' + encodeURIComponent(v.window),
      series: np.timeseriesPath(v, v.interval, np.seriesStart(v.interval)),
      ranking: v.kind === 'GLOBAL' ? '' : rankingPath(v) };
    var jobs = [
      np.api(queries.figures),
      np.api(queries.series),
      // A ranking that cannot be read leaves the figure and the series standing.
      !queries.ranking ? Promise.resolve(null) : np.api(queries.ranking).catch(function (e) {
        if (e.status === 401) { throw e; }
        return { failed: e };
      })
    ];
    Promise.all(jobs).then(function (r) {
      if (!views.isCurrent(generation)) { return; }
      showFigures(v, r[0]);
      showSeries(v, r[1]);
      showRanking(v, r[2], r[0].subject ? r[0].subject.key : v.key);
      $('updated').textContent = 'as of ' + (r[0].asOf || 'today');
      $('explorer').setAttribute('data-figures-query', queries.figures);
      $('explorer').setAttribute('data-series-query', queries.series);
      $('explorer').setAttribute('data-ranking-query', queries.ranking);
      $('explorer').setAttribute('data-view', viewHash(v).substring(1));
    }, function (e) {
      if (!views.isCurrent(generation)) { return; }
      showError(e);
      $('updated').textContent = '';
    });
  }
  function showError(e) {
    if (e && e.status === 401) { return; }
    $('query-error').textContent = e && e.message ? e.message : String(e);
  }

  function rankingPath(v) {
    var path = '/api/v1/rankings?kind=' + v.kind + '&metric=' + v.metric + '&window=' + encodeURIComponent(v.window) + '&limit=' + RANKING_LIMIT;
    if ((v.kind === 'CITY' || v.kind === 'COUNTRY_SECTOR') && v.key.indexOf('/') > 0) {
      path += '&country=' + encodeURIComponent(v.key.substring(0, v.key.indexOf('/')));
    }
    return path;
  }

  function showFigures(v, f) {
    var subject = f.subject || { kind: v.kind, key: v.key, name: v.key };
    $('subject-name').textContent = (subject.kind === 'GLOBAL' ? 'Global' : (subject.name || subject.key) +
      (subject.name && subject.name !== subject.key ? ' (' + subject.key + ')' : '')) + ' · ' + METRICS[v.metric].label;
    $('subject-name').setAttribute('data-kind', subject.kind || v.kind);
    $('subject-name').setAttribute('data-key', subject.key || '');
    var value = valueOf(f, v.metric), ratio = ratioOf(f, v.metric);
    $('value').textContent = display(value, v.metric);
    $('value').setAttribute('data-value', attr(value));
    $('ratio').hidden = !ratio;
    $('numerator').textContent = ratio ? String(ratio.numerator) : '';
    $('numerator').setAttribute('data-value', ratio ? attr(ratio.numerator) : '');
    $('denominator').textContent = ratio ? String(ratio.denominator) : '';
    $('denominator').setAttribute('data-value', ratio ? attr(ratio.denominator) : '');
    $('ratio-meaning').textContent = ratio ? '(' + METRICS[v.metric].meaning + ')' : '';
    var w = f.window || {};
    $('window-range').textContent = 'window ' + (w.spec || v.window) + (w.from ? ': ' + w.from + ' to ' + w.to : '') + (f.asOf ? ', as of ' + f.asOf : '');
    var rows = [['filings', 'Filings', f.filings], ['grants', 'Grants', f.grants], ['licensed', 'Licensed', f.licensed]];
    var body = $('figures').querySelector('tbody');
    body.replaceChildren();
    rows.forEach(function (r) {
      var tr = el('tr', { 'data-field': r[0] });
      tr.appendChild(el('th', {}, r[1]));
      tr.appendChild(el('td', { 'class': 'num', 'data-value': attr(r[2]) }, np.fmt.int(r[2])));
      body.appendChild(tr);
    });
    [['share', 'Share'], ['licensingRate', 'Licensing rate']].forEach(function (r) {
      var x = f[r[0]];
      var tr = el('tr', { 'data-field': r[0] });
      tr.appendChild(el('th', {}, r[1]));
      tr.appendChild(el('td', { 'class': 'num', 'data-value': x ? attr(x.value) : '', 'data-numerator': x ? attr(x.numerator) : '',
        'data-denominator': x ? attr(x.denominator) : '' }, x ? x.numerator + ' / ' + x.denominator + ' = ' + display(x.value, r[0]) : '–'));
      body.appendChild(tr);
    });
    $('figure-panel').hidden = false;
  }

  function showSeries(v, s) {
    var points = (s && s.points) || [];
    var label = function (p) { return String(p.period).substring(0, v.interval === 'MONTH' ? 7 : 4); };
    var data = points.map(function (p) { var x = np.seriesValue(p, v.metric); x.label = label(p); return x; });
    $('series-title').textContent = METRICS[v.metric].label + ' per ' + (v.interval === 'MONTH' ? 'month' : 'year');
    np.lineChart($('series-chart'), { points: data, format: METRICS[v.metric].format, yLabel: METRICS[v.metric].label,
      ariaLabel: METRICS[v.metric].label + ' of ' + (v.key || 'the world') + ' per ' + v.interval.toLowerCase() });
    var body = $('series').querySelector('tbody');
    body.replaceChildren();
    data.forEach(function (x) {
      var tr = el('tr', { 'data-period': x.label, 'data-value': attr(x.value) });
      tr.appendChild(el('td', {}, x.label));
      tr.appendChild(el('td', { 'class': 'num' }, x.value === null ? 'no data' : display(x.value, v.metric)));
      tr.appendChild(el('td', { 'class': 'num' }, x.n === undefined ? '' : x.n + ' / ' + x.d));
      body.appendChild(tr);
    });
    $('series-panel').hidden = false;
  }

  function showRanking(v, r, key) {
    if (!r) { $('ranking-panel').hidden = true; return; }
    if (r.failed) {
      $('ranking').querySelector('tbody').replaceChildren();
      $('ranking-title').textContent = 'Ranking';
      $('ranking-position').setAttribute('data-position', '');
      $('ranking-position').textContent = 'The ranking could not be read: ' + r.failed.message;
      $('ranking-position').className = 'error';
      $('ranking-panel').hidden = false;
      return;
    }
    $('ranking-position').className = '';
    var entries = r.entries || [];
    var position = null;
    var body = $('ranking').querySelector('tbody');
    body.replaceChildren();
    entries.forEach(function (e, i) {
      var k = e.subject ? e.subject.key : '', value = valueOf(e, v.metric), ratio = ratioOf(e, v.metric);
      var current = k === key;
      if (current) { position = i + 1; }
      var tr = el('tr', { 'data-key': k, 'data-position': String(i + 1), 'data-value': attr(value), 'class': current ? 'current' : null });
      tr.appendChild(el('td', { 'class': 'num' }, String(i + 1)));
      tr.appendChild(el('td', {}, e.subject && e.subject.name && e.subject.name !== k ? e.subject.name + ' (' + k + ')' : k));
      tr.appendChild(el('td', { 'class': 'num' }, display(value, v.metric)));
      tr.appendChild(el('td', { 'class': 'num' }, ratio ? ratio.numerator + ' / ' + ratio.denominator : ''));
      body.appendChild(tr);
    });
    var scope = v.kind + (rankingPath(v).indexOf('&country=') > 0 ? ' in ' + v.key.substring(0, v.key.indexOf('/')) : '');
    $('ranking-title').textContent = 'Ranking: ' + scope + ' by ' + METRICS[v.metric].label + ', window ' + v.window;
    $('ranking-position').setAttribute('data-position', position === null ? '' : String(position));
    $('ranking-position').textContent = position === null
      ? key + ' is not among the ' + entries.length + ' ranked (subjects without filings in the window are left out).'
      : key + ' is #' + position + ' of ' + entries.length + ' ranked.';
    $('ranking-panel').hidden = false;
  }

  // ---- wiring --------------------------------------------------------------------------------------------
  function restore() {
    var v = viewFromHash();
    if (!v) { suggest(); return; }
    setForm(v);
    if (v.kind === 'GLOBAL' || v.key) { show(v); }
  }

  $('kind').addEventListener('change', function () {
    choose(null);
    $('search').value = '';
    suggest();
  });
  $('search').addEventListener('input', function () { choose(null); suggest(); });
  $('search').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      var first = $('suggestions').querySelector('li');
      if (first && !chosen) { ev.preventDefault(); first.click(); }
    }
  });
  $('query-form').addEventListener('submit', function (ev) { ev.preventDefault(); submit(); });
  window.addEventListener('hashchange', function () { if (gate.isConnected()) { restore(); } });

  var gate = np.keyGate({
    onConnect: function () {
      $('explorer').hidden = false;
      candidates = {};
      restore();
    },
    onDisconnect: function () {
      $('explorer').hidden = true;
      $('updated').textContent = 'not connected';
    }
  });
}());
