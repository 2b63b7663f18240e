// SimLoop timeline: draws the run in #timeline-data into the SVG #lanes.
// Zoomed out, the steps of a lane that fall in one pixel column are drawn as one bar (taller and darker when
// more), so a redraw costs O(visible steps + lanes x width) whatever the length of the trace.
(function () {
  'use strict';

  var GUTTER = 140, RIGHT = 30, AXIS = 24, LOOP = 34, LANE = 30, LABEL_CAP = 200;
  var TICK = 1, US = 10, MS = 10000, S = 10000000;
  window.addEventListener('error', function (event) {
    var note = document.createElement('p');
    note.id = 'script-error';
    note.textContent = 'The timeline script failed: ' + event.message;
    document.getElementById('timeline').prepend(note);
  });

  var began = performance.now();
  var data = JSON.parse(document.getElementById('timeline-data').textContent);
  var svg = document.getElementById('lanes');
  var chart = document.getElementById('chart');
  var tip = document.getElementById('tip');
  var details = document.getElementById('details');
  var lanes = data.lanes;
  var n = data.lane.length;

  // Absolute times (ticks) of every step, from the gaps the page stores.
  var start = new Float64Array(n), end = new Float64Array(n);
  for (var i = 0, t = 0; i < n; i++) {
    start[i] = t + data.gap[i];
    end[i] = start[i] + data.cost[i];
    t = end[i];
  }

  var jobs = data.jobs, late = data.late, slow = data.slow, sections = data.sections;
  var lateOf = new Map(), slowOf = new Map(), sectionsOf = new Map();
  late.step.forEach(function (p, k) { lateOf.set(p, k); });
  slow.step.forEach(function (p, k) { slowOf.set(p, k); });
  sections.step.forEach(function (p, k) {
    if (!sectionsOf.has(p)) sectionsOf.set(p, []);
    sectionsOf.get(p).push(k);
  });

  // What each lane holds, in time order: steps for a task, jobs for a worker (a worker's jobs never overlap).
  var items = lanes.map(function () { return []; });
  for (i = 0; i < n; i++) items[data.lane[i]].push(i);
  jobs.lane.forEach(function (lane, k) { items[lane].push(k); });
  var isWorker = lanes.map(function (lane) { return lane.kind === 'worker'; });

  // The x axis is virtual time, or step order when every step ran at the same instant (or on request).
  var mode = data.end > 0 ? 'time' : 'order';
  var xs, xe, jxs, jxe, jxq;
  function domain() {
    xs = new Float64Array(n); xe = new Float64Array(n);
    var m = jobs.lane.length;
    jxs = new Float64Array(m); jxe = new Float64Array(m); jxq = new Float64Array(m);
    var toX = mode === 'time' ? function (t) { return t; } : function (t) { return lowerBound(start, t); };
    for (var i = 0; i < n; i++) {
      xs[i] = mode === 'time' ? start[i] : i;
      xe[i] = mode === 'time' ? end[i] : i + 1;
    }
    for (var k = 0; k < m; k++) {
      jxq[k] = toX(jobs.submitted[k]); jxs[k] = toX(jobs.started[k]); jxe[k] = toX(jobs.finished[k]);
    }
  }
  function full() { return mode === 'time' ? Math.max(data.end, 1) : Math.max(n, 1); }
  function minSpan() { return mode === 'time' ? 100 : 5; }

  var view = { t0: 0, t1: 1 }, selected = null, plotW = 800;
  var lanesTop = AXIS + LOOP + 8;
  var height = lanesTop + lanes.length * LANE + 6;

  function lowerBound(a, v) {
    var lo = 0, hi = a.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (a[mid] < v) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function round(x, digits) { var f = Math.pow(10, digits); return String(Math.round(x * f) / f); }
  // The same words as SimLoop's text reports: "0 ms", "250 ms", "12.5 s", "1.5 us".
  function fmt(t) {
    if (t % MS !== 0) return round(t / US, 1) + ' us';
    if (t < 10 * S) return String(t / MS) + ' ms';
    if (t < 600 * S) return round(t / S, 3) + ' s';
    return t < 48 * 3600 * S ? round(t / (60 * S), 3) + ' min' : round(t / (3600 * S), 3) + ' h';
  }

  function ticks(scale) {
    var raw = 90 / scale, nice = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
    nice = raw <= nice ? nice : raw <= 2 * nice ? 2 * nice : raw <= 5 * nice ? 5 * nice : 10 * nice;
    nice = Math.max(nice, 1);
    var label;
    if (mode === 'order') {
      label = function (v) { return '#' + (v + data.firstIndex); };
    } else {
      var unit = nice >= S ? S : nice >= MS ? MS : nice >= US ? US : TICK;
      var name = unit === S ? ' s' : unit === MS ? ' ms' : unit === US ? ' us' : '00 ns';
      var digits = Math.max(0, Math.ceil(-Math.log10(nice / unit) - 1e-9));
      label = function (v) { return (v / unit).toFixed(digits) + name; };
    }
    var out = [];
    for (var v = Math.ceil(view.t0 / nice) * nice; v <= view.t1; v += nice) out.push({ v: v, text: label(v) });
    return out;
  }

  function render() {
    var width = Math.max(480, chart.clientWidth);
    plotW = width - GUTTER - RIGHT;
    var scale = plotW / (view.t1 - view.t0), cols = Math.ceil(plotW) + 1;
    function X(v) { return GUTTER + (v - view.t0) * scale; }
    var out = [], labels = lanes.map(function () { return []; }), placed = 0;
    out.push('<defs><pattern id="hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">',
      '<rect width="2" height="5" fill="#fff" fill-opacity="0.75"/></pattern>',
      '<clipPath id="plot"><rect x="', GUTTER, '" y="0" width="', plotW, '" height="', height, '"/></clipPath></defs>');

    // Axis and grid.
    ticks(scale).forEach(function (tk) {
      var x = X(tk.v).toFixed(1);
      out.push('<line class="grid" x1="', x, '" x2="', x, '" y1="', AXIS - 4, '" y2="', height, '"/>',
        '<text class="tick-label" x="', x, '" y="', AXIS - 8, '" text-anchor="middle">', tk.text, '</text>');
    });

    // Visible steps: steps run one after another, so their starts and ends are both sorted.
    var first = lowerBound(xe, view.t0), last = lowerBound(xs, view.t1 + 1e-9);
    if (first > 0 && xe[first - 1] >= view.t0) first--;

    // Loop occupancy: the share of each pixel column covered by step costs.
    var busy = new Float64Array(cols);
    for (i = first; i < last; i++) {
      if (data.cost[i] === 0) continue;
      var a = Math.max(0, X(xs[i]) - GUTTER), b = Math.min(plotW, X(xe[i]) - GUTTER);
      for (var c = Math.floor(a); c < b && c < cols; c++) busy[c] += Math.min(b, c + 1) - Math.max(a, c);
    }
    out.push('<g class="lane loop" data-lane="loop"><text class="lane-name" x="8" y="', AXIS + LOOP / 2 + 4, '">loop (busy)</text>',
      '<line class="grid" x1="', GUTTER, '" x2="', GUTTER + plotW, '" y1="', AXIS + LOOP, '" y2="', AXIS + LOOP, '"/><g clip-path="url(#plot)">');
    runs(busy, function (v) { return Math.round(Math.min(1, v) * (LOOP - 4)); }, function (c0, c1, h) {
      if (h > 0) out.push('<rect class="loop-bar" x="', GUTTER + c0, '" y="', AXIS + LOOP - h, '" width="', c1 - c0, '" height="', h, '"/>');
    });
    out.push('</g></g>');

    // Lanes: items at least 2 px wide are drawn one by one; narrower ones are counted per pixel column.
    lanes.forEach(function (lane, L) {
      var top = lanesTop + L * LANE, count = new Int32Array(cols), slowCol = new Uint8Array(cols), body = [];
      var list = items[L], worker = isWorker[L];
      var s = worker ? jxs : xs, e = worker ? jxe : xe;
      var from = worker ? 0 : lowerBound(list, first), to = worker ? list.length : lowerBound(list, last);
      if (worker) { from = lowerBound(list.map(function (k) { return e[k]; }), view.t0); }
      for (var q = from; q < to; q++) {
        var k = list[q];
        if (s[k] > view.t1) break;
        var x0 = X(s[k]), x1 = X(e[k]), isSlow = !worker && slowOf.has(k);
        if (worker && jxq[k] < s[k]) {
          body.push('<line x1="', X(jxq[k]).toFixed(1), '" x2="', x0.toFixed(1), '" y1="', top + LANE / 2, '" y2="', top + LANE / 2,
            '" stroke="#adb5bd" stroke-dasharray="2 2"/>');
        }
        if (x1 - x0 >= 2) {
          var colour = worker ? (jobs.task[k] >= 0 ? lanes[jobs.task[k]].colour : '#868e96') : lane.colour;
          body.push('<rect x="', x0.toFixed(1), '" y="', top + 7, '" width="', (x1 - x0).toFixed(1), '" height="', LANE - 12,
            '" fill="', colour, '"', worker ? ' stroke="#868e96"' : isSlow ? ' class="slow"' : '', '/>');
          if (!worker) (sectionsOf.get(k) || []).forEach(function (sk) {
            if (!sections.block[sk] || mode !== 'time') return;
            var sx = X(start[k] + sections.offset[sk]), sw = sections.duration[sk] * scale;
            body.push('<rect x="', sx.toFixed(1), '" y="', top + 7, '" width="', sw.toFixed(1), '" height="', LANE - 12, '" fill="url(#hatch)"/>');
          });
          if (isSlow) labels[L].push({ x: x1 + 4, inside: x0 + 4, room: x1 - x0, text: slow.text[slowOf.get(k)], cls: 'slow-label', rank: data.cost[k] });
        } else {
          var col = Math.min(cols - 1, Math.max(0, Math.floor(x0 - GUTTER)));
          count[col]++;
          if (isSlow) {
            slowCol[col] = 1;
            labels[L].push({ x: x0 + 5, text: slow.text[slowOf.get(k)], cls: 'slow-label', rank: data.cost[k] });
          }
        }
      }
      runs(count, function (v, c) { return v === 0 ? 0 : (v === 1 ? 1 : v < 4 ? 2 : v < 16 ? 3 : 4) + 8 * slowCol[c]; }, function (c0, c1, level) {
        if (level === 0) return;
        var h = 10 + 3 * (level % 8), op = [0, 0.85, 0.9, 0.95, 1][level % 8];
        body.push('<rect x="', GUTTER + c0, '" y="', top + LANE / 2 - h / 2 + 1, '" width="', Math.max(c1 - c0, 2), '" height="', h,
          '" fill="', worker ? '#868e96' : lane.colour, '" fill-opacity="', op, '"', level >= 8 ? ' class="slow"' : '', '/>');
      });
      out.push('<g class="lane ', lane.kind, '" data-lane="', esc(lane.name), '" data-kind="', lane.kind, '">',
        L % 2 ? '' : '<rect class="band" x="0" y="' + top + '" width="' + (GUTTER + plotW) + '" height="' + LANE + '"/>',
        '<text class="lane-name ', lane.kind, '" x="8" y="', top + LANE / 2 + 4, '">', esc(lane.name), '</text>',
        '<g clip-path="url(#plot)">', body.join(''), '</g></g>');
    });

    // Late timers: the worst mark per pixel column and lane, a dashed line from the due time to the step it woke.
    var worst = new Map();
    late.step.forEach(function (p, k) {
      if (xs[p] < view.t0 || xs[p] > view.t1) return;
      var key = data.lane[p] * cols + Math.floor(X(xs[p]) - GUTTER);
      var other = worst.get(key);
      if (other === undefined || data.wait[p] > data.wait[late.step[other]]) worst.set(key, k);
    });
    out.push('<g class="marks" clip-path="url(#plot)">');
    worst.forEach(function (k) {
      var p = late.step[k], L = data.lane[p], top = lanesTop + L * LANE, x = X(xs[p]);
      var due = mode === 'time' ? X(start[p] - data.wait[p]) : X(lowerBound(start, start[p] - data.wait[p]));
      out.push('<g class="late" data-step="', p + data.firstIndex, '"><line class="late-line" x1="', Math.max(GUTTER, due).toFixed(1), '" x2="', x.toFixed(1),
        '" y1="', top + 4, '" y2="', top + 4, '"/><path class="late-mark" d="M', (x - 5).toFixed(1), ' ', top, 'h10l-5 7z"/></g>');
      labels[L].push({ x: x + 6, text: late.text[k], cls: 'late-label', rank: data.wait[p] + 1e15, step: p });
    });

    // Labels, the largest first, where they do not overlap another label of the lane.
    labels.forEach(function (list, L) {
      var taken = [], top = lanesTop + L * LANE;
      list.sort(function (a, b) { return b.rank - a.rank; });
      list.forEach(function (label) {
        if (placed >= LABEL_CAP) return;
        var w = label.text.length * 6.2 + 4;
        var inside = label.room !== undefined && label.room >= w + 8 && label.cls === 'slow-label';
        var x = inside ? label.inside : label.x;
        if (taken.some(function (r) { return x < r[1] && x + w > r[0]; })) return;
        taken.push([x, x + w]);
        placed++;
        var y = label.cls === 'late-label' ? top + 11 : top + LANE / 2 + 4;
        out.push('<text class="', label.cls, inside ? ' inside' : '', '" x="', x.toFixed(1), '" y="', y, '"',
          label.step !== undefined ? ' data-step="' + (label.step + data.firstIndex) + '"' : '', '>', esc(label.text), '</text>');
      });
    });

    if (data.failure) {
      var fp = data.failure.step, fx = Math.min(X(xe[fp]), GUTTER + plotW - 7), ftop = lanesTop + data.lane[fp] * LANE;
      out.push('<path class="failed-mark" d="M', fx.toFixed(1), ' ', ftop + 3, 'l6 6l-6 6l-6 -6z"><title>the run failed here</title></path>');
    }
    if (selected) {
      var sw = selected.worker, sk = selected.k, sx0 = X(sw ? jxs[sk] : xs[sk]), sx1 = X(sw ? jxe[sk] : xe[sk]);
      out.push('<rect class="selected" x="', (Math.min(sx0, sx1 - 3) - 2).toFixed(1), '" y="', lanesTop + selected.lane * LANE + 4,
        '" width="', (Math.max(sx1 - sx0, 3) + 4).toFixed(1), '" height="', LANE - 6, '"/>');
    }
    out.push('</g>');

    svg.setAttribute('viewBox', '0 0 ' + (GUTTER + plotW + RIGHT) + ' ' + height);
    svg.setAttribute('height', height);
    svg.innerHTML = out.join('');
    document.getElementById('range').textContent = mode === 'time'
      ? 'showing ' + fmt(Math.round(view.t0)) + ' to ' + fmt(Math.round(view.t1)) + ' of ' + fmt(data.end)
      : 'step order: #' + (Math.floor(view.t0) + data.firstIndex) + ' to #' + (Math.max(Math.ceil(view.t1) - 1, 0) + data.firstIndex) +
        (data.end > 0 ? '' : ' (every step ran at the same instant)');
  }

  // Calls emit(c0, c1, level) for each run of columns with the same level(value, column).
  function runs(values, level, emit) {
    var c0 = 0, current = level(values[0], 0);
    for (var c = 1; c <= values.length; c++) {
      var next = c < values.length ? level(values[c], c) : NaN;
      if (next !== current) { emit(c0, c, current); c0 = c; current = next; }
    }
  }

  function describeStep(p) {
    var lane = lanes[data.lane[p]], reason = data.reasons[data.why[p]], text = [];
    text.push('<b>step #' + (p + data.firstIndex) + '</b> of task <b>' + esc(lane.name) + '</b>');
    text.push('ready at ' + fmt(start[p] - data.wait[p]) + ' (' + esc(reason) + '), started at ' + fmt(start[p]) +
      ', waited ' + fmt(data.wait[p]) + ', cost ' + fmt(data.cost[p]));
    (sectionsOf.get(p) || []).forEach(function (k) {
      var label = sections.label[k] >= 0 ? ' "' + esc(data.labels[sections.label[k]]) + '"' : '';
      text.push((sections.block[k] ? 'block ' : 'cpu ') + fmt(sections.duration[k]) + label + ' from ' + fmt(start[p] + sections.offset[k]));
    });
    if (lateOf.has(p)) text.push('<b>timer ' + esc(late.text[lateOf.get(p)]) + '</b>: ' + esc(late.why[lateOf.get(p)]));
    if (slowOf.has(p)) text.push('<b>slow step</b>: cost ' + fmt(data.cost[p]) + ' &gt;= ' + fmt(data.slowThreshold));
    if (data.failure && data.failure.step === p) {
      text.push('<b>the run failed here</b> (' + esc(data.failure.kind) + ')' + (data.failure.source ? ', thrown at ' + esc(data.failure.source) : ''));
    }
    return text.join('<br>');
  }

  function describeJob(k) {
    var owner = jobs.task[k] >= 0 ? lanes[jobs.task[k]].name : '?';
    return '<b>Sim.ToThread job</b> of task <b>' + esc(owner) + '</b> on ' + esc(lanes[jobs.lane[k]].name) + '<br>submitted at ' +
      fmt(jobs.submitted[k]) + ', started at ' + fmt(jobs.started[k]) + ' (queued ' + fmt(jobs.started[k] - jobs.submitted[k]) +
      '), finished at ' + fmt(jobs.finished[k]) + ', cost ' + fmt(jobs.finished[k] - jobs.started[k]);
  }

  // The item under the pointer: the nearest step or job of the lane within 6 px.
  function hit(px, py) {
    var scale = plotW / (view.t1 - view.t0), v = view.t0 + (px - GUTTER) / scale;
    if (px < GUTTER) return null;
    if (py >= AXIS && py < AXIS + LOOP) {
      var c0 = view.t0 + Math.floor(px - GUTTER) / scale, c1 = c0 + 1 / scale;
      return { html: mode === 'time' ? 'loop from ' + fmt(Math.round(c0)) + ' to ' + fmt(Math.round(c1)) + ': the darker bar is the share of this pixel column held by Cpu/Block sections' : 'loop occupancy' };
    }
    var L = Math.floor((py - lanesTop) / LANE);
    if (L < 0 || L >= lanes.length) return null;
    var list = items[L], worker = isWorker[L], s = worker ? jxs : xs, e = worker ? jxe : xe;
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (s[list[mid]] <= v) lo = mid + 1; else hi = mid; }
    var best = null, bestDistance = 6;
    for (var q = Math.max(0, lo - 3); q < Math.min(list.length, lo + 2); q++) {
      var k = list[q], d = v < s[k] ? (s[k] - v) * scale : v > e[k] ? (v - e[k]) * scale : 0;
      if (d <= bestDistance) { best = k; bestDistance = d; }
    }
    if (best === null) return null;
    return { lane: L, k: best, worker: worker, html: worker ? describeJob(best) : describeStep(best) };
  }

  function pointer(event) {
    var box = svg.getBoundingClientRect(), ratio = (GUTTER + plotW + RIGHT) / box.width;
    return { x: (event.clientX - box.left) * ratio, y: (event.clientY - box.top) * ratio };
  }

  var drag = null;
  chart.addEventListener('mousedown', function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, t0: view.t0, t1: view.t1, moved: false };
    chart.classList.add('dragging');
  });
  window.addEventListener('mouseup', function (event) {
    if (!drag) return;
    var wasClick = !drag.moved;
    drag = null;
    chart.classList.remove('dragging');
    if (!wasClick) return;
    var at = pointer(event), found = hit(at.x, at.y);
    selected = found && found.k !== undefined ? found : null;
    details.innerHTML = found ? found.html : 'Click a step, a job or a mark for its details.';
    render();
  });
  chart.addEventListener('mousemove', function (event) {
    if (drag) {
      var dx = event.clientX - drag.x;
      if (Math.abs(dx) > 2) drag.moved = true;
      var shift = -dx * (drag.t1 - drag.t0) / plotW * ((GUTTER + plotW + RIGHT) / svg.getBoundingClientRect().width);
      setView(drag.t0 + shift, drag.t1 + shift);
      tip.hidden = true;
      return;
    }
    var at = pointer(event), found = hit(at.x, at.y);
    tip.hidden = !found;
    if (found) {
      tip.innerHTML = found.html;
      var box = chart.getBoundingClientRect();
      var left = event.clientX - box.left + 14;
      tip.style.left = Math.min(left, box.width - tip.offsetWidth - 4) + 'px';
      tip.style.top = (event.clientY - box.top + 16) + 'px';
    }
  });
  chart.addEventListener('mouseleave', function () { tip.hidden = true; });
  chart.addEventListener('wheel', function (event) {
    event.preventDefault();
    var at = pointer(event), anchor = view.t0 + (at.x - GUTTER) / plotW * (view.t1 - view.t0);
    zoom(event.deltaY > 0 ? 1.25 : 0.8, Math.min(Math.max(anchor, view.t0), view.t1));
  }, { passive: false });

  function zoom(factor, anchor) {
    setView(anchor - (anchor - view.t0) * factor, anchor + (view.t1 - anchor) * factor);
  }
  function setView(t0, t1) {
    var span = Math.min(Math.max(t1 - t0, minSpan()), full());
    t0 = Math.min(Math.max(t0, 0), full() - span);
    view = { t0: t0, t1: t0 + span };
    render();
  }

  document.querySelectorAll('[data-zoom]').forEach(function (button) {
    button.addEventListener('click', function () {
      var how = button.getAttribute('data-zoom'), middle = (view.t0 + view.t1) / 2;
      if (how === 'fit') setView(0, full());
      else zoom(how === 'in' ? 0.5 : 2, middle);
    });
  });
  if (data.end > 0) {
    var toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.textContent = 'Axis: step order';
    toggle.addEventListener('click', function () {
      mode = mode === 'time' ? 'order' : 'time';
      toggle.textContent = mode === 'time' ? 'Axis: step order' : 'Axis: virtual time';
      domain();
      setView(0, full());
    });
    document.querySelector('.toolbar').insertBefore(toggle, document.getElementById('range'));
  }
  window.addEventListener('resize', render);

  // A link can name a step: page.html#step=5 opens with step #5 selected and its details shown.
  function selectFromHash() {
    var match = /^#step=(\d+)$/.exec(location.hash);
    var p = match ? Number(match[1]) - data.firstIndex : -1;
    if (p < 0 || p >= n) return;
    selected = { lane: data.lane[p], k: p, worker: false };
    details.innerHTML = describeStep(p);
  }
  window.addEventListener('hashchange', function () { selectFromHash(); render(); });

  domain();
  view = { t0: 0, t1: full() };
  selectFromHash();
  render();
  document.body.setAttribute('data-rendered', 'true');
  // How long this page took to open, for docs/performance.md: the script alone, and since navigation started.
  document.body.setAttribute('data-script-ms', String(Math.round(performance.now() - began)));
  document.body.setAttribute('data-loaded-ms', String(Math.round(performance.now())));
})();
