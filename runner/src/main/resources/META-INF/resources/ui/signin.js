// Sign in: the API token once, exchanged for a session cookie; the token is not kept.
import {signIn} from './api.js';
import {h, notice} from './dom.js';

export function signInPage(main, parts, ctx) {
  document.title = 'Sign in · shiprun';
  const token = h('input', {id: 'token', name: 'token', type: 'password', required: true,
    autocomplete: 'current-password', spellcheck: 'false', 'aria-describedby': 'token-help'});
  const message = h('div', {id: 'signin-message'},
    ctx.message ? notice('info', ctx.message) : null);
  const submit = h('button', {type: 'submit'}, 'Sign in');
  const form = h('form', {id: 'signin', class: 'card narrow'},
    h('label', {for: 'token'}, 'API token'),
    token,
    h('p', {id: 'token-help', class: 'help'},
      'The token of the daemon: SHIPRUN_API_TOKEN where it runs, else the file api-token in its',
      ' home. It is sent once; the browser then holds a session cookie.'),
    submit,
    message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    message.replaceChildren();
    try {
      await signIn(token.value);
      token.value = '';
      ctx.signedIn();
    } catch (err) {
      const text = err.status === 401
        ? 'the daemon refused this token; give the token of this daemon'
        : `cannot sign in: ${err.message}`;
      message.replaceChildren(notice('error', text));
      token.select();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(h('h1', {}, 'Sign in'), form);
  token.focus();
  return {};
}
