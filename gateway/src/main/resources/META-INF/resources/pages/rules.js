// Nanopulse rules page: a subscriber's subscribers, rules, silences and deliveries, and a rule editor whose preview
// draws the metric's history with the rule's threshold (or the compared subject) and the backtest's firing periods.
// Everything goes through the public /api/v1 with the key common.js keeps in the tab (role alerts).
(function () {
  'use strict';
  var np = window.np, $ = np.$, el = np.el;
  var POLL_MS = 5000, POLL_MAX_MS = 60000, LIST_SIZE = 200, LIST_PAGES = 10, DELIVERY_SIZE = 50;
  var SUBJECT_KINDS = ['COUNTRY', 'INSTITUTION', 'COUNTRY_SECTOR', 'CITY', 'GROUP', 'GLOBAL'];
  var CONDITIONS = { THRESHOLD: ['ABOVE', 'BELOW'], COMPARE: ['ABOVE', 'BELOW'], RANK: ['IN_TOP', 'OUT_OF_TOP'], CHANGE: [] };
  // focus: the rule named by ?rule= (an alert's link): its row is highlighted and opened once the rules are in.
  var page = { subscribers: [], rules: [], shown: {}, timer: null, editing: null, connected: false, polling: false,
    paused: false, delay: POLL_MS, previewGen: 0, saving: false, deliveryPages: 1,
    focus: new URLSearchParams(location.search).get('rule') };

  function call(method, path, body) {
    var options = { method: method };
    if (body !== undefined) { options.body = body; }
    return np.api(path, options);
  }
  // A list's pages in order, up to `max` pages of `size`: {items, total} (total = the API's totalItems).
  function pages(path, size, max) {
    var items = [];
    function next(n) {
      return call('GET', path + (path.indexOf('?') < 0 ? '?' : '&') + 'page=' + n + '&size=' + size).then(function (p) {
        var got = (p && p.items) || [];
        items = items.concat(got);
        var total = p && typeof p.totalItems === 'number' ? Math.max(p.totalItems, items.length) : items.length;
        return got.length === size && items.length < total && n + 1 < max ? next(n + 1) : { items: items, total: total };
      });
    }
    return next(0);
  }
  // "Showing n of m." under a list the page did not read to its end.
  function more(id, shown, total) {
    var p = $(id + '-more');
    p.hidden = shown >= total;
    p.setAttribute('data-shown', String(shown));
    p.setAttribute('data-total', String(total));
    (p.querySelector('span') || p).textContent = 'Showing ' + shown + ' of ' + total + '.';
  }
  // Runs a button's request with the button disabled until it settles, so a double click sends it once.
  function once(b, request) {
    if (b.disabled) { return; }
    b.disabled = true;
    function release() { b.disabled = false; }
    request().then(release, release);
  }
  function when(instant) { return instant ? String(instant).replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–'; }
  function subjectText(s) { return s ? s.kind + (s.key ? ' ' + s.key : '') : '–'; }
  function notice(text) { $('notice').textContent = text; $('page-error').textContent = ''; }
  function failed(what) {
    return function (e) {
      if (e.status === 401) { return; } // common.js is back at the key form
      $('page-error').textContent = what + ': ' + (e.status === 403 ? 'this key lacks the alerts role' : e.message);
    };
  }
  function cell(cls, text) { return el('td', { 'class': cls }, text === undefined || text === null ? '' : String(text)); }
  function button(cls, text, onClick) {
    var b = el('button', { type: 'button', 'class': cls }, text);
    b.addEventListener('click', onClick);
    return b;
  }
  // Replaces a table's rows only when the data changed, so rows a user is about to click stay in place.
  function fill(tableId, items, row, emptyText, columns) {
    var json = JSON.stringify(items);
    if (page.shown[tableId] === json) { return; }
    page.shown[tableId] = json;
    var body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    if (!items.length) {
      body.appendChild(el('tr')).appendChild(el('td', { colspan: String(columns), 'class': 'empty' }, emptyText));
      return;
    }
    items.forEach(function (item) { body.appendChild(row(item)); });
  }

  // --- Lists -------------------------------------------------------------------------------------------
  function subscriberRow(s) {
    var tr = el('tr', { 'data-subscriber-id': s.id });
    tr.appendChild(cell('name', s.name));
    tr.appendChild(cell('channel', s.webhook ? s.webhook.url + (s.webhook.status === 'DISABLED' ? ' (disabled)' : '') : '–'));
    var email = cell('email', s.email ? s.email + (s.emailConfirmed ? ' (confirmed)' : ' (awaiting confirmation)') : '–');
    if (s.email) { email.setAttribute('data-confirmed', String(!!s.emailConfirmed)); }
    tr.appendChild(email);
    tr.appendChild(cell('stream', s.streamUrl || ''));
    var actions = el('td', { 'class': 'actions' });
    actions.appendChild(button('show-deliveries', 'Deliveries', function () {
      $('delivery-subscriber').value = s.id;
      loadDeliveries();
    }));
    actions.appendChild(button('rotate-secret', 'Rotate secret', function (ev) {
      once(ev.currentTarget, function () { return rotateSecret(s); });
    }));
    if (s.email && !s.emailConfirmed) {
      actions.appendChild(button('resend-confirmation', 'Resend confirmation', function (ev) {
        once(ev.currentTarget, function () {
          return call('POST', '/api/v1/subscribers/' + encodeURIComponent(s.id) + '/email-confirmation')
            .then(function () { notice('Confirmation mail sent again to ' + s.email + '.'); }, failed('Resend confirmation'));
        });
      }));
    }
    tr.appendChild(actions);
    return tr;
  }

  function ruleRow(r) {
    var tr = el('tr', { 'data-rule-id': r.id, 'data-state': r.state || '', 'data-kind': r.kind || 'THRESHOLD',
      'class': r.id === page.focus ? 'highlight' : null });
    tr.appendChild(cell('name', r.name));
    tr.appendChild(cell('kind', r.kind || 'THRESHOLD'));
    tr.appendChild(cell('subject', subjectText(r.subject) + (r.other ? ' vs ' + subjectText(r.other) : '')));
    tr.appendChild(cell('metric', r.metric + ' · ' + r.window));
    tr.appendChild(cell('state', r.state));
    tr.appendChild(cell('since', when(r.stateSince)));
    tr.appendChild(el('td', { 'class': 'actions' })).appendChild(button('edit-rule', 'Edit', function () { openEditor(r); }));
    return tr;
  }

  function silenceRow(s) {
    var rule = page.rules.filter(function (r) { return r.id === s.ruleId; })[0];
    var what = rule ? 'rule ' + rule.name : s.ruleId ? 'rule ' + s.ruleId
      : s.matchers ? Object.keys(s.matchers).map(function (k) { return k + '=' + s.matchers[k]; }).join(', ') : 'subscriber';
    var tr = el('tr', { 'data-silence-id': s.id, 'data-active': String(!!s.active) });
    tr.appendChild(cell('what', what));
    tr.appendChild(cell('starts', when(s.startsAt)));
    tr.appendChild(cell('ends', when(s.endsAt)));
    tr.appendChild(cell('comment', s.comment));
    return tr;
  }

  function deliveryRow(d) {
    var tr = el('tr', { 'data-delivery-id': d.id, 'data-status': d.status, 'data-channel': d.channel || 'WEBHOOK' });
    tr.appendChild(cell('created', when(d.createdAt)));
    tr.appendChild(cell('event', d.eventType));
    tr.appendChild(cell('channel', d.channel || 'WEBHOOK'));
    tr.appendChild(cell('status', d.status));
    tr.appendChild(cell('attempts', d.attempts));
    tr.appendChild(cell('last-error', d.lastError || (d.lastStatusCode ? 'HTTP ' + d.lastStatusCode : '')));
    var actions = el('td', { 'class': 'actions' });
    if (d.status !== 'PENDING') {
      actions.appendChild(button('redeliver', 'Redeliver', function (ev) {
        once(ev.currentTarget, function () {
          return call('POST', '/api/v1/deliveries/' + encodeURIComponent(d.id) + '/redeliver').then(function () {
            notice('Delivery ' + d.id + ' queued again.');
            loadDeliveries();
          }, failed('Redeliver'));
        });
      }));
    }
    tr.appendChild(actions);
    return tr;
  }

  function showSubscribers(list) {
    var items = list.items;
    more('subscribers', items.length, list.total);
    page.subscribers = items;
    fill('subscribers', items, subscriberRow, 'No subscriber yet (POST /api/v1/subscribers).', 5);
    [$('delivery-subscriber'), $('rule-subscriber')].forEach(function (select) {
      var chosen = select.value;
      var ids = items.map(function (s) { return s.id; });
      if (select.getAttribute('data-ids') === ids.join(',')) { return; }
      select.setAttribute('data-ids', ids.join(','));
      select.replaceChildren();
      items.forEach(function (s) { select.appendChild(el('option', { value: s.id }, s.name)); });
      if (ids.indexOf(chosen) >= 0) { select.value = chosen; }
    });
  }

  // The chosen subscriber's deliveries, newest first, as many pages as "More" asked for. Resolves to the error, if any.
  function loadDeliveries() {
    var id = $('delivery-subscriber').value;
    if (!id) { fill('deliveries', [], deliveryRow, 'No subscriber chosen.', 7); more('deliveries', 0, 0); return Promise.resolve(null); }
    if (page.deliveriesOf !== id) { page.deliveriesOf = id; page.deliveryPages = 1; }
    var path = '/api/v1/subscribers/' + encodeURIComponent(id) + '/deliveries';
    return pages(path, DELIVERY_SIZE, page.deliveryPages).then(function (list) {
      if ($('delivery-subscriber').value === id) {
        fill('deliveries', list.items, deliveryRow, 'No delivery yet.', 7);
        more('deliveries', list.items.length, list.total);
      }
      return null;
    }, function (e) { failed('Deliveries')(e); return e; });
  }

  // Reads every list once. Resolves (never rejects) to the first error, or null.
  function refresh() {
    return Promise.all([
      pages('/api/v1/subscribers', LIST_SIZE, LIST_PAGES).then(showSubscribers),
      pages('/api/v1/rules', LIST_SIZE, LIST_PAGES).then(function (list) {
        var items = list.items;
        more('rules', items.length, list.total);
        page.rules = items;
        fill('rules', items, ruleRow, 'No rule yet.', 7);
        var focused = items.filter(function (r) { return r.id === page.focus; })[0];
        if (focused && !page.focusOpened) {
          page.focusOpened = true;
          openEditor(focused);
          document.querySelector('#rules tr.highlight').scrollIntoView();
        }
      }),
      pages('/api/v1/silences', LIST_SIZE, LIST_PAGES)
    ]).then(function (all) {
      fill('silences', all[2].items, silenceRow, 'No silence.', 4);
      more('silences', all[2].items.length, all[2].total);
      return loadDeliveries();
    }).then(null, function (e) { failed('Loading')(e); return e; });
  }

  // Polling: the next round starts only after this one settled; none while the tab is hidden; after a failure the
  // pause doubles (up to a minute); a refused key (401/403) ends it.
  function poll() {
    page.timer = null;
    if (!page.connected || page.polling) { return; }
    if (document.visibilityState === 'hidden') { page.paused = true; $('rules-page').setAttribute('data-polling', 'paused'); return; }
    page.polling = true;
    $('rules-page').setAttribute('data-polling', 'on');
    refresh().then(function (e) {
      page.polling = false;
      if (!page.connected) { return; }
      if (e && (e.status === 401 || e.status === 403)) {
        $('rules-page').setAttribute('data-polling', 'stopped');
        $('page-error').textContent += ' Updates stopped: reload the page with a key that has the alerts role.';
        return;
      }
      page.delay = e ? Math.min(page.delay * 2, POLL_MAX_MS) : POLL_MS;
      page.timer = setTimeout(poll, page.delay);
    });
  }
  function visibilityChanged() {
    if (document.visibilityState === 'visible' && page.paused) { page.paused = false; poll(); }
  }

  // --- Secret, shown once --------------------------------------------------------------------------
  function rotateSecret(s) {
    return call('POST', '/api/v1/subscribers/' + encodeURIComponent(s.id) + '/rotate-secret').then(function (answer) {
      $('secret-subscriber').textContent = s.name;
      $('secret-value').textContent = answer.secret || '';
      $('secret-box').hidden = false;
      notice('The secret of ' + s.name + ' was rotated.');
    }, failed('Rotate secret'));
  }
  function dismissSecret() {
    $('secret-value').textContent = '';
    $('secret-subscriber').textContent = '';
    $('secret-box').hidden = true;
  }

  // --- Editor ------------------------------------------------------------------------------------------
  function value(id) { return $(id).value.trim(); }
  // A number as typed; text that is no number goes as it is, so the API names the field and says why.
  function number(id) {
    var v = value(id);
    if (v === '') { return undefined; }
    var n = Number(v);
    return isFinite(n) ? n : v;
  }
  function subject(kindId, keyId) {
    var kind = $(kindId).value, key = value(keyId);
    if (kind === 'GLOBAL') { return { kind: kind, key: '' }; }
    return key === '' ? undefined : { kind: kind, key: key };
  }
  function put(body, name, v) { if (v !== undefined && v !== '') { body[name] = v; } }

  function requestBody() {
    var kind = $('rule-kind').value;
    var body = { subscriberId: $('rule-subscriber').value || undefined, name: value('rule-name'), kind: kind,
      metric: $('rule-metric').value, window: value('rule-window') };
    put(body, 'pendingFor', value('rule-pending-for'));
    put(body, 'repeatInterval', value('rule-repeat-interval'));
    if (page.editing && page.editing.labels) { body.labels = page.editing.labels; }
    var s = subject('rule-subject-kind', 'rule-subject-key');
    if (kind === 'RANK') {
      put(body, 'subject', s);
      put(body, 'rankingKind', $('rule-ranking-kind').value);
      if (s) {
        body.condition = $('rule-condition').value;
        put(body, 'top', number('rule-top'));
        put(body, 'recoveryTop', number('rule-recovery-top'));
      } else {
        put(body, 'margin', number('rule-margin'));
      }
      return body;
    }
    body.subject = s || { kind: $('rule-subject-kind').value, key: '' };
    if (kind === 'THRESHOLD') {
      body.condition = $('rule-condition').value;
      put(body, 'threshold', number('rule-threshold'));
      put(body, 'recoveryThreshold', number('rule-recovery-threshold'));
    } else if (kind === 'CHANGE') {
      put(body, 'lookback', value('rule-lookback'));
      body.direction = $('rule-direction').value;
      put(body, 'amount', number('rule-amount'));
      if ($('rule-relative').checked) { body.relative = true; }
      put(body, 'recoveryAmount', number('rule-recovery-amount'));
    } else if (kind === 'COMPARE') {
      body.other = subject('rule-other-kind', 'rule-other-key') || { kind: $('rule-other-kind').value, key: '' };
      body.condition = $('rule-condition').value;
      put(body, 'margin', number('rule-margin'));
    }
    return body;
  }

  function showKind() {
    var kind = $('rule-kind').value;
    document.querySelectorAll('#rule-form .field[data-kinds]').forEach(function (f) {
      f.hidden = f.getAttribute('data-kinds').split(' ').indexOf(kind) < 0;
    });
    var select = $('rule-condition'), chosen = select.value;
    select.replaceChildren();
    CONDITIONS[kind].forEach(function (c) { select.appendChild(el('option', { value: c }, c)); });
    if (CONDITIONS[kind].indexOf(chosen) >= 0) { select.value = chosen; }
  }

  function clearErrors() {
    document.querySelectorAll('#rule-form .field-error').forEach(function (p) { p.textContent = ''; });
    document.querySelectorAll('#rule-form [aria-invalid]').forEach(function (i) { i.removeAttribute('aria-invalid'); });
    $('rule-form-error').textContent = '';
  }

  // A problem's field errors go next to their fields ("rule." is the backtest's prefix); the rest above the buttons.
  function showProblem(e, prefix) {
    if (e.status === 401) { return; }
    var problem = e.problem || {}, rest = [];
    (problem.errors || []).forEach(function (fe) {
      var field = String(fe.field || '');
      if (prefix && field.indexOf(prefix) === 0) { field = field.substring(prefix.length); }
      var target = null;
      document.querySelectorAll('#rule-form .field-error[data-error-for]').forEach(function (p) {
        if (p.getAttribute('data-error-for') === field) { target = p; }
      });
      if (target && !target.closest('.field').hidden) {
        target.textContent = fe.reason;
        var input = target.closest('.field').querySelector('input, select');
        if (input) { input.setAttribute('aria-invalid', 'true'); }
      } else {
        rest.push((fe.field ? fe.field + ': ' : '') + fe.reason);
      }
    });
    if (rest.length || !(problem.errors || []).length) {
      $('rule-form-error').textContent = rest.length ? rest.join('; ') : (problem.detail || e.message);
    }
  }

  function setField(id, v) { $(id).value = v === undefined || v === null ? '' : String(v); }

  function openEditor(rule) {
    page.editing = rule || null;
    page.previewGen++;
    clearErrors();
    $('rule-form').reset();
    if (rule) {
      $('rule-form').setAttribute('data-rule-id', rule.id);
    } else {
      $('rule-form').removeAttribute('data-rule-id');
    }
    $('rule-editor-title').textContent = rule ? 'Edit rule ' + rule.name : 'New rule';
    $('preview-chart').replaceChildren();
    $('preview-summary').textContent = '';
    $('rule-kind').value = (rule && rule.kind) || 'THRESHOLD';
    showKind();
    if (rule) {
      setField('rule-subscriber', rule.subscriberId);
      setField('rule-name', rule.name);
      setField('rule-subject-kind', rule.subject ? rule.subject.kind : 'COUNTRY');
      setField('rule-subject-key', rule.subject ? rule.subject.key : '');
      setField('rule-metric', rule.metric);
      setField('rule-window', rule.window);
      setField('rule-condition', rule.condition);
      setField('rule-threshold', rule.threshold);
      setField('rule-recovery-threshold', rule.recoveryThreshold);
      setField('rule-lookback', rule.lookback);
      setField('rule-direction', rule.direction || 'UP');
      setField('rule-amount', rule.amount);
      $('rule-relative').checked = !!rule.relative;
      setField('rule-recovery-amount', rule.recoveryAmount);
      setField('rule-other-kind', rule.other ? rule.other.kind : 'COUNTRY');
      setField('rule-other-key', rule.other ? rule.other.key : '');
      setField('rule-margin', rule.margin);
      setField('rule-ranking-kind', rule.rankingKind);
      setField('rule-top', rule.top);
      setField('rule-recovery-top', rule.recoveryTop);
      setField('rule-pending-for', rule.pendingFor);
      setField('rule-repeat-interval', rule.repeatInterval);
      call('GET', '/api/v1/rules/' + encodeURIComponent(rule.id) + '/state?transitions=0').then(function (st) {
        if (page.editing === rule) {
          $('rule-editor-title').textContent = 'Edit rule ' + rule.name + ' · ' + st.state + ' since ' + when(st.since)
            + (st.lastValue !== null && st.lastValue !== undefined ? ' · last value ' + formatFor(rule.metric)(st.lastValue) : '');
        }
      }, function () { /* the title without the state */ });
    }
    $('rule-editor').hidden = false;
    $('rule-name').focus();
  }

  // One save at a time (the button is disabled meanwhile): a double click or Enter twice creates one rule.
  function save(ev) {
    ev.preventDefault();
    if (page.saving) { return; }
    clearErrors();
    var editing = page.editing;
    page.saving = true;
    $('rule-save').disabled = true;
    var request = editing
      ? call('PUT', '/api/v1/rules/' + encodeURIComponent(editing.id), requestBody())
      : call('POST', '/api/v1/rules', requestBody());
    function settled() { page.saving = false; $('rule-save').disabled = false; }
    request.then(function (rule) {
      settled();
      notice('Rule ' + rule.name + (editing ? ' updated.' : ' created.'));
      $('rule-editor').hidden = true;
      page.editing = null;
      refresh();
    }, function (e) { settled(); showProblem(e, ''); });
  }

  // --- Preview -----------------------------------------------------------------------------------------
  function formatFor(metric) { return np.isMetric(metric) && np.METRICS[metric].format === 'pct' ? np.fmt.pct : np.fmt.num; }

  // The series' and the backtest's dates for the chosen range, within the backtest's limits (120 months, 366 days).
  function range(kind) {
    var today = new Date(), to = np.isoDate(today);
    if (kind === 'years') {
      return { interval: 'YEAR', seriesFrom: (today.getUTCFullYear() - 9) + '-01-01', step: 'MONTH',
        from: np.monthsBack(119), to: to };
    }
    if (kind === 'days') {
      return { interval: 'MONTH', seriesFrom: np.monthsBack(11), step: 'DAY',
        from: np.isoDate(new Date(today.getTime() - 365 * 86400000)), to: to };
    }
    return { interval: 'MONTH', seriesFrom: np.monthsBack(23), step: 'MONTH', from: np.monthsBack(23), to: to };
  }

  // A period's value of the metric as the API gives it; null (a gap) when nobody filed anything in the period.
  function metricOf(point, metric) { return np.seriesValue(point, metric).value; }

  function seriesPath(s, r) { return np.timeseriesPath(s, r.interval, r.seriesFrom, r.to); }

  function series(s, metric, r) {
    return call('GET', seriesPath(s, r)).then(function (t) {
      return (t.points || []).map(function (p) {
        var period = String(p.period);
        return { label: r.interval === 'YEAR' ? period.substring(0, 4) : period.substring(0, 7), period: period,
          value: metricOf(p, metric) };
      });
    });
  }

  // Per period: the subject's value minus the other's (a gap where either has none).
  function difference(points, others) {
    var byPeriod = {};
    others.forEach(function (p) { byPeriod[p.period] = p.value; });
    return points.map(function (p) {
      var o = byPeriod[p.period];
      var both = p.value !== null && p.value !== undefined && o !== null && o !== undefined;
      return { label: p.label, period: p.period, value: both ? p.value - o : null };
    });
  }

  // The index of the last point whose period starts on or before the date (0 when the date precedes them all).
  function indexOf(points, date) {
    var found = 0;
    points.forEach(function (p, i) { if (p.period <= date) { found = i; } });
    return found;
  }

  // CHANGE and RANK with a subject judge the change or the position, not the metric: their chart is the backtest's.
  function judgesMeasured(body) { return body.kind === 'CHANGE' || (body.kind === 'RANK' && !!body.subject); }

  function preview() {
    clearErrors();
    var gen = ++page.previewGen;
    var body = requestBody(), r = range($('preview-range').value), metric = body.metric;
    var chart = $('preview-chart'), ownChart = judgesMeasured(body);
    chart.setAttribute('data-series-query', body.subject && !ownChart ? seriesPath(body.subject, r) : '');
    chart.setAttribute('data-other-query', body.kind === 'COMPARE' && body.other ? seriesPath(body.other, r) : '');
    var backtest = call('POST', '/api/v1/rules/backtest', { rule: body, from: r.from, to: r.to, step: r.step });
    // Without a subject (a leader rule) or without the read role, the chart shows what the backtest measured.
    var measured = backtest.then(function (b) {
      return (b.points || []).map(function (p) { return { label: p.asOf, period: p.asOf, value: p.value }; });
    });
    var history = body.subject && !ownChart ? series(body.subject, metric, r).catch(function (e) {
      if (e.status === 403) { return null; }
      throw e;
    }) : Promise.resolve(null);
    var other = body.kind === 'COMPARE' && body.other ? series(body.other, metric, r).catch(function () { return null; })
      : Promise.resolve(null);
    Promise.all([history, backtest, other, measured]).then(function (all) {
      if (gen !== page.previewGen) { return; } // another preview or another rule since
      var points = all[0] || all[3], b = all[1], others = all[0] ? all[2] : null;
      var lines = [], what = body.subject ? subjectText(body.subject) + ' ' + metric : 'the leader\'s ' + metric, axis = metric;
      var format = formatFor(metric);
      if (body.kind === 'CHANGE') {
        what = 'the change of ' + subjectText(body.subject) + ' ' + metric + ' over ' + (body.lookback || 'the lookback');
        axis = body.relative ? 'change %' : 'change';
        format = body.relative ? np.fmt.num : format;
        var sign = body.direction === 'DOWN' ? -1 : 1;
        if (typeof body.amount === 'number') {
          lines.push({ value: sign * body.amount, label: 'amount', cls: 'threshold' });
          if (body.direction === 'EITHER') { lines.push({ value: -body.amount, label: 'amount', cls: 'threshold' }); }
        }
        if (typeof body.recoveryAmount === 'number') {
          lines.push({ value: sign * body.recoveryAmount, label: 'recovery', cls: 'recovery' });
        }
      } else if (body.kind === 'RANK' && body.subject) {
        what = 'the position of ' + subjectText(body.subject) + ' by ' + metric;
        axis = 'position';
        format = 'int';
        if (typeof body.top === 'number') { lines.push({ value: body.top, label: 'top ' + body.top, cls: 'threshold' }); }
        if (typeof body.recoveryTop === 'number') { lines.push({ value: body.recoveryTop, label: 'recovery', cls: 'recovery' }); }
      }
      if (body.kind === 'THRESHOLD' && typeof body.threshold === 'number') {
        lines.push({ value: body.threshold, label: 'threshold', cls: 'threshold' });
        if (typeof body.recoveryThreshold === 'number') {
          lines.push({ value: body.recoveryThreshold, label: 'recovery', cls: 'recovery' });
        }
      }
      if (others) {
        // COMPARE judges subject - other: it fires past 0 and resolves past the margin on the other side.
        points = difference(points, others);
        what = subjectText(body.subject) + ' minus ' + subjectText(body.other) + ' (' + metric + ')';
        axis = (body.subject.key || body.subject.kind) + ' − ' + (body.other.key || body.other.kind);
        var margin = typeof body.margin === 'number' ? body.margin : 0;
        lines.push({ value: 0, label: '= ' + subjectText(body.other), cls: 'threshold' });
        if (margin > 0) {
          lines.push({ value: body.condition === 'BELOW' ? margin : -margin, label: 'recovery', cls: 'recovery' });
        }
      }
      var bands = (b.firing || []).map(function (f) {
        return { from: indexOf(points, f.from), to: f.to ? indexOf(points, f.to) : points.length - 1,
          label: 'firing ' + f.from + ' – ' + (f.to || 'now') };
      });
      np.lineChart(chart, { points: points.map(function (p) { return { label: p.label, value: p.value }; }),
        format: format, lines: lines, bands: bands, yLabel: axis, ariaLabel: what + ' with the rule\'s firing periods' });
      var summary = $('preview-summary');
      summary.setAttribute('data-firing-periods', String((b.firing || []).length));
      summary.setAttribute('data-state', b.state || '');
      summary.textContent = 'Backtest ' + b.from + ' – ' + b.to + ' by ' + b.step.toLowerCase() + ': '
        + (b.firing || []).length + ' firing period(s), ' + (b.transitions || []).length + ' transition(s); state after the last date: '
        + b.state + '. ' + (all[0] ? 'The chart: ' + what + ' per ' + r.interval.toLowerCase() + ' (the rule reads its window, '
        + body.window + ', as of each date).' : 'The chart shows what the backtest measured as of each date.');
    }, function (e) { if (gen === page.previewGen) { showProblem(e, 'rule.'); } });
  }

  // --- Connect -----------------------------------------------------------------------------------------
  function connect() {
    clearTimeout(page.timer);
    page.connected = true;
    page.delay = POLL_MS;
    $('rules-page').hidden = false;
    poll();
  }
  function disconnected() {
    page.connected = false;
    clearTimeout(page.timer);
    page.timer = null;
    page.previewGen++;
    dismissSecret();
    $('rules-page').hidden = true;
    $('rule-editor').hidden = true;
    page.shown = {};
  }

  SUBJECT_KINDS.forEach(function (k) {
    document.querySelectorAll('select.subject-kinds').forEach(function (s) { s.appendChild(el('option', { value: k }, k)); });
  });
  $('rule-kind').addEventListener('change', showKind);
  $('rule-form').addEventListener('submit', save);
  $('rule-preview').addEventListener('click', preview);
  $('rule-cancel').addEventListener('click', function () { $('rule-editor').hidden = true; page.editing = null; });
  $('new-rule').addEventListener('click', function () { openEditor(null); });
  $('secret-dismiss').addEventListener('click', dismissSecret);
  $('delivery-subscriber').addEventListener('change', loadDeliveries);
  $('deliveries-refresh').addEventListener('click', loadDeliveries);
  $('deliveries-next').addEventListener('click', function (ev) {
    page.deliveryPages++;
    once(ev.currentTarget, loadDeliveries);
  });
  document.addEventListener('visibilitychange', visibilityChanged);
  showKind();
  np.keyGate({ onConnect: connect, onDisconnect: disconnected });
}());
