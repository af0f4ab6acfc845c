// The open two-person proposals (kill-switch release, global resume, maintenance off): who proposed
// what, why, and how long it waits for a second admin. Admins approve or reject from here
// (POST /api/two-person/{action}/approve|reject); the processors refuse the proposer's own approval
// (SECOND_ADMIN_REQUIRED), which the outcome region shows with its code.

import {h, fill, field, countdown} from './dom.js';
import {confirmAction, blastRadiusOf, runCommand, outcomeRegion} from './forms.js';

const WORDS = {
  KILL_SWITCH_RELEASE: ['Release of the kill switch', 'kill-switch-release', 'Trading restarts wherever nothing else holds it.'],
  GLOBAL_RESUME: ['Resume of global trading', 'global-resume', 'The global pause ends.'],
  MAINTENANCE_OFF: ['Maintenance off', 'maintenance-off', 'Maintenance mode ends for every customer.'],
};

/** "lapses in 9m 57s (2026-…Z)", or "lapsed (…)" once past. */
export function lapse(iso) {
  const left = countdown(iso);
  return `${left === 'expired' ? 'lapsed' : `lapses ${left}`} (${iso})`;
}

/** The open proposals of a global state (a push or a REST document), those past their expiry left out. */
export function openProposals(state, now = Date.now()) {
  const list = (state && state.proposals) || [];
  return list.filter((p) => p.expiresAt && Date.parse(p.expiresAt) > now);
}

/** A card listing the open proposals; {@link update} re-renders the list, keeping the reason typed. */
export class ProposalsCard {
  constructor(api, session) {
    this.api = api;
    this.admin = session.isAdmin();
    this.list = h('div', {id: 'proposals-list'});
    this.reason = h('input', {id: 'proposal-reason', required: true, maxlength: 500});
    this.outcome = outcomeRegion();
    this.outcome.id = 'proposal-outcome';
    this.key = null;
    this.element = h('section', {class: 'card', id: 'proposals', hidden: true},
      h('h3', {text: 'Awaiting a second admin'}), this.list,
      this.admin ? h('form', {class: 'row', onsubmit: (e) => e.preventDefault()}, field('Reason (required)', this.reason)) : null,
      this.outcome);
  }

  update(state) {
    const open = openProposals(state);
    const key = JSON.stringify(open.map((p) => [p.action, p.proposedBy, p.expiresAt]));
    this.element.hidden = open.length === 0 && !this.outcome.textContent;
    if (key === this.key) return;
    this.key = key;
    fill(this.list, ...open.map((p) => this.row(p)));
  }

  row(p) {
    const [title, segment, effect] = WORDS[p.action] || [p.action, p.action.toLowerCase().replaceAll('_', '-'), ''];
    const step = (verb) => async () => {
      if (!this.reason.reportValidity()) return;
      const question = `${verb === 'approve' ? 'Approve' : 'Reject'}: ${title}?`;
      if (await confirmAction(question, blastRadiusOf('global'), verb === 'approve' ? effect : 'Nothing takes effect.')) {
        await runCommand(this.api, this.outcome, 'POST', `/api/two-person/${segment}/${verb}`, {reason: this.reason.value.trim()});
        this.element.hidden = false;
      }
    };
    return h('div', {class: 'proposal', 'data-action': p.action},
      h('p', {}, h('strong', {text: title}), ` proposed by ${p.proposedBy ?? '?'}: ${p.reason ?? ''} — `,
        h('span', {'data-expires': p.expiresAt, text: lapse(p.expiresAt)})),
      this.admin ? h('button', {type: 'button', id: `approve-${segment}`, onclick: step('approve'), text: 'Approve…'}) : null,
      this.admin ? h('button', {type: 'button', id: `reject-${segment}`, onclick: step('reject'), text: 'Reject…'}) : null);
  }
}
