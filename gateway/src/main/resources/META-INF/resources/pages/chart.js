// Hand-written SVG charts for the gateway's pages (needs common.js). No external scripts.
(function () {
  'use strict';
  var np = window.np;
  var W = 640, H = 260, RIGHT = 16, TOP = 12, BOTTOM = 40;

  // A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about `count` steps over `range`.
  function niceStep(range, count) {
    var raw = range / count, p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
  }

  function finite(v) { return v !== null && v !== undefined && isFinite(v); }
  function formatter(f) { return typeof f === 'function' ? f : (np.fmt[f] || np.fmt.num); }

  // A line over points [{label, value|null}]: a null value is a gap (the line stops and starts again after it).
  // options: format ('pct'|'num'|'int'|function), lines [{value, label, cls}] (horizontal reference lines),
  // bands [{from, to, label}] (shaded spans of point indexes, inclusive), ariaLabel, xLabel, yLabel.
  // Marks for tests: path.line[data-points][data-gaps], circle.point[data-label][data-value], line.ref[data-value],
  // rect.band[data-from][data-to] (point labels).
  function lineChart(target, options) {
    var o = options || {};
    var points = o.points || [];
    var lines = (o.lines || []).filter(function (l) { return finite(l.value); });
    var bands = o.bands || [];
    var format = formatter(o.format);
    var LEFT = o.yLabel ? 84 : 64;
    var root = np.svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'class': 'np-chart',
      'aria-label': o.ariaLabel || 'chart' });

    var values = points.filter(function (p) { return finite(p.value); }).map(function (p) { return Number(p.value); })
      .concat(lines.map(function (l) { return Number(l.value); }));
    var min = Math.min.apply(null, [0].concat(values));
    var max = Math.max.apply(null, [0].concat(values));
    if (max === min) { max = min + 1; }
    var tickStep = niceStep(max - min, 4);
    min = Math.floor(min / tickStep) * tickStep;
    max = Math.ceil(max / tickStep) * tickStep;
    if (o.format === 'int' && tickStep < 1) { tickStep = 1; max = Math.max(max, min + 1); }
    var plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
    var step = points.length > 1 ? plotW / (points.length - 1) : 0;
    function x(i) { return LEFT + (points.length > 1 ? i * step : plotW / 2); }
    function y(v) { return TOP + plotH - ((v - min) / (max - min)) * plotH; }

    // Bands first, under everything else.
    bands.forEach(function (b) {
      if (!points.length) { return; }
      var from = Math.max(0, Math.min(b.from, points.length - 1)), to = Math.max(from, Math.min(b.to, points.length - 1));
      var half = step / 2;
      var x0 = Math.max(LEFT, x(from) - half), x1 = Math.min(W - RIGHT, x(to) + half);
      var rect = np.svg('rect', { x: x0.toFixed(1), y: TOP, width: Math.max(2, x1 - x0).toFixed(1), height: plotH, 'class': 'band',
        'data-from': points[from].label, 'data-to': points[to].label });
      if (b.label) { rect.appendChild(np.svg('title', {}, b.label)); }
      root.appendChild(rect);
    });

    // Axes, horizontal grid and y ticks.
    for (var t = 0; min + t * tickStep <= max + tickStep / 1e6; t++) {
      var v = min + t * tickStep, ty = y(v);
      root.appendChild(np.svg('line', { x1: LEFT, y1: ty.toFixed(1), x2: W - RIGHT, y2: ty.toFixed(1), 'class': v === 0 || t === 0 ? 'axis' : 'grid' }));
      root.appendChild(np.svg('text', { x: LEFT - 6, y: (ty + 4).toFixed(1), 'class': 'label tick', 'text-anchor': 'end' }, format(v)));
    }
    root.appendChild(np.svg('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: TOP + plotH, 'class': 'axis' }));
    if (o.yLabel) {
      root.appendChild(np.svg('text', { x: 12, y: TOP + plotH / 2, 'class': 'label axis-title',
        transform: 'rotate(-90 12 ' + (TOP + plotH / 2) + ')', 'text-anchor': 'middle' }, o.yLabel));
    }
    if (o.xLabel) {
      root.appendChild(np.svg('text', { x: LEFT + plotW / 2, y: H - 4, 'class': 'label axis-title', 'text-anchor': 'middle' }, o.xLabel));
    }
    // At most about 8 x labels, the first and the last always.
    var every = Math.max(1, Math.ceil(points.length / 8));
    points.forEach(function (p, i) {
      if (i % every === 0 || i === points.length - 1) {
        if (i !== points.length - 1 && points.length - 1 - i < every / 2) { return; }
        root.appendChild(np.svg('text', { x: x(i).toFixed(1), y: TOP + plotH + 16, 'class': 'label tick', 'text-anchor': 'middle' }, p.label));
      }
    });

    // Reference lines (thresholds): dashed, labelled at the right.
    lines.forEach(function (l) {
      var ly = y(Number(l.value)).toFixed(1);
      var line = np.svg('line', { x1: LEFT, y1: ly, x2: W - RIGHT, y2: ly, 'class': 'ref' + (l.cls ? ' ' + l.cls : ''),
        'data-value': String(l.value) });
      line.appendChild(np.svg('title', {}, (l.label ? l.label + ': ' : '') + format(l.value)));
      root.appendChild(line);
      if (l.label) {
        root.appendChild(np.svg('text', { x: W - RIGHT - 2, y: (Number(ly) - 4).toFixed(1), 'class': 'label ref-label', 'text-anchor': 'end' }, l.label));
      }
    });

    // The line: one stroke per run of values; gaps where a value is null.
    var d = [], gaps = 0, drawing = false;
    points.forEach(function (p, i) {
      if (!finite(p.value)) { gaps++; drawing = false; return; }
      d.push((drawing ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(Number(p.value)).toFixed(1));
      drawing = true;
    });
    root.appendChild(np.svg('path', { d: d.join(' '), 'class': 'line', 'data-points': String(points.length), 'data-gaps': String(gaps) }));
    points.forEach(function (p, i) {
      if (!finite(p.value)) { return; }
      var c = np.svg('circle', { cx: x(i).toFixed(1), cy: y(Number(p.value)).toFixed(1), r: 2.5, 'class': 'point',
        'data-label': p.label, 'data-value': String(p.value) });
      c.appendChild(np.svg('title', {}, p.label + ': ' + format(p.value)));
      root.appendChild(c);
    });
    if (!points.length) {
      root.appendChild(np.svg('text', { x: LEFT + plotW / 2, y: TOP + plotH / 2, 'class': 'label empty', 'text-anchor': 'middle' }, 'no data'));
    }
    target.replaceChildren(root);
    return root;
  }

  // Horizontal bars over entries [{label, value, key}], longest first as given. options: format, ariaLabel.
  // Marks: rect.bar[data-key].
  function barChart(target, entries, options) {
    var o = options || {};
    var format = formatter(o.format || 'pct');
    var w = 520, rowH = 24, h = Math.max(1, entries.length) * rowH + 10, left = 50;
    var max = entries.reduce(function (m, e) { return Math.max(m, e.value || 0); }, 0) || 1;
    var root = np.svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'class': 'np-chart', 'aria-label': o.ariaLabel || 'bars' });
    entries.forEach(function (e, i) {
      var top = 5 + i * rowH;
      var bw = ((e.value || 0) / max) * (w - left - 90);
      root.appendChild(np.svg('text', { x: 0, y: top + 16, 'class': 'label' }, e.label));
      root.appendChild(np.svg('rect', { x: left, y: top + 3, width: Math.max(1, bw), height: rowH - 8, 'class': 'bar',
        'data-key': e.key === undefined ? e.label : e.key }));
      root.appendChild(np.svg('text', { x: left + bw + 6, y: top + 16, 'class': 'label' }, format(e.value)));
    });
    target.replaceChildren(root);
    return root;
  }

  np.lineChart = lineChart;
  np.barChart = barChart;
}());
