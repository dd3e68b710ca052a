// Nanopulse operator dashboard: polls the gateway's JSON API with a read key kept in sessionStorage.
// Helpers, API client, key gate and charts: /pages/common.js and /pages/chart.js.
(function () {
  'use strict';
  var REFRESH_MS = 3000;
  var timer = null;
  var $ = np.$, el = np.el, api = np.api, pct = np.fmt.pct, num = np.fmt.num;

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
        np.barChart($('shares-chart'), (r.entries || []).map(function (e) {
          return { label: e.subject.key, value: e.share ? e.share.value : 0 };
        }), { format: 'pct', ariaLabel: 'top countries by share' });
      }),
      api(np.timeseriesPath({ kind: 'COUNTRY', key: 'CN' }, 'YEAR', np.seriesStart('YEAR'), thisYear + '-12-31')).then(function (t) {
        np.lineChart($('cn-chart'), {
          points: (t.points || []).map(function (p) {
            return { label: String(p.period).substring(0, 4), value: np.seriesValue(p, 'share').value };
          }),
          format: 'pct', ariaLabel: 'CN share over time'
        });
      }),
      api('/api/v1/rules?size=50').then(showAlerts, function (e) {
        if (e.status === 403) { showAlerts({ forbidden: true }); } else { throw e; }
      })
    ]).then(function () {
      $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
      $('updated').className = 'muted';
    }, function (e) {
      if (e.status === 401) { return; }
      $('updated').textContent = 'refresh failed: ' + e.message;
      $('updated').className = 'error';
    });
  }

  // A refused key (401 from any call) brings the operator back to the form (common.js).
  np.keyGate({
    onConnect: function () {
      $('board').hidden = false;
      timer = np.poll(refresh, REFRESH_MS);
    },
    onDisconnect: function () {
      if (timer) { timer.stop(); timer = null; }
      $('board').hidden = true;
      $('updated').textContent = 'not connected';
      $('updated').className = 'muted';
    }
  });
}());
