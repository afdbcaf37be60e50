// Prescient dashboard: reads GET /api/dashboard, renders it, and refetches when the SignalR hub
// (/hubs/dashboard) says something changed. Plain ES2020, no build step. The server's CSP allows
// only same-origin scripts and styles, so nothing here writes inline styles as attributes or HTML:
// every piece of server text goes in through textContent (see el() below).
(function () {
  'use strict';

  // ---------------------------------------------------------------------------------------------
  // Formatting: money in USDC as "$1,234.56", fractions as "12.34 %", null as "—".
  // ---------------------------------------------------------------------------------------------

  const DASH = '—';
  const moneyFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const priceFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  const sharesFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const intFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
  const clockFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

  const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

  function fmtMoney(v) {
    if (!isNum(v)) return DASH;
    const s = '$' + moneyFormat.format(Math.abs(v));
    return v < 0 && Math.abs(v) >= 0.005 ? '-' + s : s;
  }

  function fmtPercent(v) {
    if (!isNum(v)) return DASH;
    const p = v * 100;
    return (Math.abs(p) < 0.005 ? '0.00' : p.toFixed(2)) + ' %';
  }

  const fmtPrice = (v) => (isNum(v) ? priceFormat.format(v) : DASH);
  const fmtShares = (v) => (isNum(v) ? sharesFormat.format(v) : DASH);
  const fmtInt = (v) => (isNum(v) ? intFormat.format(v) : DASH);
  const fmtScore = (v) => (isNum(v) ? priceFormat.format(v) : DASH);

  function parseTime(iso) {
    if (typeof iso !== 'string' || iso === '') return null;
    const t = Date.parse(iso);
    return Number.isNaN(t) ? null : new Date(t);
  }

  function fmtTime(iso) {
    const d = parseTime(iso);
    return d ? timeFormat.format(d) : DASH;
  }

  function fmtDuration(fromIso, toIso) {
    const a = parseTime(fromIso);
    const b = parseTime(toIso);
    if (!a || !b) return DASH;
    const s = Math.max(0, (b - a) / 1000);
    if (s < 60) return s.toFixed(s < 10 ? 1 : 0) + ' s';
    const m = Math.floor(s / 60);
    return m < 60 ? m + ' min ' + Math.round(s % 60) + ' s' : Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  // "below_threshold" -> "Below threshold"; server codes stay readable without a lookup table.
  function humanize(code) {
    if (typeof code !== 'string' || code === '') return DASH;
    const s = code.replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  const signClass = (v) => (!isNum(v) || Math.abs(v) < 0.005 ? '' : v > 0 ? 'pos' : 'neg');

  // ---------------------------------------------------------------------------------------------
  // DOM helpers. el() only ever sets text through textContent; attributes are plain names/values.
  // ---------------------------------------------------------------------------------------------

  const $ = (id) => document.getElementById(id);
  const byTestId = (id) => document.querySelector('[data-testid="' + id + '"]');

  function el(tag, props, children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === 'text') node.textContent = String(value);
        else if (key === 'class') node.className = value;
        else if (key === 'dataset') Object.assign(node.dataset, value);
        else if (key === 'colSpan') node.colSpan = value;
        else if (key === 'title') node.title = String(value);
        else node.setAttribute(key, String(value));
      }
    }
    for (const child of children || []) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function setText(target, text, cls) {
    const node = typeof target === 'string' ? byTestId(target) || $(target) : target;
    if (!node) return;
    node.textContent = text;
    if (cls !== undefined) {
      node.classList.remove('pos', 'neg');
      if (cls) node.classList.add(cls);
    }
  }

  const td = (text, cls) => el('td', { class: cls, text: text });
  const numTd = (text, extra) => el('td', { class: 'num' + (extra ? ' ' + extra : ''), text: text });
  const moneyTd = (v) => numTd(fmtMoney(v));
  const pnlTd = (v) => numTd(fmtMoney(v), signClass(v));
  const tag = (text, cls) => el('span', { class: 'tag' + (cls ? ' ' + cls : ''), text: text });

  function timeTd(iso) {
    const cell = el('td', { class: 'nowrap' });
    const d = parseTime(iso);
    if (d) cell.appendChild(el('time', { datetime: iso, title: d.toISOString(), text: timeFormat.format(d) }));
    else cell.textContent = DASH;
    return cell;
  }

  function questionTd(question, sub) {
    return el('td', { class: 'question' }, [question || DASH, sub ? el('span', { class: 'sub', text: sub }) : null]);
  }

  function fillBody(tbody, rows, columns, emptyText) {
    tbody.replaceChildren();
    if (rows.length === 0) {
      tbody.appendChild(el('tr', { class: 'empty' }, [el('td', { class: 'empty-row', colSpan: columns, text: emptyText })]));
      return;
    }
    const frag = document.createDocumentFragment();
    for (const row of rows) frag.appendChild(row);
    tbody.appendChild(frag);
  }

  // ---------------------------------------------------------------------------------------------
  // State
  // ---------------------------------------------------------------------------------------------

  const state = {
    snapshot: null,
    snapshotInFlight: false,
    snapshotAgain: false,
    tradesSeq: 0,
    filteredTrades: null, // { total, items } while a trade filter is set
    serverRunning: null, // "cycle" | "end_of_day" | null, from the snapshot and the hub
    postInFlight: null, // the kind this page is POSTing, or null
    pendingRun: null, // the kind to retry once a token has been given
    charts: { equity: null, drawdown: null, calibration: null },
  };

  const RUNS = {
    cycle: { url: '/trading/run-full-cycle', label: 'cycle', title: 'Cycle' },
    end_of_day: { url: '/trading/end-of-day', label: 'end of day', title: 'End of day' },
  };
  const TOKEN_KEY = 'prescient.token';

  // ---------------------------------------------------------------------------------------------
  // HTTP
  // ---------------------------------------------------------------------------------------------

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(await problemText(response));
    return response.json();
  }

  // The problem+json detail (or title) of a failed response, or its status line.
  async function problemText(response) {
    try {
      const body = await response.json();
      if (body && typeof body.detail === 'string' && body.detail) return body.detail;
      if (body && typeof body.title === 'string' && body.title) return body.title;
    } catch (_) {
      // Not JSON: fall back to the status line below.
    }
    return 'HTTP ' + response.status + (response.statusText ? ' ' + response.statusText : '');
  }

  // GET /api/dashboard; a request while one is in flight asks for exactly one more after it.
  async function refreshSnapshot() {
    if (state.snapshotInFlight) {
      state.snapshotAgain = true;
      return;
    }
    state.snapshotInFlight = true;
    try {
      do {
        state.snapshotAgain = false;
        try {
          const snapshot = await getJson('/api/dashboard');
          state.snapshot = snapshot;
          showLoadError(null);
          renderSnapshot(snapshot);
        } catch (err) {
          showLoadError('Could not load the dashboard: ' + err.message);
        }
      } while (state.snapshotAgain);
    } finally {
      state.snapshotInFlight = false;
    }
  }

  function showLoadError(message) {
    const box = $('load-error');
    box.hidden = !message;
    box.textContent = message || '';
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering: header and overview cards
  // ---------------------------------------------------------------------------------------------

  function renderSnapshot(s) {
    renderHeader(s);
    renderOverview(s.overview || {});
    renderEquity(s.equity_curve || []);
    renderCalibration(s.calibration || []);
    renderScheduler(s.runs || {});
    renderPositions((s.positions && s.positions.groups) || []);
    renderTradeFilterOptions(s);
    if (!tradeFilterActive()) renderTrades(s.trades || { total: 0, items: [] }, false);
    renderSignals(s.signals || {});
    renderMarkets();
    renderRuns((s.runs && s.runs.recent) || []);
  }

  function renderHeader(s) {
    const badge = byTestId('source-badge');
    const source = s.source || {};
    const simulated = source.is_simulated !== false;
    badge.dataset.kind = simulated ? 'simulated' : 'live';
    badge.textContent = simulated ? 'simulated' : 'live';
    badge.title = 'Market data: ' + (source.name || DASH) + (source.label ? ' (' + source.label + ')' : '');
    renderFeed(s.feed);
    const asOf = $('as-of');
    const d = parseTime(s.at);
    asOf.textContent = d ? timeFormat.format(d) : DASH;
    if (d) asOf.setAttribute('datetime', s.at);
  }

  // The live market feed: off (no feed in this server), live, or reconnecting, with its numbers in the tooltip.
  function renderFeed(feed) {
    const badge = byTestId('feed');
    if (!feed) {
      badge.dataset.state = 'off';
      badge.textContent = 'feed off';
      badge.title = 'No live market feed: marks and quotes are those of the last run.';
      return;
    }
    badge.dataset.state = feed.connected ? 'live' : 'reconnecting';
    badge.textContent = feed.connected ? 'feed live' : 'feed reconnecting…';
    const age = typeof feed.last_message_age === 'string' ? feed.last_message_age.replace(/\.\d+$/, '') : DASH;
    badge.title = 'Live market feed: ' + feed.connected_connections + ' of ' + feed.connections + ' connections, ' +
      intFormat.format(feed.tokens) + ' tokens, last message ' + age + ' ago, ' + intFormat.format(feed.messages) +
      ' messages, ' + intFormat.format(feed.reconnects) + ' reconnects, ' + intFormat.format(feed.malformed) + ' malformed frames' +
      (feed.intraday
        ? '; intraday mode on: ' + intFormat.format(feed.intraday.evaluations) + ' evaluations, ' +
          intFormat.format(feed.intraday.signals) + ' signals, ' + intFormat.format(feed.intraday.trades) + ' trades'
        : '; intraday mode off');
    if (feed.intraday) badge.textContent += ' · intraday';
  }

  function renderOverview(o) {
    setText('equity', fmtMoney(o.equity));
    setText('cash', fmtMoney(o.cash));
    setText('realized-pnl', fmtMoney(o.realized_pnl), signClass(o.realized_pnl));
    setText('unrealized-pnl', fmtMoney(o.unrealized_pnl), signClass(o.unrealized_pnl));
    setText('total-return', fmtPercent(o.total_return), signClass(o.total_return));
    setText('win-rate', fmtPercent(o.win_rate));
    setText('brier-score', fmtScore(o.brier_score));
    setText('max-drawdown', fmtPercent(o.max_drawdown), isNum(o.max_drawdown) && o.max_drawdown < 0 ? 'neg' : '');
    setText('open-positions', fmtInt(o.open_positions));
    setText('trade-count', fmtInt(o.trade_count));

    setText('equity-foot', 'started with ' + fmtMoney(o.initial_cash));
    setText('cash-foot', 'positions ' + fmtMoney(o.positions_value));
    setText('fees-foot', 'fees paid ' + fmtMoney(o.fees_paid));
    setText('exposure-foot', 'exposure ' + fmtMoney(o.exposure));
    setText('total-pnl-foot', 'total P&L ' + fmtMoney(o.total_pnl));
    setText('settled-foot', fmtInt(o.settled_positions) + ' settled positions');
    setText('portfolio-at-foot', o.portfolio_at ? 'marked ' + fmtTime(o.portfolio_at) : 'not marked yet');
  }

  // ---------------------------------------------------------------------------------------------
  // Charts (uPlot). Colours come from the CSS variables so the stylesheet owns the theme.
  // ---------------------------------------------------------------------------------------------

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  function axis(extra) {
    return Object.assign({
      stroke: cssVar('--chart-axis'),
      grid: { stroke: cssVar('--chart-grid'), width: 1 },
      ticks: { stroke: cssVar('--chart-grid'), width: 1, size: 4 },
      font: '11px ' + cssVar('--font'),
    }, extra);
  }

  // A chart fills its box: a .chart-fill box gives both sizes (the layout sets them), any other
  // box its width, with a fixed height that shrinks a little on phones.
  function chartSize(box, height) {
    const width = Math.max(200, Math.floor(box.clientWidth));
    if (box.classList.contains('chart-fill')) return { width: width, height: Math.max(60, Math.floor(box.clientHeight)) };
    return { width: width, height: window.innerWidth < 760 ? Math.round(height * 0.8) : height };
  }

  function watchSize(box, getChart, height) {
    if (typeof ResizeObserver === 'undefined') return;
    let last = '';
    new ResizeObserver(() => {
      const chart = getChart();
      if (!chart || box.clientWidth === 0) return;
      const size = chartSize(box, height);
      const key = size.width + 'x' + size.height;
      if (key === last) return;
      last = key;
      chart.setSize(size);
    }).observe(box);
  }

  const CALIBRATION_HEIGHT = 260;

  // Aligned data for the equity chart: the recorded days as one solid series, and the segment from
  // the last recorded day to the live point as a second, dashed one.
  function equityData(curve) {
    const points = curve
      .map((p) => ({ t: parseTime(p.at), equity: p.equity, drawdown: p.drawdown, live: p.live === true }))
      .filter((p) => p.t && isNum(p.equity))
      .sort((a, b) => a.t - b.t);
    const xs = points.map((p) => p.t.getTime() / 1000);
    const lastRecorded = points.map((p) => !p.live).lastIndexOf(true);
    const recorded = points.map((p) => (p.live ? null : p.equity));
    const live = points.map((p, i) => (p.live || (i === lastRecorded && points.some((q) => q.live)) ? p.equity : null));
    const drawdown = points.map((p) => (isNum(p.drawdown) ? p.drawdown * 100 : null));
    return { xs, recorded, live, drawdown, count: points.length };
  }

  function renderEquity(curve) {
    const data = equityData(curve);
    const empty = data.count === 0;
    $('equity-empty').hidden = !empty;
    byTestId('equity-chart').hidden = empty;
    const live = curve.find((p) => p.live);
    setText('equity-note', empty ? '' : data.count + ' points' + (live ? ' · dashed: live, since the last end of day' : ''));
    if (empty || typeof uPlot === 'undefined') return;

    state.equityDrawdown = data.drawdown;
    const equityBox = $('equity-chart');
    const drawdownBox = $('drawdown-chart');
    if (!state.charts.equity) {
      state.charts.equity = new uPlot(equityOptions(equityBox.parentElement), [data.xs, data.recorded, data.live], equityBox);
      state.charts.drawdown = new uPlot(drawdownOptions(drawdownBox.parentElement), [data.xs, data.drawdown], drawdownBox);
      watchSize(equityBox.parentElement, () => state.charts.equity, 0);
      watchSize(drawdownBox.parentElement, () => state.charts.drawdown, 0);
    } else {
      state.charts.equity.setData([data.xs, data.recorded, data.live]);
      state.charts.drawdown.setData([data.xs, data.drawdown]);
    }
    showEquityReadout(state.charts.equity);
  }

  // The figures under the cursor, or the latest point when the cursor is away.
  function showEquityReadout(u) {
    const node = $('equity-readout');
    const n = u.data[0].length;
    if (n === 0) { node.replaceChildren(); return; }
    const hovered = u.cursor.idx !== null && u.cursor.idx !== undefined;
    const i = hovered ? u.cursor.idx : n - 1;
    const isLive = u.data[2][i] !== null && u.data[1][i] === null;
    const equity = isLive ? u.data[2][i] : u.data[1][i] !== null ? u.data[1][i] : u.data[2][i];
    const dd = state.equityDrawdown ? state.equityDrawdown[i] : null;
    node.replaceChildren(
      document.createTextNode((hovered ? timeFormat.format(new Date(u.data[0][i] * 1000)) : 'Latest') + (isLive ? ' (live)' : '') + ' · '),
      el('strong', { text: fmtMoney(equity) }),
      document.createTextNode(isNum(dd) ? ' · drawdown ' + dd.toFixed(2) + ' %' : ''),
    );
  }

  function timeAxisValues() {
    return (u, splits) => splits.map((s) => {
      const d = new Date(s * 1000);
      return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
    });
  }

  function equityOptions(box) {
    const line = cssVar('--chart-line');
    return Object.assign(chartSize(box, 0), {
      cursor: { sync: { key: 'equity' }, points: { size: 7 } },
      legend: { show: false },
      hooks: { setCursor: [showEquityReadout] },
      // Ordinal x (distr 2): one step per point, so a gap (days without an end of day) never squeezes the rest.
      scales: { x: { time: true, distr: 2 }, y: { auto: true } },
      axes: [
        axis({ values: timeAxisValues() }),
        axis({ size: 70, values: (u, splits) => splits.map((v) => '$' + intFormat.format(v)) }),
      ],
      series: [
        { label: 'Time', value: (u, v) => (v === null ? DASH : timeFormat.format(new Date(v * 1000))) },
        {
          label: 'Equity', stroke: line, width: 2, fill: cssVar('--chart-fill'),
          points: { show: (u) => u.data[0].length < 40, size: 5, fill: line },
          value: (u, v) => fmtMoney(v),
        },
        {
          label: 'Live', stroke: cssVar('--chart-live'), width: 2, dash: [6, 5], spanGaps: false,
          points: { show: true, size: 8, fill: cssVar('--chart-live'), stroke: cssVar('--chart-live') },
          value: (u, v) => fmtMoney(v),
        },
      ],
    });
  }

  function drawdownOptions(box) {
    return Object.assign(chartSize(box, 0), {
      cursor: { sync: { key: 'equity' }, points: { size: 6 } },
      legend: { show: false },
      scales: { x: { time: true, distr: 2 }, y: { range: (u, min) => [Math.min(min === null ? 0 : min, -1) * 1.1, 0] } },
      axes: [
        axis({ values: timeAxisValues() }),
        axis({ size: 70, space: 18, values: (u, splits) => splits.map((v) => v.toFixed(v <= -10 ? 0 : 1) + ' %') }),
      ],
      series: [
        {},
        {
          label: 'Drawdown', stroke: cssVar('--chart-dd'), width: 1.5, fill: cssVar('--chart-dd-fill'),
          points: { show: false }, value: (u, v) => (v === null ? DASH : v.toFixed(2) + ' %'),
        },
      ],
    });
  }

  // Calibration: one point per non-empty bucket at (mean entry price, wins / positions), on a
  // shared x array with the y = x diagonal; each point is labelled with its position count.
  function calibrationData(buckets) {
    const used = buckets
      .filter((b) => isNum(b.positions) && b.positions > 0)
      .map((b) => ({
        x: isNum(b.mean_entry_price) ? b.mean_entry_price : (b.from + b.to) / 2,
        y: isNum(b.wins) ? b.wins / b.positions : null,
        n: b.positions,
        from: b.from,
        to: b.to,
      }))
      .sort((a, b) => a.x - b.x);
    const xs = [];
    const observed = [];
    const counts = [];
    const push = (x, y, n) => {
      if (xs.length && Math.abs(xs[xs.length - 1] - x) < 1e-9) {
        if (y !== null) { observed[observed.length - 1] = y; counts[counts.length - 1] = n; }
        return;
      }
      xs.push(x); observed.push(y); counts.push(n);
    };
    push(0, null, 0);
    for (const b of used) push(b.x, b.y, b.n);
    push(1, null, 0);
    return { data: [xs, xs.slice(), observed], counts, used: used.length };
  }

  function renderCalibration(buckets) {
    const cal = calibrationData(buckets);
    const empty = cal.used === 0;
    $('calibration-empty').hidden = !empty;
    if (typeof uPlot === 'undefined') return;
    state.calibrationCounts = cal.counts;
    const box = $('calibration-chart');
    if (!state.charts.calibration) {
      state.charts.calibration = new uPlot(calibrationOptions(box), cal.data, box);
      watchSize(box, () => state.charts.calibration, CALIBRATION_HEIGHT);
    } else {
      state.charts.calibration.setData(cal.data);
    }
    showCalibrationReadout(state.charts.calibration);
  }

  function showCalibrationReadout(u) {
    const node = $('calibration-readout');
    const i = u.cursor.idx;
    const counts = state.calibrationCounts || [];
    if (i === null || i === undefined || u.data[2][i] === null) {
      node.textContent = 'n = settled positions in the bucket';
      return;
    }
    node.replaceChildren(
      document.createTextNode('entry ' + fmtPrice(u.data[0][i]) + ' · won '),
      el('strong', { text: fmtPercent(u.data[2][i]) }),
      document.createTextNode(' · n=' + counts[i]),
    );
  }

  function drawCountLabels(u) {
    const counts = state.calibrationCounts || [];
    const ctx = u.ctx;
    ctx.save();
    ctx.font = Math.round(11 * devicePixelRatio) + 'px ' + cssVar('--font');
    ctx.fillStyle = cssVar('--text-dim');
    ctx.textAlign = 'center';
    const [xs, , ys] = u.data;
    for (let i = 0; i < xs.length; i++) {
      if (ys[i] === null || !counts[i]) continue;
      const cx = u.valToPos(xs[i], 'x', true);
      const cy = u.valToPos(ys[i], 'y', true);
      const above = cy > u.bbox.top + 18 * devicePixelRatio;
      ctx.fillText('n=' + counts[i], cx, above ? cy - 10 * devicePixelRatio : cy + 20 * devicePixelRatio);
    }
    ctx.restore();
  }

  function calibrationOptions(container) {
    const accent = cssVar('--chart-line');
    return Object.assign(chartSize(container, CALIBRATION_HEIGHT), {
      cursor: { points: { size: 9 } },
      legend: { show: false },
      scales: { x: { time: false, range: [0, 1] }, y: { range: [0, 1] } },
      axes: [
        axis({ size: 30, values: (u, splits) => splits.map((v) => v.toFixed(1)), label: 'Mean entry price', labelSize: 22, labelFont: '11px ' + cssVar('--font') }),
        axis({ size: 50, values: (u, splits) => splits.map((v) => Math.round(v * 100) + '%'), label: 'Win frequency', labelSize: 22, labelFont: '11px ' + cssVar('--font') }),
      ],
      series: [
        { label: 'Price', value: (u, v) => (v === null ? DASH : fmtPrice(v)) },
        { label: 'Perfect', stroke: cssVar('--chart-diag'), width: 1, dash: [4, 4], points: { show: false }, value: (u, v) => (v === null ? DASH : fmtPercent(v)) },
        {
          label: 'Observed', stroke: accent, width: 0, paths: () => null,
          points: { show: true, size: 11, width: 2, stroke: accent, fill: 'rgba(90, 169, 255, 0.35)' },
          value: (u, v, si, i) => (v === null ? DASH : fmtPercent(v) + (i !== null && state.calibrationCounts ? ' (n=' + state.calibrationCounts[i] + ')' : '')),
        },
      ],
      hooks: { draw: [drawCountLabels], setCursor: [showCalibrationReadout] },
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Scheduler and run buttons
  // ---------------------------------------------------------------------------------------------

  function renderScheduler(runs) {
    renderLastRun('last-cycle', runs.last_cycle);
    renderLastRun('last-eod', runs.last_end_of_day);
    renderSchedule(runs.schedule);

    const wasRunning = state.serverRunning;
    state.serverRunning = runs.running || null;
    if (state.serverRunning && !state.postInFlight && !isStatusBusy()) {
      setRunStatus(runningText(state.serverRunning), 'busy');
    } else if (!state.serverRunning && wasRunning && !state.postInFlight && isStatusBusy()) {
      // The run ended while the hub was away: say how it went from the snapshot.
      const last = wasRunning === 'end_of_day' ? runs.last_end_of_day : runs.last_cycle;
      if (last) setRunStatus(finishedText(wasRunning, last.succeeded, last.summary), last.succeeded ? 'ok' : 'error');
      else setRunStatus('', '');
    }
    updateRunButtons();
  }

  function renderLastRun(prefix, run) {
    const timeNode = $(prefix + '-time');
    const summaryNode = $(prefix + '-summary');
    summaryNode.classList.remove('neg');
    if (!run) {
      timeNode.replaceChildren(el('span', { class: 'dim', text: 'Not run yet' }));
      summaryNode.textContent = '';
      return;
    }
    const when = run.finished_at || run.started_at;
    timeNode.replaceChildren(
      document.createTextNode(fmtTime(when) + ' '),
      run.finished_at ? (run.succeeded ? tag('ok', 'tag-ok') : tag('failed', 'tag-bad')) : tag('running', 'tag-warn'),
    );
    summaryNode.textContent = run.summary || '';
    if (run.finished_at && !run.succeeded) summaryNode.classList.add('neg');
  }

  function renderSchedule(schedule) {
    const pill = $('schedule-state');
    const list = byTestId('next-runs');
    list.replaceChildren();
    if (!schedule || !schedule.enabled) {
      pill.textContent = 'Schedule off';
      pill.dataset.state = 'off';
      list.appendChild(el('li', { class: 'dim', text: 'No scheduled runs' }));
      return;
    }
    pill.textContent = (schedule.active ? 'Schedule on' : 'Schedule paused') + (schedule.time_zone ? ' · ' + schedule.time_zone : '');
    pill.dataset.state = schedule.active ? 'on' : 'off';
    const next = schedule.next || [];
    if (next.length === 0) list.appendChild(el('li', { class: 'dim', text: 'Nothing scheduled' }));
    for (const n of next) {
      list.appendChild(el('li', { dataset: { kind: n.kind || '' } }, [
        el('span', {}, [el('strong', { text: (RUNS[n.kind] || { title: humanize(n.kind) }).title }), ' ' + fmtTime(n.at)]),
        el('span', { class: 'cron', text: n.cron || '' }),
      ]));
    }
  }

  function runningText(kind) {
    return 'Running ' + (RUNS[kind] ? RUNS[kind].label : humanize(kind).toLowerCase()) + '…';
  }

  function finishedText(kind, succeeded, summary) {
    const title = RUNS[kind] ? RUNS[kind].title : humanize(kind);
    if (succeeded) return title + ' done' + (summary ? ': ' + summary : '');
    return title + ' failed' + (summary ? ': ' + summary : '');
  }

  function isStatusBusy() {
    return byTestId('run-status').dataset.tone === 'busy';
  }

  function setRunStatus(text, tone) {
    const node = byTestId('run-status');
    node.textContent = text;
    node.dataset.tone = tone || '';
  }

  function updateRunButtons() {
    const busy = Boolean(state.serverRunning || state.postInFlight);
    byTestId('run-cycle').disabled = busy;
    byTestId('run-end-of-day').disabled = busy;
  }

  // A count from a field that may be a number, a list or a { reason: count } map.
  function countOf(v) {
    if (isNum(v)) return v;
    if (Array.isArray(v)) return v.length;
    if (v && typeof v === 'object') return Object.values(v).reduce((a, b) => a + (isNum(b) ? b : 0), 0);
    return null;
  }

  const plural = (n, word) => fmtInt(n) + ' ' + word + (n === 1 ? '' : 's');

  function cycleDoneText(r) {
    if (!r || typeof r !== 'object') return 'Cycle done';
    const parts = [];
    const trades = countOf(r.trades);
    const signals = countOf(r.signals);
    const rejections = isNum(r.rejections) ? r.rejections : countOf(r.rejections_by_reason);
    if (trades !== null) parts.push(plural(trades, 'trade'));
    if (signals !== null) parts.push(plural(signals, 'signal'));
    if (rejections) parts.push(plural(rejections, 'rejection'));
    if (isNum(r.equity)) parts.push('equity ' + fmtMoney(r.equity));
    if (parts.length) return 'Cycle done: ' + parts.join(', ');
    return typeof r.summary === 'string' && r.summary ? 'Cycle done: ' + r.summary : 'Cycle done';
  }

  function endOfDayDoneText(r) {
    if (r && typeof r.message === 'string' && r.message) return 'End of day done: ' + r.message;
    if (r && typeof r.summary === 'string' && r.summary) return 'End of day done: ' + r.summary;
    return 'End of day done';
  }

  async function startRun(kind) {
    if (state.postInFlight) return;
    const run = RUNS[kind];
    state.postInFlight = kind;
    updateRunButtons();
    setRunStatus(runningText(kind), 'busy');
    try {
      const headers = { Accept: 'application/json' };
      const token = sessionStorage.getItem(TOKEN_KEY);
      if (token) headers.Authorization = 'Bearer ' + token;
      const response = await fetch(run.url, { method: 'POST', credentials: 'same-origin', headers });
      if (response.status === 401) {
        state.pendingRun = kind;
        setRunStatus(token ? 'The access token was refused; enter it again.' : 'An access token is needed to start runs.', 'error');
        showTokenForm(true);
        return;
      }
      if (response.status === 409) {
        setRunStatus('A run is already going', 'error');
        return;
      }
      if (!response.ok) {
        setRunStatus(run.title + ' failed: ' + (await problemText(response)), 'error');
        return;
      }
      let body = null;
      try { body = await response.json(); } catch (_) { body = null; }
      setRunStatus(kind === 'cycle' ? cycleDoneText(body) : endOfDayDoneText(body), 'ok');
    } catch (err) {
      setRunStatus(run.title + ' failed: ' + err.message, 'error');
    } finally {
      state.postInFlight = null;
      updateRunButtons();
    }
  }

  function showTokenForm(show) {
    const form = $('token-form');
    form.hidden = !show;
    if (show) {
      $('token-input').value = '';
      $('token-input').focus();
    }
  }

  function wireRunControls() {
    byTestId('run-cycle').addEventListener('click', () => startRun('cycle'));
    byTestId('run-end-of-day').addEventListener('click', () => startRun('end_of_day'));
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = $('token-input').value.trim();
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      showTokenForm(false);
      const kind = state.pendingRun;
      state.pendingRun = null;
      if (kind) startRun(kind);
    });
    $('token-cancel').addEventListener('click', () => {
      state.pendingRun = null;
      showTokenForm(false);
      setRunStatus('', '');
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Positions: one header row per event, then its legs.
  // ---------------------------------------------------------------------------------------------

  function markSourceTd(leg) {
    const cell = el('td', { class: 'nowrap' });
    const source = leg.mark_source || DASH;
    cell.appendChild(leg.mark_is_fallback ? tag('fallback: ' + humanize(source).toLowerCase(), 'tag-warn') : el('span', { class: 'dim', text: humanize(source).toLowerCase() }));
    if (leg.mark_flag) cell.appendChild(tag(humanize(leg.mark_flag).toLowerCase(), 'tag-bad'));
    if (leg.mark_is_fallback) cell.title = 'The mark is not the best bid: ' + source;
    return cell;
  }

  function groupRow(g) {
    const legs = isNum(g.legs_count) ? g.legs_count : (g.legs || []).length;
    return el('tr', { class: 'group-row', dataset: { eventId: g.event_id || '' } }, [
      el('td', { colSpan: 6 }, [g.title || 'Event ' + (g.event_id || DASH), el('span', { class: 'legs', text: plural(legs, 'leg') })]),
      moneyTd(g.exposure),
      moneyTd(g.market_value),
      pnlTd(g.unrealized_pnl),
    ]);
  }

  function legRow(leg) {
    const sub = leg.lookup_problem ? 'lookup problem: ' + leg.lookup_problem : (leg.opened_at ? 'opened ' + fmtTime(leg.opened_at) : null);
    return el('tr', { class: 'leg-row', dataset: { marketId: leg.market_id || '', tokenId: leg.token_id || '' } }, [
      questionTd(leg.question, sub),
      td(leg.outcome || DASH),
      numTd(fmtShares(leg.shares)),
      numTd(fmtPrice(leg.average_entry_price)),
      numTd(fmtPrice(leg.mark)),
      markSourceTd(leg),
      moneyTd(leg.cost_basis),
      moneyTd(leg.market_value),
      pnlTd(leg.unrealized_pnl),
    ]);
  }

  function renderPositions(groups) {
    const rows = [];
    let legs = 0;
    for (const g of groups) {
      rows.push(groupRow(g));
      for (const leg of g.legs || []) { rows.push(legRow(leg)); legs++; }
    }
    fillBody($('positions-body'), rows, 9, 'No open positions');
    setText('positions-note', groups.length ? plural(legs, 'position') + ' in ' + plural(groups.length, 'event') : '');
  }

  // ---------------------------------------------------------------------------------------------
  // Trades and their filters
  // ---------------------------------------------------------------------------------------------

  const filterIds = ['trade-filter-market', 'trade-filter-kind', 'trade-filter-from', 'trade-filter-to'];

  function tradeFilters() {
    return {
      market: byTestId('trade-filter-market').value,
      kind: byTestId('trade-filter-kind').value,
      from: byTestId('trade-filter-from').value,
      to: byTestId('trade-filter-to').value,
    };
  }

  function tradeFilterActive() {
    const f = tradeFilters();
    return Boolean(f.market || f.kind || f.from || f.to);
  }

  // The market select lists every market seen in the trades and positions, by question.
  function renderTradeFilterOptions(s) {
    const select = byTestId('trade-filter-market');
    const markets = new Map();
    for (const t of (s.trades && s.trades.items) || []) if (t.market_id && !markets.has(t.market_id)) markets.set(t.market_id, t.question);
    for (const g of (s.positions && s.positions.groups) || []) {
      for (const leg of g.legs || []) if (leg.market_id && !markets.has(leg.market_id)) markets.set(leg.market_id, leg.question);
    }
    const current = select.value;
    if (current && !markets.has(current)) markets.set(current, current);
    const sorted = [...markets.entries()].sort((a, b) => String(a[1] || a[0]).localeCompare(String(b[1] || b[0])));
    const key = JSON.stringify(sorted);
    if (key === state.marketOptionsKey) return; // unchanged: leave an open list alone
    state.marketOptionsKey = key;
    select.replaceChildren(el('option', { value: '', text: 'All markets' }));
    for (const [id, question] of sorted) {
      const label = question || id;
      select.appendChild(el('option', { value: id, text: label.length > 70 ? label.slice(0, 69) + '…' : label, title: label }));
    }
    select.value = current;
  }

  function tradeRow(t) {
    const kind = t.kind || '';
    return el('tr', { dataset: { tradeId: t.trade_id || '', kind: kind } }, [
      timeTd(t.executed_at),
      el('td', {}, [tag(humanize(kind).toLowerCase(), 'tag-' + kind)]),
      questionTd(t.question),
      td(t.outcome || DASH),
      numTd(fmtShares(t.shares)),
      numTd(fmtPrice(t.price)),
      moneyTd(t.cost),
      moneyTd(t.fees),
      numTd(fmtPrice(t.slippage)),
      numTd(fmtPrice(t.drift)),
      pnlTd(t.realized_pnl),
    ]);
  }

  function renderTrades(trades, filtered) {
    const items = (trades.items || []).slice().sort((a, b) => String(b.executed_at || '').localeCompare(String(a.executed_at || '')));
    fillBody($('trades-body'), items.map(tradeRow), 11, filtered ? 'No trades match these filters' : 'No trades yet');
    const total = isNum(trades.total) ? trades.total : items.length;
    setText('trades-note', (items.length < total ? 'newest ' + fmtInt(items.length) + ' of ' : '') + plural(total, filtered ? 'matching record' : 'record'));
  }

  async function refreshTrades() {
    const seq = ++state.tradesSeq;
    if (!tradeFilterActive()) {
      state.filteredTrades = null;
      if (state.snapshot) renderTrades(state.snapshot.trades || { total: 0, items: [] }, false);
      return;
    }
    const f = tradeFilters();
    const query = new URLSearchParams();
    if (f.market) query.set('market', f.market);
    if (f.kind) query.set('kind', f.kind);
    if (f.from) query.set('from', f.from);
    if (f.to) query.set('to', f.to);
    query.set('limit', '200');
    try {
      const result = await getJson('/api/dashboard/trades?' + query.toString());
      if (seq !== state.tradesSeq) return; // a newer filter has been asked for meanwhile
      state.filteredTrades = result;
      renderTrades(result, true);
    } catch (err) {
      if (seq !== state.tradesSeq) return;
      fillBody($('trades-body'), [], 11, 'Could not load the trades: ' + err.message);
    }
  }

  function wireTradeFilters() {
    for (const id of filterIds) byTestId(id).addEventListener('change', refreshTrades);
    $('trade-filter-reset').addEventListener('click', () => {
      for (const id of filterIds) byTestId(id).value = '';
      refreshTrades();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Signals, skipped markets, skips and rejections by reason
  // ---------------------------------------------------------------------------------------------

  function signalRow(sig) {
    return el('tr', { dataset: { signalId: sig.signal_id || '', marketId: sig.market_id || '' } }, [
      questionTd(sig.question, sig.event_title),
      td(sig.outcome || DASH),
      el('td', {}, [el('span', { class: 'code', text: sig.action || DASH })]),
      moneyTd(sig.stake),
      numTd(fmtPrice(sig.price)),
      numTd(fmtPrice(sig.limit_price)),
      numTd(fmtPrice(sig.confidence)),
      el('td', { class: 'reason', text: sig.reason || DASH }),
      el('td', {}, [sig.executed ? tag('executed', 'tag-ok') : el('span', { class: 'dim', text: 'not yet' })]),
    ]);
  }

  function skippedRow(s) {
    return el('tr', { dataset: { marketId: s.market_id || '', reason: s.reason || '' } }, [
      questionTd(s.question),
      el('td', { class: 'nowrap' }, [el('span', { class: 'code', text: s.reason || DASH })]),
      el('td', { class: 'reason', text: s.detail || DASH }),
    ]);
  }

  function reasonRows(stage, counts) {
    return Object.entries(counts || {})
      .sort((a, b) => (b[1] || 0) - (a[1] || 0))
      .map(([reason, count]) => el('tr', { dataset: { reason: reason, stage: stage.key } }, [
        td(stage.label, 'nowrap dim'),
        el('td', { title: humanize(reason) }, [el('span', { class: 'code', text: reason })]),
        numTd(fmtInt(count)),
      ]));
  }

  function renderSignals(sig) {
    const items = sig.items || [];
    fillBody($('signals-body'), items.map(signalRow), 9, sig.generated_at ? 'No signals in the last run' : 'No signals yet: run a cycle');
    const settings = Object.entries(sig.settings || {}).map(([k, v]) => k + ' ' + v).join(', ');
    const executed = items.filter((s) => s.executed).length;
    setText('signals-note', [
      sig.strategy ? 'strategy ' + sig.strategy + (settings ? ' (' + settings + ')' : '') : null,
      items.length ? executed + ' of ' + items.length + ' executed' : null,
      sig.generated_at ? 'generated ' + fmtTime(sig.generated_at) : null,
    ].filter(Boolean).join(' · '));

    fillBody($('skipped-body'), (sig.skipped || []).map(skippedRow), 3, 'No skipped markets');
    const rows = reasonRows({ key: 'skipped', label: 'Skipped (signals)' }, sig.skipped_by_reason)
      .concat(reasonRows({ key: 'rejected', label: 'Rejected (execution)' }, sig.rejections_by_reason));
    fillBody($('rejections-body'), rows, 3, 'Nothing skipped or rejected');
    setText('rejections-note', sig.rejections_at ? 'Rejections from the execution of ' + fmtTime(sig.rejections_at) + '.' : 'No execution seen by this server yet.');
  }

  // ---------------------------------------------------------------------------------------------
  // Markets (with a client-side text filter) and recent runs
  // ---------------------------------------------------------------------------------------------

  function marketRow(m) {
    // A row from the live feed's book carries data-live and a "live" tag beside its book time.
    const time = m.has_book === false ? el('td', {}, [tag('no book', 'tag-warn')]) : timeTd(m.book_timestamp);
    if (m.live) time.appendChild(tag('live', 'tag-ok'));
    return el('tr', { dataset: { tokenId: m.token_id || '', marketId: m.market_id || '', live: m.live ? 'true' : 'false' } }, [
      questionTd(m.question),
      td(m.outcome || DASH),
      numTd(fmtPrice(m.best_bid)),
      numTd(fmtPrice(m.best_ask)),
      numTd(fmtPrice(m.spread)),
      time,
    ]);
  }

  function renderMarkets() {
    const markets = (state.snapshot && state.snapshot.markets) || {};
    const needle = $('markets-filter').value.trim().toLowerCase();
    const all = markets.items || [];
    const shown = needle
      ? all.filter((m) => String(m.question || '').toLowerCase().includes(needle) || String(m.outcome || '').toLowerCase().includes(needle))
      : all;
    fillBody($('markets-body'), shown.map(marketRow), 6, all.length ? 'No market matches the filter' : 'No markets quoted yet');
    const total = isNum(markets.total) ? markets.total : all.length;
    setText('markets-note', [
      (needle ? fmtInt(shown.length) + ' shown of ' : '') + fmtInt(all.length) + ' tokens' + (total > all.length ? ' (of ' + fmtInt(total) + ')' : ''),
      markets.generated_at ? 'quoted ' + fmtTime(markets.generated_at) : null,
    ].filter(Boolean).join(' · '));
  }

  function runRow(r) {
    const result = !r.finished_at ? tag('running', 'tag-warn') : r.succeeded ? tag('ok', 'tag-ok') : tag('failed', 'tag-bad');
    return el('tr', { dataset: { kind: r.kind || '', startedAt: r.started_at || '' } }, [
      td((RUNS[r.kind] || { title: humanize(r.kind) }).title, 'nowrap'),
      timeTd(r.started_at),
      timeTd(r.finished_at),
      numTd(fmtDuration(r.started_at, r.finished_at)),
      el('td', {}, [result]),
      el('td', { class: 'reason', text: r.summary || DASH }),
    ]);
  }

  function renderRuns(recent) {
    fillBody($('runs-body'), recent.map(runRow), 6, 'No runs yet');
  }

  // ---------------------------------------------------------------------------------------------
  // Live updates (SignalR)
  // ---------------------------------------------------------------------------------------------

  const CONNECTION_TEXT = {
    connecting: 'Connecting…',
    connected: 'Live',
    reconnecting: 'Reconnecting…',
    disconnected: 'Disconnected',
  };

  function setConnection(stateName, detail) {
    const badge = byTestId('connection');
    badge.dataset.state = stateName;
    badge.textContent = CONNECTION_TEXT[stateName];
    badge.title = detail || '';
  }

  function onChanged() {
    refreshSnapshot();
    if (tradeFilterActive()) refreshTrades();
  }

  function onRunStarted(msg) {
    const kind = (msg && msg.kind) || 'cycle';
    state.serverRunning = kind;
    if (!state.postInFlight) setRunStatus(runningText(kind) + (msg && msg.trigger === 'schedule' ? ' (scheduled)' : ''), 'busy');
    updateRunButtons();
  }

  function onRunFinished(msg) {
    const kind = (msg && msg.kind) || state.serverRunning || 'cycle';
    state.serverRunning = null;
    // This page's own POST answers with a fuller result; otherwise say what the hub told us.
    if (!state.postInFlight) setRunStatus(finishedText(kind, msg && msg.succeeded, msg && msg.summary), msg && msg.succeeded ? 'ok' : 'error');
    updateRunButtons();
  }

  // The first start may fail (server restarting); keep trying with growing pauses. After that,
  // withAutomaticReconnect handles drops, and onclose starts this loop again once it gives up.
  const START_DELAYS = [0, 1000, 2000, 5000, 10000, 10000, 30000];

  function connectHub() {
    if (typeof signalR === 'undefined') {
      setConnection('disconnected', 'The SignalR client did not load');
      return;
    }
    const connection = new signalR.HubConnectionBuilder()
      .withUrl('/hubs/dashboard')
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(signalR.LogLevel.None)
      .build();

    connection.on('changed', onChanged);
    connection.on('runStarted', onRunStarted);
    connection.on('runFinished', onRunFinished);
    connection.onreconnecting((err) => setConnection('reconnecting', err ? String(err.message || err) : ''));
    connection.onreconnected(() => {
      setConnection('connected');
      refreshSnapshot();
    });
    connection.onclose((err) => {
      setConnection('disconnected', err ? String(err.message || err) : '');
      startHub(connection, 1);
    });
    startHub(connection, 0);
  }

  let hubStarting = false;

  async function startHub(connection, attempt) {
    if (hubStarting) return;
    hubStarting = true;
    try {
      for (let i = attempt; ; i++) {
        const delay = START_DELAYS[Math.min(i, START_DELAYS.length - 1)];
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        if (connection.state !== signalR.HubConnectionState.Disconnected) return;
        if (i > 0) setConnection('reconnecting', 'Retrying the live connection');
        try {
          await connection.start();
          setConnection('connected');
          if (i > 0) refreshSnapshot(); // changes may have been missed while away
          return;
        } catch (err) {
          const next = START_DELAYS[Math.min(i + 1, START_DELAYS.length - 1)];
          setConnection('disconnected', String((err && err.message) || err) + ' (retrying in ' + next / 1000 + ' s)');
        }
      }
    } finally {
      hubStarting = false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Start
  // ---------------------------------------------------------------------------------------------

  function start() {
    setConnection('connecting');
    wireRunControls();
    wireTradeFilters();
    $('markets-filter').addEventListener('input', renderMarkets);
    updateRunButtons();
    refreshSnapshot();
    connectHub();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
