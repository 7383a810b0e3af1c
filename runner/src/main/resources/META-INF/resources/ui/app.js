// The page's router: the hash names the page (#/lines, #/lines/LINE, #/runs/ID/L42 …); each page
// module renders into <main> and hands back what to stop when the user leaves it.
import {resumeSession, signOut, signedIn, whenSignedOut} from './api.js';
import {h, notice} from './dom.js';
import {signInPage} from './signin.js';
import {linesPage} from './lines.js';
import {linePage} from './line.js';
import {jobPage} from './job.js';
import {runPage} from './run.js';
import {resourcePage} from './resource.js';
import {integrationsPage} from './integrations.js';

const main = document.getElementById('main');
let current = null; // {key, page: {leave(), hash(parts)?}}
let afterSignIn = '#/lines';

/** The parts of the hash, decoded: '#/lines/a%2Fb' is ['lines', 'a/b']. */
function parts(hash) {
  if (!hash.startsWith('#/')) return null;
  return hash.slice(2).split('/').filter((p) => p !== '').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
}

/** Which page a hash shows, and the key that says when a new hash is the same page. */
function match(p) {
  if (p.length === 1 && p[0] === 'signin') return {key: 'signin', render: signInPage};
  if (p.length === 1 && p[0] === 'lines') return {key: 'lines', render: linesPage};
  if (p.length === 2 && p[0] === 'lines') return {key: 'line:' + p[1], render: linePage};
  if (p.length === 4 && p[0] === 'lines' && p[2] === 'jobs') {
    return {key: `job:${p[1]}/${p[3]}`, render: jobPage};
  }
  if (p.length === 4 && p[0] === 'lines' && p[2] === 'resources') {
    return {key: `resource:${p[1]}/${p[3]}`, render: resourcePage};
  }
  if ((p.length === 2 || p.length === 3) && p[0] === 'runs') {
    return {key: 'run:' + p[1], render: runPage};
  }
  if (p.length === 1 && p[0] === 'integrations') {
    return {key: 'integrations', render: integrationsPage};
  }
  return null;
}

function show(page, p, message) {
  if (current) current.page.leave?.();
  main.replaceChildren();
  current = {key: page.key, page: page.render(main, p, {message, signedIn: signedInNow}) || {}};
  document.querySelectorAll('#nav a').forEach((a) => {
    const here = a.dataset.nav === (p[0] === 'runs' ? 'lines' : p[0]);
    if (here) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function route() {
  let p = parts(location.hash);
  if (p === null || p.length === 0) {
    if (location.hash !== '' && location.hash !== '#' && location.hash !== '#/') return;
    location.replace('#/lines');
    return;
  }
  if (!signedIn() && p[0] !== 'signin') {
    afterSignIn = location.hash;
    location.replace('#/signin');
    p = ['signin'];
  }
  if (signedIn() && p[0] === 'signin') {
    location.replace(afterSignIn);
    return;
  }
  setChrome();
  const page = match(p);
  if (page === null) {
    if (current) current.page.leave?.();
    current = null;
    document.title = 'Not found · shiprun';
    main.replaceChildren(h('h1', {}, 'Not found'),
      h('p', {}, 'No page has this address. ', h('a', {href: '#/lines'}, 'See every line')));
    return;
  }
  if (current && current.key === page.key) {
    current.page.hash?.(p); // the same page, perhaps another part of it (a log line)
    return;
  }
  show(page, p);
}

function setChrome() {
  const on = signedIn();
  document.getElementById('nav').hidden = !on;
  document.getElementById('signout').hidden = !on;
}

whenSignedOut((message) => {
  if (parts(location.hash)?.[0] !== 'signin') afterSignIn = location.hash || '#/lines';
  setChrome();
  if (current) current.page.leave?.();
  current = null;
  if (location.hash !== '#/signin') history.replaceState(null, '', '#/signin');
  show(match(['signin']), ['signin'], message);
});

document.getElementById('signout').addEventListener('click', async () => {
  await signOut();
  afterSignIn = '#/lines';
  setChrome();
  navigate('#/signin');
});

document.getElementById('skip').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});

/** After signing in: back to where the user was going. */
function signedInNow() {
  setChrome();
  const target = afterSignIn === '#/signin' ? '#/lines' : afterSignIn;
  location.replace(target);
  if (location.hash === target) route();
}

window.addEventListener('hashchange', () => route());

(async () => {
  try {
    await resumeSession();
  } catch (e) {
    main.replaceChildren(h('h1', {}, 'shiprun'),
      notice('error', `the daemon does not answer: ${e.message}; reload the page to try again`));
    return;
  }
  route();
})();
