// What every action form shares: a confirmation that names the blast radius, sending the command
// and showing its outcome exactly as the API answered (accepted with the version, or the code and
// message of the rejection).

import {h, fill} from './dom.js';
import {ApiError} from './api.js';

/** Resolves true when the operator confirms. The dialog names what is about to change and for whom. */
export function confirmAction(title, blastRadius, details) {
  return new Promise((resolve) => {
    const dialog = h('dialog', {class: 'confirm', 'aria-labelledby': 'confirm-title'});
    const done = (ok) => {
      dialog.close();
      dialog.remove();
      resolve(ok);
    };
    dialog.append(
      h('h2', {id: 'confirm-title', text: title}),
      h('p', {class: `blast ${blastRadius.global ? 'blast-global' : 'blast-tenant'}`, text: blastRadius.text}),
      details ? h('p', {text: details}) : null,
      h('div', {class: 'buttons'},
        h('button', {type: 'button', class: 'danger', 'data-action': 'confirm', onclick: () => done(true),
          text: 'Confirm'}),
        h('button', {type: 'button', 'data-action': 'cancel', onclick: () => done(false), text: 'Cancel'})));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Who a scope touches: global and symbol scopes reach every tenant, the others one tenant. */
export function blastRadiusOf(scope) {
  if (scope === 'global') return {global: true, text: 'Blast radius: GLOBAL — every tenant, every strategy.'};
  if (scope.startsWith('symbol:')) {
    return {global: true, text: `Blast radius: every tenant trading ${scope.slice(7)}.`};
  }
  if (scope.startsWith('tenant:')) return {global: false, text: `Blast radius: tenant ${scope.slice(7)} only.`};
  const [, tenant, profile] = scope.split(':');
  return {global: false, text: `Blast radius: strategy ${profile ?? tenant} of tenant ${tenant} only.`};
}

/**
 * Sends a command and writes its outcome into the outcome element. 202 (no outcome within the
 * wait) is followed up at /api/commands/{id} until it is decided or 20 s have passed.
 */
export async function runCommand(api, outcome, method, path, body, headers) {
  fill(outcome, h('span', {class: 'pending', text: 'Sending…'}));
  outcome.dataset.result = 'pending';
  try {
    let response = await api.send(method, path, {body, headers, command: true});
    let result = response.body;
    if (response.status === 202) result = await followUp(api, result.commandId);
    show(outcome, result);
    return result;
  } catch (e) {
    showError(outcome, e);
    return null;
  }
}

async function followUp(api, commandId) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    const result = await api.get(`/api/commands/${encodeURIComponent(commandId)}`);
    if (result.status !== 'PENDING') return result;
    await new Promise((r) => setTimeout(r, 500));
  }
  return {status: 'PENDING', commandId};
}

function show(outcome, result) {
  outcome.dataset.result = result.status.toLowerCase();
  if (result.status === 'ACCEPTED') {
    fill(outcome, h('strong', {text: 'Accepted'}),
      ` — ${result.aggregateId ?? ''} at version ${result.resultingVersion}`,
      result.message ? ` (${result.message})` : '',
      h('span', {class: 'muted', text: ` (command ${result.commandId})`}));
  } else if (result.status === 'REJECTED') {
    fill(outcome, h('strong', {text: 'Rejected '}), h('code', {class: 'code', text: result.code}),
      `: ${result.message ?? ''}`, h('span', {class: 'muted', text: ` (command ${result.commandId})`}));
  } else {
    fill(outcome, h('strong', {text: 'Pending'}),
      ` — not decided yet; look it up later: command ${result.commandId}`);
  }
}

/** An ApiError as "Rejected CODE (status): detail [request id]"; any other error as its message. */
export function showError(outcome, e) {
  outcome.dataset.result = 'rejected';
  if (e instanceof ApiError) {
    fill(outcome, h('strong', {text: 'Rejected '}), h('code', {class: 'code', text: e.code}),
      ` (${e.status}): ${e.problem.detail ?? e.problem.title ?? ''}`,
      h('span', {class: 'muted', text: e.requestId ? ` [request ${e.requestId}]` : ''}));
  } else {
    fill(outcome, h('strong', {text: 'Failed: '}), String(e.message || e));
  }
}

/**
 * The optional time-to-live of a two-person proposal in minutes: 1 to 60, the browser checks the
 * bounds; left empty, the processors' default (10 minutes) applies.
 */
export function proposalTtlInput(id) {
  return h('input', {id, type: 'number', min: 1, max: 60, step: 1, placeholder: '10'});
}

/** The instant the proposal lapses for the minutes entered, or null when none were. */
export function proposalExpiry(input) {
  return input.value ? new Date(Date.now() + Number(input.value) * 60000).toISOString() : null;
}

/** The region an outcome is written to: announced to screen readers. */
export function outcomeRegion() {
  return h('div', {class: 'outcome', role: 'status', 'aria-live': 'polite'});
}
