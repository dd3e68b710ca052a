// Shared by the gateway's pages: window.np with DOM helpers, the API client and the key gate.
// The API key lives in this tab's sessionStorage only (never a cookie, so no CSRF); one key serves every page.
(function () {
  'use strict';
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var gate = null;

  function $(id) { return document.getElementById(id); }

  function build(e, attrs, text) {
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined) { e.setAttribute(k, attrs[k]); }
    });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function el(tag, attrs, text) { return build(document.createElement(tag), attrs, text); }
  function svg(tag, attrs, text) { return build(document.createElementNS(SVG_NS, tag), attrs, text); }

  function blank(v) { return v === null || v === undefined || (typeof v === 'number' && isNaN(v)); }
  var fmt = {
    // A ratio as a percentage, 2 decimals (for reading, never for comparing: data-value keeps the API's figure).
    pct: function (v) { return blank(v) ? '–' : (Number(v) * 100).toFixed(2) + ' %'; },
    num: function (v) { return blank(v) ? '–' : String(Math.round(Number(v) * 10) / 10); },
    int: function (v) { return blank(v) ? '–' : String(v); }
  };

  // A problem's message: its detail, then each refused field.
  function problemMessage(problem, status) {
    var text = (problem && (problem.detail || problem.title)) || ('HTTP ' + status);
    var errors = (problem && Array.isArray(problem.errors)) ? problem.errors : [];
    errors.forEach(function (e) {
      var part = (e.field ? e.field + ': ' : '') + (e.reason || '');
      if (part && text.indexOf(part) < 0) { text += '; ' + part; }
    });
    return text;
  }

  // Calls the gateway's JSON API with the tab's key. Resolves to the parsed body (null when empty); rejects with an
  // Error carrying .status and .problem. A 401 also sends the page back to the key form.
  function api(path, options) {
    var o = options || {};
    var headers = { 'Authorization': 'Bearer ' + (sessionStorage.getItem(np.KEY) || ''), 'Accept': 'application/json' };
    var init = { method: o.method || 'GET', headers: headers };
    if (o.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    }
    return fetch(path, init).then(function (r) {
      return r.text().then(function (text) {
        var body = null;
        if (text) { try { body = JSON.parse(text); } catch (ignored) { body = null; } }
        if (!r.ok) {
          var err = new Error(problemMessage(body, r.status));
          err.status = r.status;
          err.problem = body;
          if (r.status === 401 && gate) { gate.disconnect('The key was refused: ' + err.message); }
          throw err;
        }
        return body;
      });
    });
  }

  // Wires #key-form (#key), #login, #login-error, #forget and #updated (the header's status; the page fills it while
  // connected). onConnect runs once a key is in the tab
  // (at once when one already is); onDisconnect(message) when it is forgotten or refused.
  function keyGate(handlers) {
    var h = handlers || {};
    var connected = false;
    function connect() {
      connected = true;
      $('login').hidden = true;
      $('login-error').textContent = '';
      if ($('forget')) { $('forget').hidden = false; }
      if ($('updated')) { $('updated').textContent = ''; }
      if (h.onConnect) { h.onConnect(); }
    }
    function disconnect(message) {
      var was = connected;
      connected = false;
      sessionStorage.removeItem(np.KEY);
      if ($('forget')) { $('forget').hidden = true; }
      if ($('updated')) { $('updated').textContent = 'not connected'; }
      $('login').hidden = false;
      $('login-error').textContent = message || '';
      if (was && h.onDisconnect) { h.onDisconnect(message || ''); }
    }
    $('key-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      var key = $('key').value.trim();
      $('key').value = '';
      if (!key) { return; }
      sessionStorage.setItem(np.KEY, key);
      connect();
    });
    if ($('forget')) { $('forget').addEventListener('click', function () { disconnect(''); }); }
    gate = { disconnect: disconnect, isConnected: function () { return connected; } };
    // After the caller holds the gate: onConnect may use it.
    if (sessionStorage.getItem(np.KEY)) { setTimeout(connect, 0); }
    return gate;
  }

  // The metrics a page can show; `ratio` names the API's Ratio field (value, numerator, denominator) for fractions.
  var METRICS = Object.freeze({
    filings: { label: 'filings', ratio: null, format: 'int' },
    grants: { label: 'grants', ratio: null, format: 'int' },
    share: { label: 'share of filings', ratio: 'share', format: 'pct', meaning: 'filings of the subject / all filings' },
    licensingRate: { label: 'licensing rate', ratio: 'licensingRate', format: 'pct', meaning: 'licensed / filings' }
  });
  function isMetric(m) { return typeof m === 'string' && Object.prototype.hasOwnProperty.call(METRICS, m); }

  // A time series point's value for a metric, as the API gives it: {value, n, d} (n/d for fractions). A period without
  // any filing at all (globalFilings 0) has no data: value null (a gap, never a 0).
  function seriesValue(p, metric) {
    if (!p || (p.globalFilings !== undefined && !p.globalFilings)) { return { value: null }; }
    var m = METRICS[metric];
    if (m && m.ratio) {
      var r = p[m.ratio];
      return r ? { value: blank(r.value) ? null : r.value, n: r.numerator, d: r.denominator } : { value: null };
    }
    return { value: blank(p[metric]) ? null : p[metric] };
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  // A date as YYYY-MM-DD in UTC.
  function isoDate(d) { return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()); }
  // The first day of the month n months before this one (UTC).
  function monthsBack(n) { var now = new Date(); return isoDate(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1))); }
  // The first period of a series of `count` periods ending with the current one (default 25 years / 36 months).
  function seriesStart(interval, count) {
    if (interval === 'MONTH') { return monthsBack((count || 36) - 1); }
    return (new Date().getUTCFullYear() - ((count || 25) - 1)) + '-01-01';
  }
  function subjectQuery(s) {
    return 'kind=' + encodeURIComponent(s.kind) + (s.kind === 'GLOBAL' ? '' : '&key=' + encodeURIComponent(s.key));
  }
  function timeseriesPath(subject, interval, from, to) {
    return '/api/v1/timeseries?' + subjectQuery(subject) + '&interval=' + encodeURIComponent(interval) +
      (from ? '&from=' + encodeURIComponent(from) : '') + (to ? '&to=' + encodeURIComponent(to) : '');
  }
  // A generation guard: only the answer to the newest request is drawn.
  function latest() {
    var current = 0;
    return { next: function () { return ++current; }, isCurrent: function (n) { return n === current; } };
  }

  // Calls fn now and again `ms` after each call settles (never two at once); skips while the tab is hidden; stops for good
  // when fn rejects with a 401 or 403. Returns {stop()}.
  function poll(fn, ms) {
    var stopped = false, timer = null;
    function tick() {
      timer = null;
      if (stopped) { return; }
      if (document.hidden) { timer = setTimeout(tick, ms); return; }
      Promise.resolve().then(fn).then(again, function (e) {
        if (e && (e.status === 401 || e.status === 403)) { stopped = true; return; }
        again();
      });
    }
    function again() { if (!stopped) { timer = setTimeout(tick, ms); } }
    tick();
    return { stop: function () { stopped = true; if (timer) { clearTimeout(timer); timer = null; } } };
  }

  var np = window.np || {};
  np.KEY = 'nanopulse.apiKey';
  np.$ = $;
  np.el = el;
  np.svg = svg;
  np.api = api;
  np.keyGate = keyGate;
  np.fmt = fmt;
  np.problemMessage = problemMessage;
  np.METRICS = METRICS;
  np.isMetric = isMetric;
  np.seriesValue = seriesValue;
  np.isoDate = isoDate;
  np.monthsBack = monthsBack;
  np.seriesStart = seriesStart;
  np.subjectQuery = subjectQuery;
  np.timeseriesPath = timeseriesPath;
  np.latest = latest;
  np.poll = poll;
  window.np = np;
}());
