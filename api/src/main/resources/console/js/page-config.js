// Config and flags: the typed catalogue (GET /api/config-catalogue: type, bounds, allowed values,
// who may change it) with each key's value in force (GET /api/config). Edits are checked as they
// are typed against the same rules the processors apply, and sent with If-Match: the version the
// editor was showing, so an edit made on a stale value is refused (409) and the current value shown.

import {h, fill, select, uid} from './dom.js';
import {runCommand, outcomeRegion, showError} from './forms.js';

/** [value, problem]: the typed value of the editor's text under the key's rule, or why it does not fit. */
export function parseValue(rule, text) {
  switch (rule.type) {
    case 'BOOLEAN':
      return text === 'true' || text === 'false' ? [text === 'true', null] : [null, 'true or false'];
    case 'LONG': {
      if (!/^-?\d+$/.test(text.trim())) return [null, 'a whole number'];
      return bounded(rule, Number(text));
    }
    case 'DOUBLE': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) return [null, 'a number'];
      return bounded(rule, n);
    }
    case 'ENUM':
      return rule.allowedValues.includes(text) ? [text, null] : [null, `one of ${rule.allowedValues.join(', ')}`];
    default:
      return text.length <= rule.maxLength ? [text, null] : [null, `at most ${rule.maxLength} characters`];
  }
}

function bounded(rule, n) {
  if (rule.min !== null && (rule.minExclusive ? n <= rule.min : n < rule.min)) {
    return [null, `${rule.minExclusive ? 'greater than' : 'at least'} ${rule.min}`];
  }
  if (rule.max !== null && n > rule.max) return [null, `at most ${rule.max}`];
  return [n, null];
}

function shown(value) {
  return value === null || value === undefined ? '-' : JSON.stringify(value);
}

class ConfigPage extends HTMLElement {
  async connectedCallback() {
    this.list = h('div', {id: 'config-list'});
    const error = outcomeRegion();
    fill(this, h('h2', {text: 'Config and flags'}), error, this.list);
    try {
      const [catalogue, config] = await Promise.all([this.api.get('/api/config-catalogue'), this.api.get('/api/config')]);
      const entries = new Map(config.entries.map((e) => [e.key, e]));
      fill(this.list, ...catalogue.keys.map((rule) => this.row(rule, entries.get(rule.key))));
    } catch (e) {
      showError(error, e);
    }
  }

  mayChange(rule) {
    return this.session.has(...rule.changeRoles);
  }

  row(rule, entry) {
    const state = {version: entry?.version ?? 0};
    const current = h('span', {class: 'current'});
    const showCurrent = (e) => fill(current, h('code', {class: 'value', text: shown(e?.value)}),
      ` (version ${e?.version ?? 0}${e?.updatedBy ? `, by ${e.updatedBy} at ${e.updatedAt}` : ''})`);
    showCurrent(entry);
    const bounds = [rule.min !== null ? `${rule.minExclusive ? '>' : '≥'} ${rule.min}` : null,
      rule.max !== null ? `≤ ${rule.max}` : null].filter(Boolean).join(', ');
    const card = h('section', {class: 'card config-row', 'data-key': rule.key},
      h('h3', {}, h('code', {text: rule.key}), ' ', h('span', {class: 'badge', text: rule.type})),
      h('p', {text: rule.description}),
      h('p', {class: 'muted', text: `Default ${shown(rule.defaultValue)}${bounds ? `; ${bounds}` : ''}; changed by ${rule.changeRoles.join(', ')}`}),
      h('p', {}, 'In force: ', current));
    if (this.mayChange(rule)) card.append(this.editor(rule, entry, state, showCurrent));
    return card;
  }

  editor(rule, entry, state, showCurrent) {
    const value = rule.type === 'BOOLEAN' ? select(['true', 'false'])
      : rule.type === 'ENUM' ? select(rule.allowedValues) : h('input', {type: 'text'});
    value.id = uid('cfg-value');
    const start = entry?.value ?? rule.defaultValue;
    value.value = typeof start === 'string' ? start : JSON.stringify(start);
    const problem = h('span', {class: 'field-error', id: uid('cfg-problem'), 'aria-live': 'polite'});
    value.setAttribute('aria-describedby', problem.id);
    const reason = h('input', {id: uid('cfg-reason'), required: true, maxlength: 500});
    const save = h('button', {type: 'submit', class: 'cfg-save', text: 'Save'});
    const outcome = outcomeRegion();
    const check = () => {
      const [, why] = parseValue(rule, value.value);
      problem.textContent = why ? `Expected ${why}.` : '';
      value.setAttribute('aria-invalid', why ? 'true' : 'false');
      save.disabled = Boolean(why);
    };
    value.addEventListener('input', check);
    value.addEventListener('change', check);
    check();
    const submit = async (e) => {
      e.preventDefault();
      const [typed] = parseValue(rule, value.value);
      const result = await runCommand(this.api, outcome, 'PUT', `/api/config/${encodeURIComponent(rule.key)}`,
        {value: typed, reason: reason.value.trim()}, {'If-Match': `"${state.version}"`});
      if (result?.status === 'ACCEPTED') {
        state.version = result.resultingVersion;
        showCurrent({value: typed, version: result.resultingVersion});
      } else if (outcome.textContent.includes('VERSION_CONFLICT')) {
        await this.showConflict(rule, state, showCurrent, outcome);
      }
    };
    return h('form', {class: 'row', onsubmit: submit},
      h('div', {class: 'field'}, h('label', {for: value.id, text: 'New value'}), value, problem),
      h('div', {class: 'field'}, h('label', {for: reason.id, text: 'Reason (required)'}), reason),
      save, outcome);
  }

  /** After a refused stale edit: the value in force now, and the editor moved to its version. */
  async showConflict(rule, state, showCurrent, outcome) {
    const now = await this.api.get(`/api/config/${encodeURIComponent(rule.key)}`);
    state.version = now.version;
    showCurrent(now);
    outcome.append(h('p', {class: 'conflict'}, 'Current value: ', h('code', {class: 'conflict-value', text: shown(now.value)}),
      ` (version ${now.version}, by ${now.updatedBy ?? '-'} at ${now.updatedAt ?? '-'}). Save again to replace it.`));
  }
}
customElements.define('tcp-page-config', ConfigPage);
