// Profiles: the strategy profiles of one tenant, each enabled or disabled with a reason.

import {h, fill, field, uid} from './dom.js';
import {runCommand, outcomeRegion, showError, confirmAction} from './forms.js';

class ProfilesPage extends HTMLElement {
  connectedCallback() {
    const own = this.session.tenantId;
    this.tenant = h('input', {id: 'prof-tenant', value: own ?? '', required: true, readonly: Boolean(own)});
    this.list = h('div', {id: 'profile-list'});
    this.outcome = outcomeRegion();
    this.outcome.id = 'profile-outcome';
    fill(this, h('h2', {text: 'Profiles'}),
      h('form', {class: 'row', onsubmit: (e) => {
        e.preventDefault();
        this.load();
      }}, field('Tenant', this.tenant), h('button', {type: 'submit', id: 'prof-load', text: 'Show profiles'})),
      this.list, this.outcome, this.session.may('profileToggle') ? this.createForm() : null);
    if (own) this.load();
  }

  tenantId() {
    return this.tenant.value.trim();
  }

  async load() {
    try {
      const {items} = await this.api.get('/api/profiles', {tenant: this.tenantId()});
      if (!items.length) {
        fill(this.list, h('p', {class: 'muted', text: `No profiles in ${this.tenantId()}.`}));
        return;
      }
      fill(this.list, h('table', {},
        h('thead', {}, h('tr', {}, ...['Profile', 'Name', 'Enabled', 'Version', 'Change'].map((t) => h('th', {scope: 'col', text: t})))),
        h('tbody', {}, ...items.map((p) => this.row(p)))));
    } catch (e) {
      showError(fill(this.list), e);
    }
  }

  row(profile) {
    const cells = [h('td', {text: profile.profileId}), h('td', {text: profile.name}),
      h('td', {text: profile.enabled ? 'yes' : 'no'}), h('td', {text: String(profile.version)})];
    if (this.session.may('profileToggle')) {
      const reason = h('input', {id: uid('prof-reason'), required: true, maxlength: 500});
      const verb = profile.enabled ? 'disable' : 'enable';
      const toggle = async (e) => {
        e.preventDefault();
        if (!(await confirmAction(`${verb} ${profile.profileId}?`,
          {global: false, text: `Blast radius: profile ${profile.profileId} of tenant ${profile.tenantId} only.`}))) return;
        const body = {reason: reason.value.trim()};
        if (!this.session.tenantId) body.tenantId = profile.tenantId;
        const result = await runCommand(this.api, this.outcome, 'POST',
          `/api/profiles/${encodeURIComponent(profile.profileId)}/${verb}`, body);
        if (result?.status === 'ACCEPTED') this.load();
      };
      cells.push(h('td', {}, h('form', {class: 'row', onsubmit: toggle}, field(`Reason to ${verb}`, reason),
        h('button', {type: 'submit', 'data-profile': profile.profileId, text: verb === 'enable' ? 'Enable…' : 'Disable…'}))));
    } else {
      cells.push(h('td', {text: '-'}));
    }
    return h('tr', {'data-profile': profile.profileId}, ...cells);
  }

  createForm() {
    const id = h('input', {id: 'prof-new-id', required: true, pattern: '[A-Za-z0-9._-]{1,100}'});
    const name = h('input', {id: 'prof-new-name', required: true, maxlength: 200});
    const submit = async (e) => {
      e.preventDefault();
      const body = {profileId: id.value.trim(), name: name.value.trim()};
      if (!this.session.tenantId) body.tenantId = this.tenantId();
      const result = await runCommand(this.api, this.outcome, 'POST', '/api/profiles', body);
      if (result?.status === 'ACCEPTED') this.load();
    };
    return h('section', {class: 'card'}, h('h3', {text: 'New profile in this tenant'}),
      h('form', {class: 'row', onsubmit: submit}, field('Profile id', id), field('Name', name),
        h('button', {type: 'submit', id: 'prof-create', text: 'Create'})));
  }
}
customElements.define('tcp-page-profiles', ProfilesPage);
