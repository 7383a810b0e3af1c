// A job: its runs (newest first), "Run now" with variables, and cancel for a run that has not
// ended; kept live by the line's events.
import {api, events} from './api.js';
import {apiPath, duration, h, notice, route, runDuration, statusChip, table, when} from './dom.js';

const ACTIVE = new Set(['queued', 'processing']);

export function jobPage(main, parts) {
  const line = parts[1];
  const job = parts[3];
  document.title = `${job} · ${line} · shiprun`;
  const runsBox = h('div', {id: 'runs'}, h('p', {class: 'loading'}, 'Loading…'));
  const message = h('div', {class: 'messages'});
  main.append(
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'},
      h('a', {href: '#/lines'}, 'Lines'), ' / ', h('a', {href: route('lines', line)}, line), ' / '),
    h('h1', {}, job), runForm(), message, h('h2', {}, 'Runs'), runsBox);
  let left = false;
  let reloading = null;
  const source = events(apiPath('lines', line, 'events'), {
    job: (e) => { if (JSON.parse(e.data).job === job) reload(); },
    version: () => reload(),
  });
  load();
  return {leave: () => { left = true; source.close(); }};

  /** Reloads the runs once, however many events arrive while it does. */
  function reload() {
    if (reloading) return;
    reloading = setTimeout(() => { reloading = null; load(); }, 100);
  }

  async function load() {
    let runs;
    try {
      runs = await api(`api/runs?line=${encodeURIComponent(line)}&job=${encodeURIComponent(job)}`
        + '&limit=100');
    } catch (e) {
      if (!left) runsBox.replaceChildren(notice('error', `cannot list the runs: ${e.message}`));
      return;
    }
    if (left) return;
    if (runs.length === 0) {
      runsBox.replaceChildren(h('p', {}, `${job} has not run yet.`));
      return;
    }
    runsBox.replaceChildren(table(`Runs of ${job}`,
      ['Build', 'Status', 'Triggered by', 'Started', 'Duration', 'Versions made', ''],
      runs.map(row), {class: 'runs'}));
  }

  function row(run) {
    const versions = (run.versions || []).map((v) => h('li', {},
      h('a', {href: route('lines', line, 'resources', v.name)}, v.name), ` #${v.number}`,
      v.versionName ? ` ${v.versionName}` : ''));
    return h('tr', {'data-run': run.id, 'data-status': run.status},
      h('th', {scope: 'row'}, h('a', {href: route('runs', run.id)}, `#${run.buildNumber}`)),
      h('td', {}, statusChip(run.status), run.reason ? h('div', {class: 'reason'}, run.reason) : null),
      h('td', {}, run.triggeredBy || '–'),
      h('td', {}, when(run.startedAt || run.createdAt)),
      h('td', {}, duration(runDuration(run))),
      h('td', {}, versions.length ? h('ul', {class: 'plain'}, versions) : h('span', {class: 'muted'}, '–')),
      h('td', {}, ACTIVE.has(run.status)
        ? h('button', {type: 'button', class: 'cancel', 'aria-label': `Cancel build #${run.buildNumber}`,
          onclick: (e) => cancel(run, e.currentTarget)}, 'Cancel')
        : null));
  }

  async function cancel(run, button) {
    button.disabled = true;
    try {
      const answer = await api(apiPath('runs', run.id, 'cancel'), {method: 'POST'});
      message.replaceChildren(notice('info', `cancel build #${run.buildNumber}: ${answer.outcome}`));
    } catch (e) {
      button.disabled = false;
      message.replaceChildren(notice('error', `cannot cancel build #${run.buildNumber}: ${e.message}`));
    }
    reload();
  }

  function runForm() {
    const rows = h('div', {class: 'variables'});
    const add = h('button', {type: 'button', class: 'add-variable', onclick: () => addRow()},
      'Add a variable');
    const submit = h('button', {type: 'submit', id: 'run-now', class: 'primary'}, 'Run now');
    const form = h('form', {id: 'run-form', class: 'card'},
      h('fieldset', {},
        h('legend', {}, 'Variables for this run (optional, NAME=value, not secret)'),
        rows, add),
      submit);
    let n = 0;
    function addRow() {
      n += 1;
      const name = h('input', {id: `var-name-${n}`, class: 'var-name', pattern: '[A-Za-z_][A-Za-z0-9_]*',
        autocomplete: 'off', spellcheck: 'false'});
      const value = h('input', {id: `var-value-${n}`, class: 'var-value', autocomplete: 'off'});
      const rowEl = h('div', {class: 'variable'},
        h('label', {for: name.id}, 'Name'), name,
        h('label', {for: value.id}, 'Value'), value,
        h('button', {type: 'button', class: 'remove', 'aria-label': 'Remove this variable',
          onclick: () => { rowEl.remove(); add.focus(); }}, 'Remove'));
      rows.append(rowEl);
      name.focus();
    }
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const variables = {};
      for (const r of rows.querySelectorAll('.variable')) {
        const name = r.querySelector('.var-name').value.trim();
        if (name) variables[name] = r.querySelector('.var-value').value;
      }
      submit.disabled = true;
      try {
        const run = await api(apiPath('lines', line, 'jobs', job, 'runs'),
          {method: 'POST', body: Object.keys(variables).length ? {variables} : {}});
        message.replaceChildren(h('p', {class: 'notice info', role: 'status'},
          'Queued ', h('a', {href: route('runs', run.id)}, `build #${run.buildNumber}`), '.'));
        reload();
      } catch (err) {
        message.replaceChildren(notice('error', `cannot run ${job}: ${err.message}`));
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }
}
