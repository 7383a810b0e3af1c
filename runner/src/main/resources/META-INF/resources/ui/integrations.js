// The daemon's account integrations: names, types and plain fields (secrets come as ***); add or
// replace one (secret fields are write-only, so they are asked for each time); test a Docker
// Registry one against its registry.
import {api} from './api.js';
import {apiPath, h, notice, table} from './dom.js';

// The built-in types and their fields as PUT api/integrations/{name} takes them
// (secrets.IntegrationBuilder): [name, secret, required, kind].
const TYPES = {
  dockerRegistryLogin: ['Docker Registry',
    [['url', false, false, 'url'], ['username', false, true], ['password', true, true],
      ['email', false, false]]],
  amazonKeys: ['AWS Keys', [['accessKey', false, true], ['secretKey', true, true]]],
  keyValuePair: ['Key-Value pair', [['envs', true, true, 'map']]],
  sshKey: ['SSH Key', [['publicKey', false, true, 'text'], ['privateKey', true, true, 'text']]],
  pemKey: ['PEM Key', [['key', true, true, 'text']]],
  gcloudKey: ['Google Cloud', [['JSON_key', true, true, 'text']]],
  quayLogin: ['Quay.io', [['url', false, false, 'url'], ['username', false, true],
    ['password', true, true], ['email', false, false], ['accessToken', true, false]]],
  artifactoryKey: ['JFrog Artifactory', [['url', false, true, 'url'], ['username', false, true],
    ['password', true, true]]],
  kubernetesConfig: ['Kubernetes', [['kubeConfigContent', true, true, 'text']]],
  azureKeys: ['Azure', [['appId', false, true], ['password', true, true], ['tenant', false, true]]],
  slackKey: ['Slack', [['webhookUrl', true, true, 'url']]],
  webhookV2: ['Webhook', [['webhookURL', true, true, 'url'], ['authorization', true, false]]],
  gitCredential: ['Git Credential', [['host', false, true], ['port', false, false],
    ['username', false, true], ['password', true, true]]],
  github: ['GitHub', [['url', false, false, 'url'], ['token', true, true]]],
  bitbucket: ['Bitbucket', [['url', false, false, 'url'], ['username', false, false],
    ['token', true, true]]],
  gitlab: ['GitLab', [['url', false, true, 'url'], ['token', true, true]]],
  webhookSecret: ['Webhook secret', [['secret', true, true]]],
};
const TESTABLE = 'dockerRegistryLogin';

