// Nanopulse operator dashboard: polls the gateway's JSON API with a read key kept in sessionStorage.
// No external scripts: charts are inline SVG built here.
(function () {
  'use strict';
  var KEY = 'nanopulse.apiKey';
  var REFRESH_MS = 3000;
  var timer = null;
  var SVG = 'http://www.w3.org/2000/svg';

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function pct(v) { return v === null || v === undefined ? '–' : (v * 100).toFixed(2) + ' %'; }
  function num(v) { return v === null || v === undefined ? '–' : String(Math.round(v * 10) / 10); }

  function api(path) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + sessionStorage.getItem(KEY), 'Accept': 'application/json' } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) { var err = new Error(body.detail || ('HTTP ' + r.status)); err.status = r.status; throw err; }
          return body;
        });
      });
  }

  function showServices(status) {
    var box = $('services');
    box.replaceChildren();
    Object.keys(status.services || {}).forEach(function (name) {
      var s = status.services[name];
      var tile = el('div', { 'class': 'tile ' + s.status, 'data-service': name });
      tile.appendChild(el('strong', {}, name));
      tile.appendChild(el('small', {}, s.status + ' · breaker ' + s.breaker));
      box.appendChild(tile);
    });
  }

  function showPipeline(status) {
    var rows = [
      ['Events in /s', num(status.throughput && status.throughput.eventsInPerSecond)],
      ['Events applied /s', num(status.throughput && status.throughput.eventsOutPerSecond)],
      ['DLQ size', status.dlqSize === null || status.dlqSize === undefined ? '–' : String(status.dlqSize)],
      ['Webhook failure rate', status.webhooks ? pct(status.webhooks.failureRate) : '–'],
      ['Last processed event', status.lastProcessedEventAt || '–']
    ];
    var body = $('pipeline').querySelector('tbody');
    body.replaceChildren();
    rows.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('th', {}, r[0]));
      tr.appendChild(el('td', {}, r[1]));
      body.appendChild(tr);
    });
    var lag = $('lag').querySelector('tbody');
    lag.replaceChildren();
    (status.consumerGroups || []).forEach(function (g) {
      var tr = el('tr', { 'data-group': g.group });
      tr.appendChild(el('td', {}, g.group));
      tr.appendChild(el('td', {}, String(g.lag)));
      lag.appendChild(tr);
    });
    if (!status.consumerGroups) {
      var tr = el('tr');
      tr.appendChild(el('td', { colspan: '2', 'class': 'empty' }, 'Kafka not reachable'));
      lag.appendChild(tr);
    }
  }

  function barChart(target, entries) {
    var w = 520, rowH = 24, h = Math.max(1, entries.length) * rowH + 10, left = 50;
    var max = entries.reduce(function (m, e) { return Math.max(m, e.value || 0); }, 0) || 1;
    var root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': 'top countries by share' });
    entries.forEach(function (e, i) {
      var y = 5 + i * rowH;
      var bw = ((e.value || 0) / max) * (w - left - 90);
      root.appendChild(svg('text', { x: 0, y: y + 16, 'class': 'label' }, e.label));
      var bar = svg('rect', { x: left, y: y + 3, width: Math.max(1, bw), height: rowH - 8, 'class': 'bar', 'data-key': e.label });
      root.appendChild(bar);
      root.appendChild(svg('text', { x: left + bw + 6, y: y + 16, 'class': 'label' }, pct(e.value)));
    });
    target.replaceChildren(root);
  }

  function lineChart(target, points) {
    var w = 520, h = 200, pad = 30;
    var root = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': 'CN share over time' });
    root.appendChild(svg('line', { x1: pad, y1: h - pad, x2: w - 5, y2: h - pad, 'class': 'axis' }));
    root.appendChild(svg('line', { x1: pad, y1: 5, x2: pad, y2: h - pad, 'class': 'axis' }));
    var max = points.reduce(function (m, p) { return Math.max(m, p.value || 0); }, 0) || 1;
    var step = points.length > 1 ? (w - pad - 10) / (points.length - 1) : 0;
    // A period without data (null: no filings at all) is a gap: the line stops and starts again after it.
    var d = [], gaps = 0, drawing = false;
    points.forEach(function (p, i) {
      if (p.value === null || p.value === undefined) { gaps++; drawing = false; return; }
      var x = pad + i * step, y = (h - pad) - (p.value / max) * (h - pad - 10);
      d.push((drawing ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1));
      drawing = true;
    });
    root.appendChild(svg('path', { d: d.join(' '), 'class': 'line', 'data-points': String(points.length), 'data-gaps': String(gaps) }));
    if (points.length) {
      root.appendChild(svg('text', { x: pad, y: h - 8, 'class': 'label' }, points[0].label));
      root.appendChild(svg('text', { x: w - 40, y: h - 8, 'class': 'label' }, points[points.length - 1].label));
      root.appendChild(svg('text', { x: 0, y: 14, 'class': 'label' }, pct(max)));
    }
    target.replaceChildren(root);
  }

  function showAlerts(result) {
    var box = $('alerts');
    box.replaceChildren();
    if (result.forbidden) {
      box.appendChild(el('p', { 'class': 'empty' }, 'Alerts need a key with the alerts role; this key can only read figures.'));
      return;
    }
    var rules = (result.items || []).filter(function (r) { return r.state && r.state !== 'OK'; });
    if (!rules.length) {
      box.appendChild(el('p', { 'class': 'empty' }, 'No rule of this key is pending or firing.'));
      return;
    }
    var table = el('table');
    rules.forEach(function (r) {
      var tr = el('tr');
      tr.appendChild(el('td', {}, r.state));
      tr.appendChild(el('td', {}, r.name));
      tr.appendChild(el('td', {}, r.stateSince || ''));
      table.appendChild(tr);
    });
    box.appendChild(table);
  }

  function refresh() {
    var thisYear = new Date().getUTCFullYear();
    return Promise.all([
      api('/api/v1/status').then(function (s) { showServices(s); showPipeline(s); }),
      api('/api/v1/rankings?kind=COUNTRY&metric=share&window=ALL&limit=10').then(function (r) {
        barChart($('shares-chart'), (r.entries || []).map(function (e) {
          return { label: e.subject.key, value: e.share ? e.share.value : 0 };
        }));
      }),
      api('/api/v1/timeseries?kind=COUNTRY&key=CN&interval=YEAR&from=' + (thisYear - 24) + '-01-01&to=' + thisYear + '-12-31').then(function (t) {
        lineChart($('cn-chart'), (t.points || []).map(function (p) {
          return { label: String(p.period).substring(0, 4), value: p.share ? p.share.value : null };
        }));
      }),
      api('/api/v1/rules?size=50').then(showAlerts, function (e) {
        if (e.status === 403) { showAlerts({ forbidden: true }); } else { throw e; }
      })
    ]).then(function () {
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      $('updated').className = 'muted';
    }, function (e) {
      if (e.status === 401) { disconnect('The key was refused: ' + e.message); return; }
      $('updated').textContent = 'refresh failed: ' + e.message;
      $('updated').className = 'error';
    });
  }

  function connect() {
    $('login').hidden = true;
    $('board').hidden = false;
    $('forget').hidden = false;
    refresh();
    timer = setInterval(refresh, REFRESH_MS);
  }

  function disconnect(message) {
    sessionStorage.removeItem(KEY);
    if (timer) { clearInterval(timer); timer = null; }
    $('board').hidden = true;
    $('forget').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  $('key-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    sessionStorage.setItem(KEY, $('key').value.trim());
    $('key').value = '';
    connect();
  });
  $('forget').addEventListener('click', function () { disconnect(''); });
  if (sessionStorage.getItem(KEY)) { connect(); }
}());
