// Act: pause / resume / reduce-only per scope, the kill switch and maintenance. Each needs a reason,
// takes an expiry where the API has one (pause, reduce-only) and a proposal's time-to-live where a
// two-person rule may turn the command into a proposal (global resume, kill-switch release,
// maintenance off), asks for a confirmation naming the
// blast radius, and shows the outcome as the API answered it. Only what the caller's roles may do
// is offered (the API checks again).

import {h, fill, field, select, isoFromLocal} from './dom.js';
import {confirmAction, blastRadiusOf, runCommand, outcomeRegion, proposalTtlInput, proposalExpiry} from './forms.js';

const CONTROL_ACTIONS = {
  pause: {label: 'Pause', path: '/api/trading-control/pause', expiry: true},
  resume: {label: 'Resume', path: '/api/trading-control/resume', expiry: false},
  'reduce-only': {label: 'Reduce-only', path: '/api/trading-control/reduce-only', expiry: true},
  lift: {label: 'Lift reduce-only', path: '/api/trading-control/reduce-only/lift', expiry: false},
};

class ActPage extends HTMLElement {
  connectedCallback() {
    fill(this, h('h2', {text: 'Act'}),
      this.session.may('control') ? this.controlForm() : null,
      this.session.may('killSwitchEngage') || this.session.may('killSwitchRelease') ? this.killSwitchForm() : null,
      this.session.may('maintenance') ? this.maintenanceForm() : null);
  }

  controlForm() {
    const action = select(Object.entries(CONTROL_ACTIONS).map(([k, v]) => [k, v.label]), {id: 'act-action'});
    const kind = select([['tenant', 'Tenant'], ['global', 'Global'], ['symbol', 'Symbol'], ['strategy', 'Strategy']],
      {id: 'act-scope-kind'});
    const target = h('input', {id: 'act-target', placeholder: 'tenant-a'});
    const profile = h('input', {id: 'act-profile', placeholder: 'profile id (strategy only)'});
    const reason = h('input', {id: 'act-reason', required: true, maxlength: 500});
    const expires = h('input', {id: 'act-expires', type: 'datetime-local'});
    const ttl = proposalTtlInput('act-proposal-ttl');
    const outcome = outcomeRegion();
    outcome.id = 'act-outcome';
    const sync = () => {
      target.disabled = kind.value === 'global';
      profile.disabled = kind.value !== 'strategy';
      expires.disabled = !CONTROL_ACTIONS[action.value].expiry;
      ttl.disabled = !(action.value === 'resume' && kind.value === 'global');
    };
    action.addEventListener('change', sync);
    kind.addEventListener('change', sync);
    sync();
    const submit = async (e) => {
      e.preventDefault();
      const scope = kind.value === 'global' ? 'global'
        : kind.value === 'strategy' ? `strategy:${target.value.trim()}:${profile.value.trim()}`
          : `${kind.value}:${target.value.trim()}`;
      const chosen = CONTROL_ACTIONS[action.value];
      const body = {scope, reason: reason.value.trim()};
      const until = chosen.expiry ? isoFromLocal(expires.value) : null;
      if (until) body.expiresAt = until;
      if (!ttl.disabled && !ttl.reportValidity()) return;
      const lapses = ttl.disabled ? null : proposalExpiry(ttl);
      if (lapses) body.proposalExpiresAt = lapses;
      if (await confirmAction(`${chosen.label} ${scope}?`, blastRadiusOf(scope),
        `Reason: ${body.reason}${until ? `; until ${until}` : ''}`)) {
        await runCommand(this.api, outcome, 'POST', chosen.path, body);
      }
    };
    return h('section', {class: 'card', id: 'act-control'}, h('h3', {text: 'Trading control'}),
      h('form', {class: 'grid', onsubmit: submit},
        field('Action', action), field('Scope', kind), field('Tenant or symbol', target), field('Profile', profile),
        field('Reason (required)', reason), field('Expires (optional)', expires),
        field('Proposal lapses after (min)', ttl),
        h('button', {type: 'submit', id: 'act-submit', text: 'Submit…'})),
      outcome);
  }