export function integrationsPage(main) {
  document.title = 'Integrations · shiprun';
  const list = h('div', {id: 'integrations'}, h('p', {class: 'loading'}, 'Loading…'));
  const messages = h('div', {class: 'messages', id: 'integration-messages'});
  const formBox = h('section', {'aria-labelledby': 'add-h'});
  main.append(h('h1', {}, 'Integrations'), messages, list, formBox);
  let left = false;
  formBox.append(...form());
  load();
  return {leave: () => { left = true; }};

  async function load() {
    let all;
    try {
      all = await api('api/integrations');
    } catch (e) {
      if (!left) list.replaceChildren(notice('error', `cannot list the integrations: ${e.message}`));
      return;
    }
    if (left) return;
    if (!all.length) {
      list.replaceChildren(h('p', {}, 'No integration yet.'));
      return;
    }
    list.replaceChildren(table('Integrations', ['Name', 'Type', 'Fields', ''],
      all.map(row), {class: 'integrations'}));
  }

  function row(integration) {
    const fields = Object.entries(integration.fields || {});
    const result = h('div', {class: 'test-result', role: 'status'});
    const insecure = h('input', {type: 'checkbox', class: 'insecure', id: `insecure-${integration.name}`});
    return h('tr', {'data-integration': integration.name},
      h('th', {scope: 'row'}, integration.name),
      h('td', {}, integration.type),
      h('td', {}, h('dl', {class: 'fields'}, fields.map(([k, v]) =>
        [h('dt', {}, k), h('dd', {}, typeof v === 'string' ? v : JSON.stringify(v))]))),
      h('td', {class: 'actions'},
        integration.type === TESTABLE ? [
          h('button', {type: 'button', class: 'test',
            onclick: (e) => test(integration.name, insecure.checked, result, e.currentTarget)}, 'Test'),
          h('label', {class: 'check', for: insecure.id}, insecure, ' plain http allowed'),
        ] : null,
        h('button', {type: 'button', class: 'remove',
          onclick: () => remove(integration.name)}, 'Remove'),
        result));
  }

  async function test(name, insecure, result, button) {
    button.disabled = true;
    result.replaceChildren(h('span', {class: 'muted'}, 'testing…'));
    try {
      const answer = await api(apiPath('integrations', name, 'test') + (insecure ? '?insecure=true' : ''),
        {method: 'POST'});
      result.replaceChildren(h('span', {class: answer.authenticated ? 'ok' : 'bad',
        'data-outcome': answer.outcome}, `${answer.outcome}: ${answer.message}`));
    } catch (e) {
      result.replaceChildren(h('span', {class: 'bad'}, `cannot test: ${e.message}`));
    } finally {
      button.disabled = false;
    }
  }

  async function remove(name) {
    if (!confirm(`Remove integration ${name}? Lines that use it cannot run until it is back.`)) return;
    try {
      await api(apiPath('integrations', name), {method: 'DELETE'});
      messages.replaceChildren(notice('info', `removed ${name}`));
    } catch (e) {
      messages.replaceChildren(notice('error', `cannot remove ${name}: ${e.message}`));
    }
    load();
  }

  function form() {
    const name = h('input', {id: 'integration-name', required: true, autocomplete: 'off',
      pattern: '[A-Za-z0-9][A-Za-z0-9._\\-]{0,199}', spellcheck: 'false'});
    const type = h('select', {id: 'integration-type'},
      Object.entries(TYPES).map(([id, [label]]) => h('option', {value: id}, `${label} (${id})`)));
    const fields = h('div', {class: 'fields-form'});
    const result = h('div', {class: 'messages'});
    const submit = h('button', {type: 'submit', class: 'primary', id: 'integration-save'},
      'Save integration');
    const el = h('form', {id: 'integration-form', class: 'card', autocomplete: 'off'},
      h('p', {class: 'help'}, 'Saving under a name that exists replaces that integration. Secret',
        ' fields are never shown again, so give them each time.'),
      h('label', {for: 'integration-name'}, 'Name'), name,
      h('label', {for: 'integration-type'}, 'Type'), type,
      fields, submit, result);
    const drawFields = () => fields.replaceChildren(...TYPES[type.value][1].map(field));
    type.addEventListener('change', drawFields);
    drawFields();
    el.addEventListener('submit', async (e) => {
      e.preventDefault();
      const values = {};
      for (const [fieldName, , , kind] of TYPES[type.value][1]) {
        if (kind === 'map') {
          const map = {};
          for (const r of fields.querySelectorAll(`.pair[data-field="${fieldName}"]`)) {
            const k = r.querySelector('.pair-name').value.trim();
            if (k) map[k] = r.querySelector('.pair-value').value;
          }
          values[fieldName] = map;
        } else {
          const v = fields.querySelector(`[data-field="${fieldName}"]`).value;
          if (v !== '') values[fieldName] = v;
        }
      }
      submit.disabled = true;
      try {
        await api(apiPath('integrations', name.value.trim()),
          {method: 'PUT', body: {type: type.value, fields: values}});
        result.replaceChildren(notice('info', `saved ${name.value.trim()}`));
        el.reset();
        drawFields();
        load();
      } catch (err) {
        result.replaceChildren(notice('error', `cannot save: ${err.message}`));
      } finally {
        submit.disabled = false;
      }
    });
    return [h('h2', {id: 'add-h'}, 'Add or replace an integration'), el];
  }
}

function field([name, secret, required, kind]) {
  const id = `field-${name}`;
  const label = h('label', {for: id}, name, required ? '' : ' (optional)', secret ? ' — secret' : '');
  if (kind === 'map') {
    const rows = h('div', {class: 'pairs'});
    const addPair = () => {
      const n = rows.children.length + 1;
      const k = h('input', {class: 'pair-name', id: `${id}-name-${n}`, autocomplete: 'off',
        spellcheck: 'false', required: n === 1});
      const v = h('input', {class: 'pair-value', id: `${id}-value-${n}`, type: 'password',
        autocomplete: 'new-password'});
      rows.append(h('div', {class: 'pair', 'data-field': name},
        h('label', {for: k.id}, 'Name'), k, h('label', {for: v.id}, 'Value'), v));
    };
    addPair();
    return h('fieldset', {class: 'field'}, h('legend', {}, `${name} — secret values`), rows,
      h('button', {type: 'button', onclick: addPair}, 'Add a value'));
  }
  const input = kind === 'text' && secret
    ? h('textarea', {id, rows: 4, 'data-field': name, required, spellcheck: 'false',
      autocomplete: 'off', class: 'secret-text'})
    : h('input', {id, 'data-field': name, required, spellcheck: 'false',
      type: secret ? 'password' : (kind === 'url' ? 'url' : 'text'),
      autocomplete: secret ? 'new-password' : 'off'});
  return h('div', {class: 'field'}, label, input);
}
