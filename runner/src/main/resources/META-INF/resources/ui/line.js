// One assembly line as a picture (the SPOG): the daemon's SVG, zoom and pan, every node a link,
// kept live by the line's events; beside it the same jobs and resources as lists.
import {api, events} from './api.js';
import {apiPath, h, notice, route, statusChip} from './dom.js';
import {zoomable} from './zoom.js';

export function linePage(main, parts) {
  const line = parts[1];
  document.title = `${line} · shiprun`;
  const picture = h('div', {id: 'picture', class: 'picture', tabindex: '0',
    'aria-label': `picture of line ${line}: drag or use the arrow keys to move, + and − to zoom,`
      + ' 0 to fit'}, h('p', {class: 'loading'}, 'Drawing…'));
  const tools = h('div', {class: 'toolbar', role: 'group', 'aria-label': 'zoom'});
  const lists = h('div', {class: 'node-lists'});
  const live = h('p', {id: 'line-live', class: 'visually-hidden', role: 'status'});
  main.append(
    h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '#/lines'}, 'Lines'), ' / '),
    h('h1', {}, line), tools, picture, live, lists);
  let source = null;
  let left = false;
  load();
  return {leave: () => { left = true; source?.close(); }};

  async function load() {
    let text;
    try {
      text = await api(apiPath('lines', line, 'picture'), {accept: 'image/svg+xml'});
    } catch (e) {
      if (!left) picture.replaceChildren(notice('error', `cannot draw line ${line}: ${e.message}`));
      return;
    }
    if (left) return;
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = document.importNode(parsed.documentElement, true);
    if (svg.localName !== 'svg') {
      picture.replaceChildren(notice('error', `the daemon's picture of ${line} is not an SVG`));
      return;
    }
    // A small line gets a box its size; a big one at most most of the window.
    const height = Number((svg.getAttribute('viewBox') || '').split(/[\s,]+/)[3]);
    if (height > 0) picture.style.height = `min(65vh, ${Math.ceil(height * 1.25) + 40}px)`;
    picture.replaceChildren(svg);
    performance.mark('graph-drawn');
    const view = zoomable(picture, svg);
    tools.append(
      h('button', {type: 'button', class: 'zoom-in', title: 'Zoom in', 'aria-label': 'Zoom in',
        onclick: view.zoomIn}, '+'),
      h('button', {type: 'button', class: 'zoom-out', title: 'Zoom out', 'aria-label': 'Zoom out',
        onclick: view.zoomOut}, '−'),
      h('button', {type: 'button', class: 'zoom-fit', onclick: view.fit}, 'fit'));
    linkNodes(svg);
    lists.replaceChildren(...nodeLists(svg));
    source = events(apiPath('lines', line, 'events'), {
      job: (e) => onJob(JSON.parse(e.data)),
      version: (e) => onVersion(JSON.parse(e.data)),
    });
  }

  function href(node) {
    const kind = node.getAttribute('data-kind') === 'job' ? 'jobs' : 'resources';
    return route('lines', line, kind, node.getAttribute('data-name'));
  }

  function linkNodes(svg) {
    // A name another repository defines has no page here: it stays a picture.
    for (const node of svg.querySelectorAll('g.node[data-kind="job"], g.node[data-kind="resource"]')) {
      const name = node.getAttribute('data-name');
      const kind = node.getAttribute('data-kind');
      node.setAttribute('tabindex', '0');
      node.setAttribute('role', 'link');
      node.setAttribute('aria-label', nodeLabel(node));
      node.addEventListener('click', () => { location.hash = href(node); });
      node.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          location.hash = href(node);
        }
      });
    }
  }

  function nodeLists(svg) {
    const jobs = [...svg.querySelectorAll('g.node[data-kind="job"]')];
    const resources = [...svg.querySelectorAll('g.node[data-kind="resource"]')];
    return [
      h('section', {class: 'node-list'}, h('h2', {}, 'Jobs'),
        h('ul', {id: 'job-list'}, jobs.map((n) => h('li', {'data-job': n.getAttribute('data-name')},
          h('a', {href: href(n)}, n.getAttribute('data-name')), ' ',
          h('span', {class: 'muted'}, n.getAttribute('data-type') || ''), ' ',
          statusChip(n.getAttribute('data-status') || 'none'))))),
      h('section', {class: 'node-list'}, h('h2', {}, 'Resources'),
        h('ul', {id: 'resource-list'}, resources.map((n) =>
          h('li', {'data-resource': n.getAttribute('data-name')},
            h('a', {href: href(n)}, n.getAttribute('data-name')), ' ',
            h('span', {class: 'muted'}, n.getAttribute('data-type') || ''), ' ',
            h('span', {class: 'version'}, versionOf(n)))))),
    ];
  }

  function onJob(event) {
    const node = nodeOf('job', event.job);
    if (node) {
      const status = event.status || 'none';
      for (const c of [...node.classList]) {
        if (c.startsWith('status-')) node.classList.remove(c);
      }
      node.classList.add('status-' + status);
      node.setAttribute('data-status', status);
      const type = node.getAttribute('data-type') || 'job';
      const detail = node.querySelector('text.detail');
      if (detail && event.buildNumber) fit(node, detail, `${type} · #${event.buildNumber}`);
      setTitle(node, `${event.job}: job (${type}), build #${event.buildNumber} ${status}`);
      node.setAttribute('aria-label', nodeLabel(node));
    }
    const item = lists.querySelector(`li[data-job="${CSS.escape(event.job)}"] .chip`);
    if (item) item.replaceWith(statusChip(event.status));
    live.textContent = `${event.job} #${event.buildNumber}: ${event.status}`;
  }

  function onVersion(event) {
    const node = nodeOf('resource', event.resource);
    if (node) {
      const text = node.querySelector('text.version') || node.querySelector('text.detail');
      if (text && event.versionName) {
        text.classList.add('version');
        node.setAttribute('data-version', event.versionName);
        fit(node, text, event.versionName);
        setTitle(node, `${event.resource}: resource (${node.getAttribute('data-type')}),`
          + ` version ${event.versionName}`);
      }
      node.setAttribute('aria-label', nodeLabel(node));
    }
    const item = lists.querySelector(`li[data-resource="${CSS.escape(event.resource)}"] .version`);
    if (item) item.textContent = event.versionName || '';
  }

  function nodeOf(kind, name) {
    return picture.querySelector(`g.node[data-kind="${kind}"][data-name="${CSS.escape(name)}"]`);
  }
}

function versionOf(node) {
  return node.getAttribute('data-version') || '';
}

/** Puts value in a node's text, cut with … where it would leave the node's box. */
function fit(node, text, value) {
  text.textContent = value;
  const box = node.querySelector('rect');
  const room = (Number(box?.getAttribute('width')) || 120) - 2 * (Number(text.getAttribute('x')) || 12);
  const chars = [...value];
  while (chars.length > 1 && text.getComputedTextLength() > room) {
    chars.pop();
    text.textContent = chars.join('') + '…';
  }
}

function setTitle(node, value) {
  const title = node.querySelector('title');
  if (title) title.textContent = value;
}

function nodeLabel(node) {
  const name = node.getAttribute('data-name');
  if (node.getAttribute('data-kind') === 'job') {
    const status = node.getAttribute('data-status') || 'none';
    return `job ${name}, ${status === 'none' ? 'not run yet' : 'latest run ' + status}`;
  }
  const version = versionOf(node);
  return `resource ${name}${version ? ', version ' + version : ''}`;
}