  killSwitchForm() {
    const reason = h('input', {id: 'kill-reason', required: true, maxlength: 500});
    const ttl = proposalTtlInput('kill-proposal-ttl');
    const outcome = outcomeRegion();
    outcome.id = 'kill-outcome';
    // Releasing takes two admins: one proposes, a different one approves (or either rejects).
    const steps = {
      engage: ['Engage the kill switch?', 'Halts all trading everywhere until released.', 'POST', '/api/kill-switch'],
      propose: ['Propose releasing the kill switch?',
        'Nothing changes yet: a different admin must approve in time.', 'POST', '/api/kill-switch/release'],
      approve: ['Approve the release of the kill switch?',
        'Trading restarts wherever nothing else holds it.', 'POST', '/api/kill-switch/release/approve'],
      reject: ['Reject the proposed release?', 'The kill switch stays engaged.', 'POST', '/api/kill-switch/release/reject'],
    };
    const act = (step) => async () => {
      if (!reason.reportValidity() || (step === 'propose' && !ttl.reportValidity())) return;
      const [question, effect, method, path] = steps[step];
      const body = {reason: reason.value.trim()};
      const lapses = step === 'propose' ? proposalExpiry(ttl) : null;
      if (lapses) body.expiresAt = lapses;
      const within = step === 'propose' ? ` (within ${ttl.value || 10} minutes)` : '';
      if (await confirmAction(question, blastRadiusOf('global'), effect + within)) {
        await runCommand(this.api, outcome, method, path, body);
      }
    };
    const admin = this.session.may('killSwitchRelease');
    const button = (id, step, text, cls) => h('button', {type: 'button', id, class: cls, onclick: act(step), text});
    return h('section', {class: 'card', id: 'act-kill-switch'}, h('h3', {text: 'Kill switch'}),
      h('form', {class: 'row', onsubmit: (e) => e.preventDefault()}, field('Reason (required)', reason),
        admin ? field('Proposal lapses after (min)', ttl) : null,
        this.session.may('killSwitchEngage') ? button('kill-engage', 'engage', 'Engage…', 'danger') : null,
        admin ? button('kill-release', 'propose', 'Propose release…') : null,
        admin ? button('kill-approve', 'approve', 'Approve release…') : null,
        admin ? button('kill-reject', 'reject', 'Reject release…') : null),
      admin ? h('p', {class: 'muted', text: 'Two-person rule: a release takes effect only when a second admin approves it.'}) : null,
      outcome);
  }

  maintenanceForm() {
    const on = select([['true', 'On'], ['false', 'Off']], {id: 'maint-on'});
    const message = h('input', {id: 'maint-message', maxlength: 500, placeholder: 'shown to customers'});
    const reason = h('input', {id: 'maint-reason', required: true, maxlength: 500});
    const ttl = proposalTtlInput('maint-proposal-ttl');
    const outcome = outcomeRegion();
    outcome.id = 'maint-outcome';
    const sync = () => {
      ttl.disabled = on.value === 'true';
    };
    on.addEventListener('change', sync);
    sync();
    const submit = async (e) => {
      e.preventDefault();
      const body = {on: on.value === 'true', reason: reason.value.trim()};
      if (body.on) body.message = message.value.trim();
      if (!ttl.disabled && !ttl.reportValidity()) return;
      const lapses = ttl.disabled ? null : proposalExpiry(ttl);
      if (lapses) body.proposalExpiresAt = lapses;
      if (await confirmAction(`Maintenance ${body.on ? 'on' : 'off'}?`, blastRadiusOf('global'), `Reason: ${body.reason}`)) {
        await runCommand(this.api, outcome, 'PUT', '/api/maintenance', body);
      }
    };
    return h('section', {class: 'card', id: 'act-maintenance'}, h('h3', {text: 'Maintenance'}),
      h('form', {class: 'row', onsubmit: submit}, field('Maintenance', on), field('Message', message),
        field('Reason (required)', reason),
        field('Proposal lapses after (min)', ttl),
        h('button', {type: 'submit', id: 'maint-submit', text: 'Apply…'})),
      outcome);
  }
}
customElements.define('tcp-page-act', ActPage);
