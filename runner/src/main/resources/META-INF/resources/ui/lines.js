// Every assembly line: validity, its jobs' statuses, its last run; an invalid line's diagnostics.
import {api} from './api.js';
import {apiPath, diagnostics, h, notice, route, statusChip, table, when} from './dom.js';

const ORDER = ['processing', 'queued', 'failure', 'error', 'timeout', 'interrupted', 'cancelled',
  'success', 'none'];

export function linesPage(main) {
  document.title = 'Lines · shiprun';
  const body = h('div', {}, h('p', {class: 'loading'}, 'Loading…'));
  main.append(h('h1', {}, 'Assembly lines'), body);
  let left = false;
  load();
  return {leave: () => { left = true; }};

  async function load() {
    let lines;
    try {
      lines = await api('api/lines');
    } catch (e) {
      if (!left) body.replaceChildren(notice('error', `cannot list the lines: ${e.message}`));
      return;
    }
    if (left) return;
    if (lines.length === 0) {
      body.replaceChildren(h('p', {}, 'The daemon holds no line yet. Add one with ',
        h('code', {}, 'curl -X PUT … api/lines/NAME'), ' (docs/api.md).'));
      return;
    }
    const invalid = h('div', {class: 'invalid-lines'});
    body.replaceChildren(table('Assembly lines',
      ['Line', 'Valid', 'Jobs', 'Last run'], lines.map(row), {id: 'lines'}), invalid);
    for (const line of lines.filter((l) => !l.valid)) {
      showDiagnostics(line, invalid);
    }
  }

  async function showDiagnostics(line, box) {
    try {
      const detail = await api(apiPath('lines', line.name));
      if (left) return;
      box.append(h('section', {class: 'line-diagnostics', 'data-line': line.name},
        h('h2', {}, `Why ${line.name} is invalid`), diagnostics(detail.diagnostics)));
    } catch (e) {
      box.append(notice('error', `cannot read line ${line.name}: ${e.message}`));
    }
  }
}

function row(line) {
  const errors = line.errors || 0;
  const badge = line.valid
    ? h('span', {class: 'badge valid'}, 'valid')
    : h('span', {class: 'badge invalid'}, `${errors} ${errors === 1 ? 'error' : 'errors'}`);
  const counts = line.statusCounts || {};
  const chips = Object.keys(counts)
    .sort((a, b) => rank(a) - rank(b))
    .map((s) => statusChip(s, counts[s]));
  const last = line.lastRun
    ? [h('a', {href: route('runs', line.lastRun.id)}, line.lastRun.job), ' ',
      statusChip(line.lastRun.status), ' ', when(line.lastRun.finishedAt)]
    : h('span', {class: 'muted'}, 'no run yet');
  return h('tr', {'data-line': line.name},
    h('th', {scope: 'row'}, h('a', {href: route('lines', line.name)}, line.name)),
    h('td', {}, badge),
    h('td', {}, h('div', {class: 'chips'},
      chips.length ? chips : h('span', {class: 'muted'}, `${line.jobs} jobs`))),
    h('td', {}, last));
}

function rank(status) {
  const i = ORDER.indexOf(status);
  return i < 0 ? ORDER.length : i;
}
