// A run: what it is, its steps, the versions it made, its test results, and its log, live until
// the run ends. #/runs/ID/L42 shows line 42.
import {api, events} from './api.js';
import {apiPath, duration, h, notice, route, runDuration, statusChip, table, when} from './dom.js';
import {LogView} from './log.js';

export function runPage(main, parts) {
  const id = parts[1];
  document.title = `Run ${id} · shiprun`;
  const crumbs = h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '#/lines'}, 'Lines'));
  const title = h('h1', {}, `Run ${id}`);
  const facts = h('dl', {class: 'facts', id: 'run-facts'});
  const stepsBox = h('section', {id: 'steps', 'aria-labelledby': 'steps-h'});
  const versionsBox = h('section', {id: 'versions'});
  const reportBox = h('section', {id: 'report'});
  const pre = h('pre', {id: 'log', tabindex: '0', 'aria-label': 'log'});
  const follow = h('input', {type: 'checkbox', id: 'follow', checked: true});
  const search = h('input', {type: 'search', id: 'log-search', autocomplete: 'off',
    spellcheck: 'false'});
  const count = h('span', {id: 'log-matches', class: 'muted', 'aria-live': 'polite'});
  const logState = h('span', {id: 'log-state', class: 'muted', role: 'status'}, 'loading the log…');
  const view = new LogView(pre, id);
  const logTools = h('div', {class: 'toolbar log-tools'},
    h('label', {class: 'check'}, follow, ' Follow the tail'),
    h('label', {for: 'log-search'}, 'Search'), search,
    h('button', {type: 'button', id: 'log-prev', 'aria-label': 'Previous match',
      onclick: () => view.step(-1)}, '↑'),
    h('button', {type: 'button', id: 'log-next', 'aria-label': 'Next match',
      onclick: () => view.step(1)}, '↓'),
    count, logState);
  main.append(crumbs, title, facts, stepsBox, versionsBox, reportBox,
    h('section', {class: 'log-section'}, h('h2', {}, 'Log'), logTools, pre));

  let run = null;
  let steps = [];
  let left = false;
  let lineSource = null;
  let logSource = null;
  let lines = 0;

  view.onFollow = (on) => { follow.checked = on; };
  view.onMatches = (current, total) => {
    count.textContent = search.value === '' ? ''
      : total === 0 ? 'no match' : `${current < 0 ? 0 : current + 1} of ${total}`;
  };
  view.onDrawn = (n) => { logState.textContent = live() ? `${n} lines, live` : `${n} lines`; };
  follow.addEventListener('change', () => view.setFollow(follow.checked));
  pre.addEventListener('wheel', (e) => { if (e.deltaY < 0 && view.follow) view.setFollow(false); },
    {passive: true});
  let searching = null;
  search.addEventListener('input', () => {
    clearTimeout(searching);
    searching = setTimeout(() => view.search(search.value), 150);
  });
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(searching);
      if (view.query !== search.value.toLowerCase()) view.search(search.value);
      else view.step(e.shiftKey ? -1 : 1);
    }
  });
  if (parts[2]) showLine(parts[2]);
  load();
  return {
    leave: () => {
      left = true;
      lineSource?.close();
      logSource?.close();
    },
    hash: (p) => { if (p[2]) showLine(p[2]); },
  };

  function live() {
    return run !== null && (run.status === 'queued' || run.status === 'processing');
  }

  function showLine(part) {
    const n = Number(/^L(\d+)$/.exec(part)?.[1]);
    if (n > 0) view.show(n);
  }

  async function load() {
    try {
      run = await api(apiPath('runs', id));
    } catch (e) {
      if (!left) main.append(notice('error', `cannot read run ${id}: ${e.message}`));
      return;
    }
    if (left) return;
    steps = run.steps || [];
    draw();
    if (!parts[2]) view.setFollow(live());
    logSource = events(apiPath('runs', id, 'log'), {
      line: (e) => {
        lines += 1;
        const n = Number(e.lastEventId) || lines;
        view.add(n, e.data);
      },
      end: (e) => {
        logSource.close();
        run = JSON.parse(e.data);
        steps = run.steps || steps;
        draw();
        view.onDrawn(view.lines.length + view.queue.length);
      },
    });
    lineSource = events(apiPath('lines', run.line, 'events'), {
      step: (e) => {
        const d = JSON.parse(e.data);
        if (String(d.runId) !== String(id)) return;
        const i = steps.findIndex((s) => s.name === d.step.name && s.status === 'processing');
        if (i >= 0) steps[i] = d.step;
        else steps.push(d.step);
        drawSteps();
      },
      job: (e) => {
        const d = JSON.parse(e.data);
        if (String(d.runId) !== String(id)) return;
        Object.assign(run, {status: d.status, startedAt: d.startedAt, finishedAt: d.finishedAt});
        drawFacts();
      },
    });
  }

  function draw() {
    crumbs.replaceChildren(h('a', {href: '#/lines'}, 'Lines'), ' / ',
      h('a', {href: route('lines', run.line)}, run.line), ' / ',
      h('a', {href: route('lines', run.line, 'jobs', run.job)}, run.job), ' / ');
    title.textContent = `${run.job} #${run.buildNumber}`;
    document.title = `${run.job} #${run.buildNumber} · ${run.line} · shiprun`;
    drawFacts();
    drawSteps();
    drawVersions();
    drawReport();
  }

  function drawFacts() {
    const fact = (term, ...value) => [h('dt', {}, term), h('dd', {}, ...value)];
    facts.replaceChildren(
      ...fact('Status', h('span', {id: 'run-status', 'data-status': run.status}, statusChip(run.status))),
      ...fact('Triggered by', run.triggeredBy || '–'),
      ...fact('Queued', when(run.createdAt)),
      ...fact('Started', when(run.startedAt)),
      ...fact('Finished', when(run.finishedAt)),
      ...fact('Duration', duration(runDuration(run))),
      ...(run.reason ? fact('Reason', run.reason) : []),
      ...(live() ? fact('', h('button', {type: 'button', class: 'cancel', onclick: cancel}, 'Cancel'))
        : []));
  }

  async function cancel(e) {
    e.currentTarget.disabled = true;
    try {
      await api(apiPath('runs', id, 'cancel'), {method: 'POST'});
    } catch (err) {
      facts.after(notice('error', `cannot cancel run ${id}: ${err.message}`));
    }
  }

  function drawSteps() {
    if (!steps.length) {
      stepsBox.replaceChildren();
      return;
    }
    stepsBox.replaceChildren(h('h2', {id: 'steps-h'}, 'Steps'), table('Steps',
      ['Step', 'Kind', 'Status', 'Duration'],
      steps.map((s) => h('tr', {'data-step': s.name, 'data-status': s.status},
        h('th', {scope: 'row'}, s.name), h('td', {}, s.kind || ''),
        h('td', {}, statusChip(s.status)),
        h('td', {}, s.status === 'processing' ? 'running' : duration(s.durationMs)))),
      {class: 'steps'}));
  }

  function drawVersions() {
    const versions = run.versions || [];
    versionsBox.replaceChildren(...(versions.length ? [h('h2', {}, 'Versions made'),
      table('Versions made', ['Resource', 'Number', 'Version'],
        versions.map((v) => h('tr', {},
          h('th', {scope: 'row'}, v.kind === 'job' ? `${v.name} (the job's state)`
            : h('a', {href: route('lines', run.line, 'resources', v.name)}, v.name)),
          h('td', {}, String(v.number)), h('td', {}, v.versionName || '–'))))] : []));
  }

  function drawReport() {
    const report = run.report;
    if (!report) {
      reportBox.replaceChildren();
      return;
    }
    const parts = [h('h2', {}, 'Tests and coverage')];
    if (report.tests) parts.push(h('p', {}, testLine(report.tests)));
    if (report.coverage) parts.push(h('p', {}, coverageLine(report.coverage)));
    const matrix = report.matrix || [];
    if (matrix.length) {
      parts.push(table('Matrix', ['Job', 'Status', 'Environment', 'Tests', 'Coverage', 'Duration'],
        matrix.map((m) => h('tr', {},
          h('th', {scope: 'row'}, m.number), h('td', {}, statusChip(m.status),
            m.reason ? h('div', {class: 'reason'}, m.reason) : null),
          h('td', {}, [m.env, m.version, m.image].filter(Boolean).join(' · ')),
          h('td', {}, m.tests ? testLine(m.tests) : '–'),
          h('td', {}, m.coverage ? coverageLine(m.coverage) : '–'),
          h('td', {}, duration(m.durationMs)))), {class: 'matrix'}));
      const failed = matrix.flatMap((m) => (m.tests?.failedTests || []).map((t) => ({...t, job: m.number})));
      if (failed.length) {
        parts.push(h('h3', {}, 'Failed tests'), h('ul', {class: 'failed-tests'}, failed.map((t) =>
          h('li', {}, h('strong', {}, `${t.suite ? t.suite + '.' : ''}${t.name}`), ` (${t.job})`,
            t.message ? h('pre', {class: 'message'}, t.message) : null))));
      }
    }
    reportBox.replaceChildren(...parts);
  }
}

function testLine(t) {
  return `${t.total} tests: ${t.passed} passed, ${t.failed} failed, ${t.errors} errors, `
    + `${t.skipped} skipped`;
}

function coverageLine(c) {
  return ['lines', 'branches'].filter((k) => c[k] !== undefined)
    .map((k) => `${k} ${Number(c[k]).toFixed(1)} %`).join(', ');
}
