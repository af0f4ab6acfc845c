// Sign-in: paste a bearer token, or (only where the local launcher serves them) pick one of its
// development users. The token is checked against the API (GET /api/me/profile) before it is kept.

import {h, fill, field, select} from './dom.js';
import {Api, devTokens} from './api.js';
import {Session} from './session.js';

class SignIn extends HTMLElement {
  connectedCallback() {
    const token = h('textarea', {id: 'token', rows: 4, spellcheck: 'false', autocomplete: 'off'});
    this.error = h('p', {class: 'error', id: 'signin-error', role: 'alert'});
    this.dev = h('div', {class: 'dev-tokens'});
    fill(this,
      h('section', {class: 'card signin'},
        h('h2', {text: 'Sign in'}),
        h('form', {onsubmit: (e) => {
          e.preventDefault();
          this.signIn(token.value.trim());
        }},
        field('Bearer token', token),
        h('button', {type: 'submit', id: 'sign-in', text: 'Sign in'})),
        this.dev, this.error));
    this.loadDevTokens();
  }

  /** The launcher's development users; the endpoint does not exist elsewhere, and then none are offered. */
  async loadDevTokens() {
    try {
      const tokens = await devTokens();
      if (!tokens.length) return;
      const choice = select(tokens.map((t) => [t.token, t.name]), {id: 'dev-user'});
      fill(this.dev,
        h('h3', {text: 'Development users (local launcher)'}),
        h('form', {onsubmit: (e) => {
          e.preventDefault();
          this.signIn(choice.value);
        }}, field('Development user', choice),
        h('button', {type: 'submit', id: 'sign-in-dev', text: 'Sign in as this user'})));
    } catch (e) {
      this.error.textContent = `Development users: ${e.message}`;
    }
  }

  async signIn(token) {
    this.error.textContent = '';
    if (!token) {
      this.error.textContent = 'Paste a token first.';
      return;
    }
    try {
      const profile = await new Api(token).get('/api/me/profile');
      this.dispatchEvent(new CustomEvent('signed-in', {detail: new Session(token, profile)}));
    } catch (e) {
      this.error.textContent = `Sign-in refused: ${e.message}`;
    }
  }
}
customElements.define('tcp-signin', SignIn);
