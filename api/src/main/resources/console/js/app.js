// The console shell: sign-in, header (who, token expiry, connection), navigation by role, and
// the page router (#/now, #/act, ...). Each page is a custom element that gets the session, the
// API client and the live feed.

import {h, fill} from './dom.js';
import {Api} from './api.js';
import {Session, EXPIRY_WARNING_MS} from './session.js';
import {LiveFeed} from './live.js';
import './signin.js';
import './page-now.js';
import './page-act.js';
import './page-config.js';
import './page-profiles.js';
import './page-audit.js';
import './page-timetravel.js';
import './page-preview.js';

const PAGES = [
  ['now', 'Now', 'tcp-page-now'],
  ['act', 'Act', 'tcp-page-act'],
  ['config', 'Config and flags', 'tcp-page-config'],
  ['profiles', 'Profiles', 'tcp-page-profiles'],
  ['audit', 'Audit', 'tcp-page-audit'],
  ['timetravel', 'Time travel', 'tcp-page-timetravel'],
  ['preview', 'Preview as customer', 'tcp-page-preview'],
];

class ConsoleApp extends HTMLElement {
  connectedCallback() {
    this.session = Session.restore();
    window.addEventListener('hashchange', () => this.route());
    this.ticker = setInterval(() => this.updateExpiry(), 1000);
    this.render();
  }

  render() {
    this.feed?.close();
    this.feed = null;
    if (!this.session) {
      const signin = h('tcp-signin');
      signin.addEventListener('signed-in', (e) => {
        this.session = e.detail;
        this.session.save();
        this.render();
      });
      fill(this, h('header', {class: 'top'}, h('h1', {text: 'Trading Control'})), h('main', {}, signin));
      return;
    }
    this.api = new Api(this.session.token);
    // Admins: /ws/admin (engines too); operators and auditors: /ws/staff (every scope in force);
    // customers: /ws/trading (global, symbols and their own tenant).
    const channel = this.session.isAdmin() ? 'admin' : this.session.has('operator', 'auditor') ? 'staff' : 'trading';
    this.feed = new LiveFeed(this.session.token, channel);
    this.expiry = h('span', {class: 'expiry', id: 'token-expiry', role: 'status'});
    const connection = h('tcp-connection', {id: 'connection'});
    connection.feed = this.feed;
    this.nav = h('nav', {'aria-label': 'Pages'});
    this.main = h('main', {id: 'page'});
    fill(this,
      h('header', {class: 'top'},
        h('h1', {text: 'Trading Control'}),
        h('span', {class: 'who', id: 'who',
          text: `${this.session.subject} · ${this.session.roles.join(', ')}`
            + (this.session.tenantId ? ` · tenant ${this.session.tenantId}` : '')}),
        this.expiry, connection,
        h('button', {type: 'button', id: 'sign-out', onclick: () => this.signOut(), text: 'Sign out'})),
      this.nav, this.main);
    this.updateExpiry();
    this.route();
  }

  allowedPages() {
    return PAGES.filter(([id]) => this.session.mayOpen(id));
  }

  route() {
    if (!this.session) return;
    const pages = this.allowedPages();
    const wanted = location.hash.replace(/^#\//, '');
    const page = pages.find(([id]) => id === wanted) || pages[0];
    if (!page) {
      fill(this.main, h('p', {text: 'This token has no role the console serves.'}));
      return;
    }
    // A customer's preview is their own view.
    const labelOf = (id, label) => (id === 'preview' && this.session.has('customer') ? 'My view' : label);
    fill(this.nav, ...pages.map(([id, label]) => h('a', {href: `#/${id}`, 'data-page': id, text: labelOf(id, label),
      'aria-current': id === page[0] ? 'page' : null})));
    const element = h(page[2]);
    Object.assign(element, {session: this.session, api: this.api, feed: this.feed});
    fill(this.main, element);
  }

  updateExpiry() {
    if (!this.session || !this.expiry) return;
    const left = this.session.msLeft();
    if (left <= 0) {
      this.expiry.dataset.level = 'expired';
      this.expiry.textContent = 'Token expired — sign in again';
    } else if (left < EXPIRY_WARNING_MS) {
      this.expiry.dataset.level = 'warn';
      this.expiry.textContent = `Token expires in ${Math.ceil(left / 60000)} min`;
    } else {
      this.expiry.dataset.level = 'ok';
      this.expiry.textContent = '';
    }
  }

  signOut() {
    Session.clear();
    this.session = null;
    history.replaceState(null, '', location.pathname);
    this.render();
  }

  disconnectedCallback() {
    clearInterval(this.ticker);
    this.feed?.close();
  }
}
customElements.define('tcp-console', ConsoleApp);
