// SimLoop timeline, part 2 of 3: draws the lanes into the SVG #lanes for the current view.
// Zoomed out, the steps of a lane that fall in one pixel column are drawn as one bar (taller and darker when
// more), so a redraw costs O(visible steps + lanes x width) whatever the length of the trace.

var GUTTER = 140, RIGHT = 30, AXIS = 24, LOOP = 34, LANE = 30, LABEL_CAP = 200;

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
    out.push('<path class="failed-mark" d="M', fx.toFixed(1), ' ', ftop + 3, 'l6 6l-6 6l-6 -6z"><title>the run failed in or after this step</title></path>');
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
