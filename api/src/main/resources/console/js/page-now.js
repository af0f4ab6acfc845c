// Now: what is in force. The global banner (mode, kill switch, maintenance), every control in force
// per scope with who, when, why and a countdown to its expiry, and the effective decision for any
// (tenant, profile, symbol) with its explanation. Live: the feed's pushes re-render at once. Staff
// channels (/ws/admin, /ws/staff) carry every scope: the REST listing (GET /api/trading-control) is
// read once and after a reconnect's snapshot, for each control's own provenance. A customer's
// /ws/trading carries only what it may see, so the listing is also re-read on each push and every 10 s.

import {h, fill, field, table, countdown} from './dom.js';
import {showError, outcomeRegion} from './forms.js';
import {ProposalsCard, lapse} from './proposals.js';

const POLL_MS = 10000;

/** The controls in force of one scope document of GET /api/trading-control. */
export function rowsOfDocument(doc, now = Date.now()) {
  const rows = [];
  const live = (expires) => !expires || Date.parse(expires) > now;
  if (doc.killSwitch) rows.push(['KILL_SWITCH', doc.killSwitchBy, doc.killSwitchAt, doc.killSwitchReason, null]);
  if (doc.paused && live(doc.expiresAt)) rows.push(['PAUSE', doc.pausedBy, doc.pausedAt, doc.pauseReason, doc.expiresAt]);
  if (doc.reduceOnly && live(doc.reduceOnlyExpiresAt)) {
    rows.push(['REDUCE_ONLY', doc.reduceOnlyBy, doc.reduceOnlyAt, doc.reduceOnlyReason, doc.reduceOnlyExpiresAt]);
  }
  if (doc.maintenance) {
    rows.push(['MAINTENANCE', doc.maintenanceBy, doc.maintenanceAt, doc.maintenanceReason || doc.maintenanceMessage, null]);
  }
  return rows.map(([kind, by, at, reason, expiresAt]) => ({scope: doc.scope, kind, by, at, reason, expiresAt}));
}

/**
 * The controls in force of one pushed state (its last change's who, when and why). The kill switch
 * keeps its engagement's provenance from the older document when it has one: the last change may be
 * a release proposal or rejection, which did not engage it.
 */
function rowsOfPush(state, doc) {
  const base = {scope: state.scope, by: state.setBy, at: state.setAt, reason: state.reason};
  const rows = [];
  if (state.killSwitch) {
    rows.push(doc && doc.killSwitch
      ? {...base, by: doc.killSwitchBy, at: doc.killSwitchAt, reason: doc.killSwitchReason, kind: 'KILL_SWITCH', expiresAt: null}
      : {...base, kind: 'KILL_SWITCH', expiresAt: null});
  }
  if (state.mode === 'PAUSED') rows.push({...base, kind: 'PAUSE', expiresAt: state.expiresAt});
  if (state.reduceOnly) rows.push({...base, kind: 'REDUCE_ONLY', expiresAt: state.reduceOnlyExpiresAt});
  if (state.maintenance) rows.push({...base, kind: 'MAINTENANCE', expiresAt: null});
  return rows;
}

class NowPage extends HTMLElement {
  connectedCallback() {
    this.docs = new Map();
    this.banner = h('section', {id: 'global-banner', class: 'banner', 'aria-live': 'polite'});
    this.inForce = h('section', {id: 'in-force'});
    this.error = outcomeRegion();
    this.proposals = new ProposalsCard(this.api, this.session);
    fill(this, h('h2', {text: 'Now'}), this.banner, this.proposals.element, h('h3', {text: 'In force'}), this.inForce,
      this.error, this.effectiveForm());
    this.onChange = (e) => {
      this.render();
      if (!this.feed.everyScope || e.detail?.type === 'snapshot') this.refresh();
    };
    this.feed.addEventListener('change', this.onChange);
    this.poll = this.feed.everyScope ? null : setInterval(() => this.refresh(), POLL_MS);
    this.ticker = setInterval(() => this.tick(), 1000);
    this.refresh();
  }

  disconnectedCallback() {
    this.feed.removeEventListener('change', this.onChange);
    clearInterval(this.poll);
    clearInterval(this.ticker);
  }

  async refresh() {
    try {
      const listing = await this.api.get('/api/trading-control');
      this.docs = new Map([listing.global, ...listing.scopes].map((d) => [d.scope, d]));
      this.error.replaceChildren();
      this.render();
    } catch (e) {
      showError(this.error, e);
    }
  }

  /** Per scope the newer of the pushed state and the REST document (by version). */
  merged() {
    const scopes = new Set([...this.docs.keys(), ...this.feed.states.keys()]);
    const result = [];
    for (const scope of [...scopes].sort()) {
      const doc = this.docs.get(scope);
      const push = this.feed.states.get(scope);
      const pushNewer = push && (!doc || (push.version ?? 0) > (doc.version ?? 0));
      result.push({scope, mode: pushNewer ? push.mode : doc.mode, state: pushNewer ? push : doc,
        rows: pushNewer ? rowsOfPush(push, doc) : rowsOfDocument(doc)});
    }
    return result;
  }

