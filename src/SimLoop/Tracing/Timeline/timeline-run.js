// SimLoop timeline, part 1 of 3: the run in #timeline-data, decoded, and the words for a step or a job.
// HtmlTimelineWriter joins the three parts (timeline-run.js, timeline-draw.js, timeline-interact.js) into one
// function scope in strict mode: they share its variables.

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

function describeStep(p) {
  var lane = lanes[data.lane[p]], reason = data.reasons[data.why[p]], text = [];
  text.push('<b>step #' + (p + data.firstIndex) + '</b> of task <b>' + esc(lane.name) + '</b>');
  text.push('ready at ' + fmt(start[p] - data.wait[p]) + ' (' + esc(reason) + '), started at ' + fmt(start[p]) +
    ', waited ' + fmt(data.wait[p]) + ', cost ' + fmt(data.cost[p]));
  if (data.source[p] >= 0) text.push('resumed in ' + esc(data.labels[data.source[p]]));
  if (data.choices[p] >= 0) text.push('drew ' + esc(data.labels[data.choices[p]]));
  (sectionsOf.get(p) || []).forEach(function (k) {
    var label = sections.label[k] >= 0 ? ' "' + esc(data.labels[sections.label[k]]) + '"' : '';
    text.push((sections.block[k] ? 'block ' : 'cpu ') + fmt(sections.duration[k]) + label + ' from ' + fmt(start[p] + sections.offset[k]));
  });
  if (lateOf.has(p)) text.push('<b>timer ' + esc(late.text[lateOf.get(p)]) + '</b>: ' + esc(late.why[lateOf.get(p)]));
  if (slowOf.has(p)) text.push('<b>slow step</b>: cost ' + fmt(data.cost[p]) + ' &gt;= ' + fmt(data.slowThreshold));
  if (data.failure && data.failure.step === p) {
    text.push('<b>the run failed in or after this step</b> (' + esc(data.failure.kind) + ')' + (data.failure.source ? ', thrown at ' + esc(data.failure.source) : ''));
  }
  return text.join('<br>');
}

function describeJob(k) {
  var owner = jobs.task[k] >= 0 ? lanes[jobs.task[k]].name : '?';
  return '<b>Sim.ToThread job</b> of task <b>' + esc(owner) + '</b> on ' + esc(lanes[jobs.lane[k]].name) + '<br>submitted at ' +
    fmt(jobs.submitted[k]) + ', started at ' + fmt(jobs.started[k]) + ' (queued ' + fmt(jobs.started[k] - jobs.submitted[k]) +
    '), finished at ' + fmt(jobs.finished[k]) + ', cost ' + fmt(jobs.finished[k] - jobs.started[k]);
}
