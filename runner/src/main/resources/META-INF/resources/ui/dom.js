// Small DOM helpers: every text goes in through textContent or attributes, never as HTML.

/** An element: h('a', {href: '#/lines', class: 'x'}, 'text', child, [more]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children: nodes, strings (as text), arrays of them; null and false are skipped. */
export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
  return el;
}

/** A table in a box that scrolls sideways on its own, so the page never does. */
export function table(caption, headers, rows, attrs) {
  return h('div', {class: 'table-wrap'},
    h('table', attrs || {},
      caption ? h('caption', {class: 'visually-hidden'}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((t) => h('th', {scope: 'col'}, t)))),
      h('tbody', {}, rows)));
}

/** The hash of a route, its parts encoded: route('lines', name, 'jobs', job). */
export function route(...parts) {
  return '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
}

/** An API path, its parts encoded: apiPath('lines', name, 'picture') is api/lines/NAME/picture. */
export function apiPath(...parts) {
  return 'api/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
}

/** A status chip: its text is the status, its colour comes from its class. */
export function statusChip(status, count) {
  const s = status || 'none';
  return h('span', {class: 'chip status-' + s, 'data-status': s},
    count === undefined ? label(s) : `${count} ${label(s)}`);
}

function label(status) {
  return status === 'none' ? 'not run' : status;
}

/** A time shown as how long ago, the ISO time in its title and datetime. */
export function when(iso) {
  if (!iso) return h('span', {class: 'muted'}, '–');
  return h('time', {datetime: iso, title: iso}, ago(iso));
}

export function ago(iso) {
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds)) return iso;
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

/** A duration in milliseconds as people read it: 820 ms, 4.2 s, 3 min 5 s. */
export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** How long a run took, or has taken so far. */
export function runDuration(run) {
  if (!run.startedAt) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : Date.now();
  return end - Date.parse(run.startedAt);
}

/** A message for the user in a live region: kind 'error' (role=alert) or 'info' (role=status). */
export function notice(kind, text) {
  return h('p', {class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status'}, text);
}

/** Diagnostics as `shiprun validate` prints them: file:line:col: error[CODE]: message, hints. */
export function diagnostics(list) {
  const lines = [];
  for (const d of list || []) {
    const where = d.line ? `${d.file}:${d.line}:${d.column}` : d.file;
    lines.push(`${where}: ${d.severity}[${d.code}]: ${d.message}`);
    for (const hint of d.hints || []) lines.push(`  hint: ${hint}`);
  }
  return h('pre', {class: 'diagnostics'}, lines.join('\n'));
}
