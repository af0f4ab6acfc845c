// Audit: search the audit trail (actor, action, outcome, scope, request id, time), verify the hash
// chain (the first broken link named), and export the search results or the raw event log.

import {h, fill, field, select, isoFromLocal} from './dom.js';
import {outcomeRegion, showError} from './forms.js';

class AuditPage extends HTMLElement {
  connectedCallback() {
    const input = (id, placeholder) => h('input', {id, placeholder});
    this.filters = {
      actor: input('aud-actor', 'dev-admin'), action: input('aud-action', 'PauseTrading'),
      outcome: select([['', 'any'], 'ACCEPTED', 'REJECTED'], {id: 'aud-outcome'}),
      scope: input('aud-scope', 'tenant:tenant-a'), requestId: input('aud-request-id', ''),
      from: h('input', {id: 'aud-from', type: 'datetime-local'}), to: h('input', {id: 'aud-to', type: 'datetime-local'}),
    };
    this.items = [];
    this.results = h('div', {id: 'audit-results'});
    this.more = h('div');
    this.verifyResult = h('div', {id: 'verify-result', role: 'status', 'aria-live': 'polite'});
    this.error = outcomeRegion();
    const f = this.filters;
    fill(this, h('h2', {text: 'Audit'}),
      h('form', {class: 'grid', onsubmit: (e) => {
        e.preventDefault();
        this.search(null);
      }}, field('Actor', f.actor), field('Action', f.action), field('Outcome', f.outcome), field('Scope', f.scope),
      field('Request id', f.requestId), field('From', f.from), field('To', f.to),
      h('button', {type: 'submit', id: 'aud-search', text: 'Search'})),
      h('div', {class: 'row'},
        h('button', {type: 'button', id: 'aud-verify', onclick: () => this.verify(), text: 'Verify chain'}),
        h('button', {type: 'button', id: 'aud-export', onclick: () => this.exportResults(), text: 'Export results (JSON)'}),
        h('button', {type: 'button', id: 'aud-export-events', onclick: () => this.exportEvents(), text: 'Export events (NDJSON)'})),
      this.verifyResult, this.error, this.results, this.more);
    this.search(null);
  }

  query(continuation) {
    const f = this.filters;
    return {actor: f.actor.value.trim(), action: f.action.value.trim(), outcome: f.outcome.value,
      scope: f.scope.value.trim(), requestId: f.requestId.value.trim(),
      from: isoFromLocal(f.from.value), to: isoFromLocal(f.to.value), continuation};
  }

  async search(continuation) {
    try {
      const page = await this.api.get('/api/admin/audit', this.query(continuation));
      this.items = continuation ? [...this.items, ...page.items] : page.items;
      this.renderResults();
      fill(this.more, page.continuation
        ? h('button', {type: 'button', id: 'aud-more', onclick: () => this.search(page.continuation), text: 'More'}) : null);
      this.error.replaceChildren();
    } catch (e) {
      showError(this.error, e);
    }
  }

  renderResults() {
    if (!this.items.length) {
      fill(this.results, h('p', {class: 'muted', text: 'No audit records match.'}));
      return;
    }
    const pick = (r, ...keys) => keys.map((k) => k.split('.').reduce((o, p) => o?.[p], r)).find((v) => v !== undefined && v !== null);
    fill(this.results, h('table', {},
      h('thead', {}, h('tr', {}, ...['Time', 'Action', 'Outcome', 'Actor', 'Scope', 'Request', 'Reason'].map((t) => h('th', {scope: 'col', text: t})))),
      h('tbody', {}, ...this.items.map((r) => h('tr', {},
        ...[pick(r, 'at', 'occurredAt'), pick(r, 'action', 'commandType'), pick(r, 'outcome'),
          pick(r, 'actor.subject', 'actorSubject', 'actor'), pick(r, 'aggregateId', 'scope'), pick(r, 'requestId'),
          pick(r, 'reason', 'rejectionMessage')].map((v) => h('td', {text: v === undefined ? '-' : String(v)})))))));
  }

  async verify() {
    fill(this.verifyResult, 'Verifying…');
    try {
      const result = await this.api.get('/api/audit/verify', {from: this.query().from, to: this.query().to});
      this.verifyResult.dataset.ok = String(result.ok);
      if (result.ok) {
        fill(this.verifyResult, h('strong', {text: 'Chain intact'}), ` — ${result.checked} records checked.`);
      } else {
        const b = result.firstBroken;
        fill(this.verifyResult, h('strong', {text: 'Chain BROKEN'}),
          ` — first broken link: ${b.chainId} #${b.chainSequence} (${b.kind}): ${b.detail}`);
      }
    } catch (e) {
      showError(this.verifyResult, e);
    }
  }

  exportResults() {
    download('audit.json', 'application/json', JSON.stringify(this.items, null, 2));
  }

  async exportEvents() {
    try {
      const q = this.query();
      // Without a range: the last 24 hours.
      const from = q.from ?? new Date(Date.now() - 86400000).toISOString();
      const response = await this.api.send('GET', '/api/admin/events', {query: {from, to: q.to ?? new Date().toISOString()}});
      download('events.ndjson', 'application/x-ndjson', response.body);
    } catch (e) {
      showError(this.error, e);
    }
  }
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = h('a', {href: url, download: name, text: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
customElements.define('tcp-page-audit', AuditPage);