  render() {
    const scopes = this.merged();
    const global = scopes.find((s) => s.scope === 'global') || {mode: 'ACTIVE', state: {}, rows: []};
    this.renderBanner(global);
    this.proposals.update(global.state);
    const rows = scopes.flatMap((s) => s.rows);
    if (!rows.length) {
      fill(this.inForce, h('p', {class: 'muted', id: 'nothing-in-force', text: 'Nothing in force: trading is open everywhere.'}));
      return;
    }
    const body = rows.map((r) => h('tr', {'data-scope': r.scope, 'data-kind': r.kind},
      h('td', {text: r.scope}), h('td', {}, h('span', {class: `badge kind-${r.kind}`, text: r.kind})),
      h('td', {text: r.by ?? '-'}), h('td', {text: r.at ?? '-'}), h('td', {text: r.reason ?? '-'}),
      h('td', {'data-expires': r.expiresAt ?? '', text: r.expiresAt ? `${countdown(r.expiresAt)} (${r.expiresAt})` : 'no expiry'})));
    fill(this.inForce, h('table', {},
      h('thead', {}, h('tr', {}, ...['Scope', 'Control', 'By', 'At', 'Why', 'Expires'].map((t) => h('th', {scope: 'col', text: t})))),
      h('tbody', {}, ...body)));
  }

  renderBanner(global) {
    const state = global.state || {};
    this.banner.dataset.mode = global.mode;
    const lines = [h('p', {class: 'mode'}, 'Global mode: ', h('strong', {id: 'global-mode', text: global.mode}))];
    const kill = global.rows.find((r) => r.kind === 'KILL_SWITCH');
    if (kill) lines.push(h('p', {class: 'alarm', id: 'kill-switch-banner', text: `KILL SWITCH ENGAGED by ${kill.by ?? '?'} at ${kill.at ?? '?'}: ${kill.reason ?? ''}`}));
    // Two-person rule: a proposed release changes nothing until a second admin approves it.
    if (kill && state.releaseProposal && state.releaseProposalExpiresAt && Date.parse(state.releaseProposalExpiresAt) > Date.now()) {
      lines.push(h('p', {class: 'warn', id: 'release-proposal-banner',
        text: `RELEASE PROPOSED by ${state.releaseProposedBy ?? 'an admin'}: awaiting a second admin's approval, `
          + `${countdown(state.releaseProposalExpiresAt)} left (until ${state.releaseProposalExpiresAt})`}));
    }
    if (state.maintenance) {
      lines.push(h('p', {class: 'warn', id: 'maintenance-banner', text: `MAINTENANCE: ${state.maintenanceMessage ?? ''}`}));
    }
    fill(this.banner, ...lines);
  }

  tick() {
    for (const cell of this.querySelectorAll('[data-expires]')) {
      if (!cell.dataset.expires) continue;
      cell.textContent = cell.tagName === 'TD' ? `${countdown(cell.dataset.expires)} (${cell.dataset.expires})`
        : lapse(cell.dataset.expires);
    }
  }

  effectiveForm() {
    const tenant = h('input', {id: 'eff-tenant', required: true, placeholder: 'tenant-a'});
    const profile = h('input', {id: 'eff-profile', placeholder: 'optional'});
    const symbol = h('input', {id: 'eff-symbol', placeholder: 'optional, e.g. BTC-USD'});
    const result = h('div', {id: 'effective-result', 'aria-live': 'polite'});
    const explain = async (e) => {
      e.preventDefault();
      try {
        const eff = await this.api.get('/api/trading-control/effective',
          {tenant: tenant.value.trim(), profile: profile.value.trim(), symbol: symbol.value.trim()});
        fill(result, h('p', {}, 'Effective: ', h('strong', {id: 'effective-mode', text: eff.mode}),
          eff.maintenance ? ' (maintenance on)' : ''),
        eff.causes.length ? table(['Scope', 'Kind', 'Mode', 'By', 'At', 'Why', 'Expires'],
          eff.causes.map((c) => [c.scope, c.kind, c.mode, c.setBy, c.setAt, c.reason ?? c.message, c.expiresAt]),
          'Why: the controls causing it') : h('p', {class: 'muted', text: 'No control applies: trading is open.'}));
      } catch (err) {
        showError(fill(result), err);
      }
    };
    return h('section', {class: 'card'}, h('h3', {text: 'Effective decision'}),
      h('form', {class: 'row', onsubmit: explain}, field('Tenant', tenant), field('Profile', profile),
        field('Symbol', symbol), h('button', {type: 'submit', id: 'eff-explain', text: 'Explain'})),
      result);
  }
}
customElements.define('tcp-page-now', NowPage);
