// The daemon's API as the page uses it: relative URLs (the page may sit behind a proxy at a
// sub-path), the session cookie the browser sends by itself, and the CSRF token of the session,
// kept in this module's variable only (never in storage, never in a URL).

let csrf = null;
let onSignedOut = () => {};

/** Who to tell when the daemon no longer knows this browser (a 401): the sign-in page. */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

export function signedIn() {
  return csrf !== null;
}

/** An answer that is not 2xx: its status and the problem's detail, for the user. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `the daemon answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** Asks the daemon whether this browser holds a session; true when it does. */
export async function resumeSession() {
  const r = await fetch('api/session', {headers: {Accept: 'application/json'}, cache: 'no-store'});
  if (r.ok) {
    csrf = (await r.json()).csrf;
    return true;
  }
  csrf = null;
  return false;
}

/** Exchanges the API token for a session; throws an ApiError when the daemon refuses it. */
export async function signIn(token) {
  const r = await fetch('api/session', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify({token}),
    cache: 'no-store',
  });
  if (!r.ok) throw new ApiError(r.status, await problem(r));
  csrf = (await r.json()).csrf;
}

export async function signOut() {
  try {
    await fetch('api/session', {method: 'DELETE', headers: csrfHeader()});
  } finally {
    csrf = null;
  }
}

/**
 * A request to the API: JSON in and out. A body object is sent as JSON; every method but GET
 * carries the CSRF token. A 401 ends the session on the page and throws.
 */
export async function api(path, options = {}) {
  const method = options.method || 'GET';
  const headers = {Accept: options.accept || 'application/json'};
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  const r = await fetch(path, {method, headers, body, cache: 'no-store'});
  if (r.status === 401) {
    csrf = null;
    onSignedOut('your session has ended; sign in again');
    throw new ApiError(401, await problem(r));
  }
  if (!r.ok) throw new ApiError(r.status, await problem(r));
  if (r.status === 204) return null;
  const type = r.headers.get('Content-Type') || '';
  return type.includes('json') ? r.json() : r.text();
}

function csrfHeader() {
  return csrf ? {'X-CSRF-Token': csrf} : {};
}

async function problem(r) {
  try {
    return await r.json();
  } catch {
    return null;
  }
}

/**
 * Server-Sent Events from the API: handlers per event name, each given the event. When the stream
 * breaks for good, the session is checked again (an EventSource does not see a 401 as such).
 */
export function events(path, handlers) {
  const source = new EventSource(path);
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, handler);
  }
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) checkSession();
  });
  return source;
}

async function checkSession() {
  if (csrf !== null && !(await resumeSession())) {
    onSignedOut('your session has ended; sign in again');
  }
}
