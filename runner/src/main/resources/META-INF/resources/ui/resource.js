// A resource: every version, newest first, with its properties (the API shows secrets as ***).
import {api} from './api.js';
import {apiPath, h, notice, route, table, when} from './dom.js';

export function resourcePage(main, parts) {
  const line = parts[1];
  const name = parts[3];
  document.title = `${name} · ${line} · shiprun`;
  const body = h('div', {}, h('p', {class: 'loading'}, 'Loading…'));
  main.append(
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'},
      h('a', {href: '#/lines'}, 'Lines'), ' / ', h('a', {href: route('lines', line)}, line), ' / '),
    h('h1', {}, name), h('h2', {}, 'Versions'), body);
  let left = false;
  load();
  return {leave: () => { left = true; }};

  async function load() {
    let versions;
    try {
      versions = await api(apiPath('resources', line, name, 'versions'));
    } catch (e) {
      if (!left) body.replaceChildren(notice('error', `cannot list the versions: ${e.message}`));
      return;
    }
    if (left) return;
    if (!versions.length) {
      body.replaceChildren(h('p', {}, `${name} has no version yet.`));
      return;
    }
    body.replaceChildren(table(`Versions of ${name}`,
      ['Number', 'Version', 'Made by', 'When', 'Properties'],
      versions.map((v) => h('tr', {'data-version': v.number},
        h('th', {scope: 'row'}, String(v.number)),
        h('td', {}, v.versionName ?? '–'),
        h('td', {}, v.createdByRun ? h('a', {href: route('runs', v.createdByRun)}, `run ${v.createdByRun}`)
          : h('span', {class: 'muted'}, 'the line (YAML)')),
        h('td', {}, when(v.createdAt)),
        h('td', {}, properties(v)))), {class: 'versions'}));
  }
}

function properties(v) {
  const bag = v.propertyBag || {};
  const keys = Object.keys(bag);
  if (!keys.length && !v.filesSha) return h('span', {class: 'muted'}, '–');
  return h('details', {},
    h('summary', {}, `${keys.length} ${keys.length === 1 ? 'property' : 'properties'}`),
    h('pre', {class: 'properties'}, JSON.stringify(bag, null, 2)
      + (v.filesSha ? `\nfiles: ${v.filesSha}` : '')));
}
