// SimLoop timeline, part 3 of 3: hover and click for details, wheel to zoom, drag to pan; the first drawing.

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
