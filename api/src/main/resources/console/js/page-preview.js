// Preview as customer: what a customer of one tenant sees, fetched with that customer's own token
// exactly as their client would (feature-flag tabs, the tenant's own state, live over /ws/trading).
// Staff data is never used here: every request of the preview carries the customer token, so the
// API's tenant isolation decides what appears. A customer signed in sees this page for themselves.

import {h, fill, field, select, table} from './dom.js';
import {Api, devTokens} from './api.js';
import {claimsOf} from './session.js';
import {LiveFeed} from './live.js';
import {showError, outcomeRegion} from './forms.js';

class PreviewPage extends HTMLElement {
  connectedCallback() {
    this.view = h('section', {id: 'customer-view', class: 'customer-frame', 'aria-label': 'Customer view'});
    this.error = outcomeRegion();
    if (this.session.has('customer')) {
      fill(this, h('h2', {text: 'My view'}), this.error, this.view);
      this.preview(this.session.token);
      return;
    }
    this.token = h('textarea', {id: 'preview-token', rows: 3, spellcheck: 'false'});
    this.devChoice = h('div');
    fill(this, h('h2', {text: 'Preview as customer'}),
      h('p', {class: 'muted', text: 'Uses a customer token of the tenant, as the customer\'s own client would.'}),
      this.devChoice,
      h('form', {class: 'row', onsubmit: (e) => {
        e.preventDefault();
        this.preview(this.token.value.trim());
      }}, field('Customer token', this.token), h('button', {type: 'submit', id: 'preview-go', text: 'Preview'})),
      this.error, this.view);
    this.offerDevCustomers();
  }

  disconnectedCallback() {
    this.feed?.close();
  }

  /** On the local launcher: its customer users, one per tenant. */
  async offerDevCustomers() {
    try {
      const tokens = await devTokens();
      const customers = tokens.map((t) => ({...t, tenant: claimsOf(t.token).tenant_id})).filter((t) => t.tenant);
      if (!customers.length) return;
      const tenant = select(customers.map((c) => [c.token, `${c.tenant} (${c.name})`]), {id: 'preview-tenant'});
      fill(this.devChoice, h('form', {class: 'row', onsubmit: (e) => {
        e.preventDefault();
        this.preview(tenant.value);
      }}, field('Tenant (development customer)', tenant),
      h('button', {type: 'submit', id: 'preview-tenant-go', text: 'Preview this tenant'})));
    } catch (e) {
      showError(this.error, e);
    }
  }

  async preview(token) {
    this.feed?.close();
    this.error.replaceChildren();
    if (!token) return;
    const customer = new Api(token);
    try {
      const me = await customer.get('/api/me/profile');
      if (!me.roles.includes('customer') || !me.tenantId) {
        throw new Error('this is not a customer token (no customer role or no tenant)');
      }
      const [flags, control, profiles, effective] = await Promise.all([customer.get('/api/feature-flags'),
        customer.get('/api/trading-control'), customer.get('/api/profiles'),
        customer.get('/api/trading-control/effective', {tenant: me.tenantId})]);
      this.feed = new LiveFeed(token, 'trading');
      this.feed.addEventListener('change', () => this.refreshEffective(customer, me));
      this.render(me, flags, control, profiles, effective);
    } catch (e) {
      fill(this.view);
      showError(this.error, e);
    }
  }

  async refreshEffective(customer, me) {
    try {
      const effective = await customer.get('/api/trading-control/effective', {tenant: me.tenantId});
      this.effective && fill(this.effective, ...this.effectiveLines(effective));
    } catch (e) {
      showError(this.error, e);
    }
  }

  effectiveLines(effective) {
    return [h('p', {}, 'Trading: ', h('strong', {class: 'customer-mode', text: effective.mode}),
      effective.maintenance ? ' — maintenance' : ''),
    ...effective.causes.map((c) => h('p', {class: 'muted', text: `${c.scope}: ${c.kind}${c.message ? ` — ${c.message}` : ''}`}))];
  }

  render(me, flags, control, profiles, effective) {
    const tabs = ['Trading', 'Profiles'];
    if (flags.tabs?.marketplace) tabs.push('Marketplace');
    if (flags.tabs?.membership) tabs.push('Membership');
    if (flags.backtest?.enabled && flags.backtest?.customerEnabled) tabs.push('Backtest');
    const connection = h('tcp-connection', {id: 'preview-connection'});
    connection.feed = this.feed;
    this.effective = h('div', {id: 'customer-effective'}, ...this.effectiveLines(effective));
    fill(this.view,
      h('header', {class: 'row'}, h('strong', {id: 'customer-tenant', text: `${me.subject} · tenant ${me.tenantId}`}), connection),
      h('nav', {class: 'customer-tabs', 'aria-label': 'Customer tabs'},
        ...tabs.map((t) => h('span', {class: 'tab', 'data-tab': t, text: t}))),
      this.effective,
      table(['Scope', 'Mode'], [control.global, ...control.scopes].map((s) => [s.scope, s.mode]), 'Controls visible to this customer'),
      table(['Profile', 'Name', 'Enabled'], profiles.items.map((p) => [p.profileId, p.name, p.enabled ? 'yes' : 'no']), 'Profiles'));
  }
}
customElements.define('tcp-page-preview', PreviewPage);
