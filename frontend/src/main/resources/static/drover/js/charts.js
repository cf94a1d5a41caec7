/*
 * Drover: the master overview's history charts (master/fragments/charts.html). Vanilla, no build step:
 * fetches the section's data-history-url (GET /api/v1/cluster/history), draws two Chart.js line charts
 * (cores and memory in use; running executors and drivers) and refreshes them every 10 s. The API sends
 * UTC ISO-8601 times; the charts show the browser's local time.
 */
(function () {
  'use strict';

  const REFRESH_MS = 10000;
  const section = document.querySelector('.drover-charts');
  if (!section) {
    return;
  }
  const status = section.querySelector('.drover-charts-status');
  const url = section.dataset.historyUrl;

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  if (typeof window.Chart === 'undefined') {
    say('The charting library could not be loaded; the figures are at ' + url + '.');
    return;
  }

  // The page's own colours (drover.css variables), so the charts follow the light or dark scheme.
  const style = getComputedStyle(document.documentElement);
  function colour(name, fallback) {
    const value = style.getPropertyValue(name).trim();
    return value || fallback;
  }
  const text = colour('--muted', '#59636e');
  const grid = colour('--border', '#d1d9e0');
  const coresColour = colour('--accent', '#0969da');
  const memoryColour = colour('--stopped-fg', '#6e40c9');
  const executorsColour = colour('--ok-fg', '#116329');
  const driversColour = colour('--wait-fg', '#7d4e00');

  const axisTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const fullTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  let times = [];

  function line(label, lineColour, axis, total) {
    return {
      label: label,
      data: [],
      yAxisID: axis,
      borderColor: lineColour,
      backgroundColor: lineColour,
      borderWidth: total ? 1 : 2,
      borderDash: total ? [6, 4] : [],
      pointRadius: 0,
      pointHitRadius: 6,
      tension: 0
    };
  }

  function axis(title, position, integers) {
    return {
      position: position,
      beginAtZero: true,
      title: { display: true, text: title, color: text },
      ticks: { color: text, precision: integers ? 0 : undefined },
      grid: { color: grid, drawOnChartArea: position === 'left' }
    };
  }

  function chart(canvasId, datasets, yAxes) {
    const canvas = document.getElementById(canvasId);
    const scales = Object.assign({
      x: { ticks: { color: text, maxRotation: 0, autoSkip: true, maxTicksLimit: 7 }, grid: { color: grid } }
    }, yAxes);
    return new window.Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        scales: scales,
        plugins: {
          legend: { labels: { color: text, boxWidth: 12, boxHeight: 2 } },
          tooltip: { callbacks: { title: (items) => items.length ? fullTime.format(times[items[0].dataIndex]) : '' } }
        }
      }
    });
  }

  const resources = chart('drover-chart-resources', [
    line('cores used', coresColour, 'cores', false),
    line('cores offered', coresColour, 'cores', true),
    line('memory used (GiB)', memoryColour, 'memory', false),
    line('memory offered (GiB)', memoryColour, 'memory', true)
  ], { cores: axis('cores', 'left', true), memory: axis('memory (GiB)', 'right', false) });

  const work = chart('drover-chart-work', [
    line('running executors', executorsColour, 'count', false),
    line('running drivers', driversColour, 'count', false)
  ], { count: axis('running', 'left', true) });

  function gib(mb) {
    return Math.round(mb / 102.4) / 10;
  }

  function draw(history) {
    const samples = history.samples || [];
    times = samples.map((s) => new Date(s.at));
    // Minutes name the ticks of an hour; a window of a few minutes needs seconds to tell them apart.
    const tick = history.windowMs > 15 * 60000 ? axisTime : fullTime;
    const labels = times.map((t) => tick.format(t));
    const series = [
      [resources, [(s) => s.coresUsed, (s) => s.cores, (s) => gib(s.memoryUsedMb), (s) => gib(s.memoryMb)]],
      [work, [(s) => s.executorsRunning, (s) => s.driversRunning]]
    ];
    for (const [target, reads] of series) {
      target.data.labels = labels;
      reads.forEach((read, i) => { target.data.datasets[i].data = samples.map(read); });
      target.update('none');
    }
    const minutes = Math.round(history.windowMs / 60000);
    const seconds = Math.round(history.intervalMs / 1000);
    say(samples.length === 0
        ? 'No samples yet; the first comes within ' + seconds + ' s.'
        : 'The last ' + minutes + ' minutes, a sample every ' + seconds + ' s; updated '
          + fullTime.format(times[times.length - 1]) + '.');
  }

  let inFlight = false;

  async function refresh() {
    // A hidden tab does not poll; it catches up when it is shown again (visibilitychange below).
    if (document.hidden || inFlight) {
      return;
    }
    inFlight = true;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      draw(await response.json());
    } catch (e) {
      say('Could not load the history (' + e.message + '); trying again in ' + REFRESH_MS / 1000 + ' s.');
    } finally {
      inFlight = false;
    }
  }

  document.addEventListener('visibilitychange', refresh);
  setInterval(refresh, REFRESH_MS);
  refresh();
})();
