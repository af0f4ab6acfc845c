'use strict';
// The effective decision for (tenant, profile, symbol), as docs/topics.md ("Reading the control
// state", "Decision vectors") defines it. Pure: state in, decision out, no I/O. The state is the
// current value per key of trading.control-state (ControlState) and trading.profile-state
// (ProfileStatus), as decoded from Avro (instants as epoch millis) or as written in the vectors file
// (instants as ISO-8601 strings); both are accepted.

const MODES = ['ACTIVE', 'REDUCE_ONLY', 'PAUSED', 'HALTED'];
const KINDS = ['KILL_SWITCH', 'MAINTENANCE', 'PAUSE', 'REDUCE_ONLY']; // order of causes within one scope
const KIND_MODE = { KILL_SWITCH: 'HALTED', MAINTENANCE: 'PAUSED', PAUSE: 'PAUSED', REDUCE_ONLY: 'REDUCE_ONLY' };
const ID = /^[A-Za-z0-9._@|+-]{1,128}$/;
const SYMBOL = /^[A-Z0-9._/-]{1,32}$/;

class InvalidQuery extends Error {}

/** Epoch millis of an instant given as millis, a Date or an ISO-8601 string; null stays null. */
function millis(value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return Date.parse(value);
  return Number(value);
}

function iso(ms) {
  return ms === null ? null : new Date(ms).toISOString();
}

/** Scopes are canonical: symbols upper-cased (symbol:aapl and symbol:AAPL are one scope). */
function canonicalScope(scope) {
  return scope.startsWith('symbol:') ? 'symbol:' + scope.slice('symbol:'.length).toUpperCase() : scope;
}

/** The controls one ControlState record carries, by kind (a later entry of a kind replaces an earlier one). */
function controlsOf(record) {
  const restricted = record.mode !== 'ACTIVE' || record.killSwitch === true || record.maintenance === true;
  const controls = record.controls || [];
  const byKind = {};
  if (controls.length > 0 || !restricted) {
    for (const c of controls) {
      const timed = c.kind === 'PAUSE' || c.kind === 'REDUCE_ONLY';
      byKind[c.kind] = {
        setBy: c.setBy, setAt: millis(c.setAt), reason: c.reason ?? null, commandId: c.commandId ?? null,
        expiresAt: timed ? millis(c.expiresAt) : null, message: c.kind === 'MAINTENANCE' ? c.message ?? null : null,
      };
    }
    return byKind;
  }
  // Written before v2: only the last change's provenance, and reduce-only did not exist yet.
  const eventId = record.lastEventId ?? null;
  const last = {
    setBy: record.setBy ?? 'unknown', setAt: millis(record.setAt) ?? 0, reason: record.reason ?? null,
    commandId: eventId !== null && eventId.lastIndexOf(':') >= 0 ? eventId.slice(0, eventId.lastIndexOf(':')) : eventId,
    expiresAt: null, message: null,
  };
  if (record.killSwitch) byKind.KILL_SWITCH = { ...last };
  if (record.maintenance) byKind.MAINTENANCE = { ...last, message: record.maintenanceMessage ?? null };
  const expiresAt = millis(record.expiresAt);
  if (expiresAt !== null || (record.mode === 'PAUSED' && !record.maintenance)) {
    byKind.PAUSE = { ...last, expiresAt };
  }
  return byKind;
}

/** A timed control no longer applies from its expiresAt on (now >= expiresAt), lapse event or not. */
function applies(control, now) {
  return control.expiresAt === null || now < control.expiresAt;
}

function byRestrictionDesc(a, b) {
  return MODES.indexOf(b.mode) - MODES.indexOf(a.mode); // Array.prototype.sort is stable
}

function scopesFor(tenant, profile, symbol) {
  if (tenant !== null && !ID.test(tenant)) throw new InvalidQuery(`invalid tenant id '${tenant}'`);
  if (profile !== null && tenant === null) throw new InvalidQuery('a profile is named within its tenant: give the tenant too');
  if (profile !== null && !ID.test(profile)) throw new InvalidQuery(`invalid profile id '${profile}'`);
  const upper = symbol === null ? null : symbol.toUpperCase();
  if (upper !== null && !SYMBOL.test(upper)) throw new InvalidQuery(`invalid symbol '${symbol}'`);
  const scopes = ['global'];
  if (tenant !== null) scopes.push(`tenant:${tenant}`);
  if (profile !== null) scopes.push(`strategy:${tenant}:${profile}`, `strategy:${profile}`); // qualified, then legacy
  if (upper !== null) scopes.push(`symbol:${upper}`);
  return scopes;
}

function profileCause(tenant, profile, status) {
  const scope = `strategy:${tenant}:${profile}`;
  if (status && status.enabled) return null;
  if (!status) {
    return { scope, kind: 'PROFILE_UNKNOWN', mode: 'REDUCE_ONLY', setBy: null, setAt: null, reason: null,
      commandId: null, expiresAt: null, message: null };
  }
  return { scope, kind: 'PROFILE_DISABLED', mode: 'REDUCE_ONLY', setBy: status.setBy ?? null,
    setAt: iso(millis(status.setAt)), reason: status.reason ?? null, commandId: null, expiresAt: null, message: null };
}

/**
 * @param state {{controls: Map<string, object>, profiles: Map<string, object>}} current records:
 *        controls by canonical scope, profiles by 'profile:<tenant>:<profile>'
 * @param query {{tenant, profile, symbol}} each nullable
 * @param now epoch millis
 * @returns {{mode, mayOpen, mayReduce, maintenance, causes}}; throws InvalidQuery
 */
function decide(state, query, now) {
  const tenant = query.tenant ?? null;
  const profile = query.profile ?? null;
  const causes = [];
  for (const scope of scopesFor(tenant, profile, query.symbol ?? null)) {
    const record = state.controls.get(scope);
    if (!record) continue;
    const controls = controlsOf(record);
    for (const kind of KINDS) {
      const c = controls[kind];
      if (c && applies(c, now)) {
        causes.push({ scope, kind, mode: KIND_MODE[kind], setBy: c.setBy, setAt: iso(c.setAt), reason: c.reason,
          commandId: c.commandId, expiresAt: iso(c.expiresAt), message: c.message });
      }
    }
  }
  if (profile !== null) {
    const cause = profileCause(tenant, profile, state.profiles.get(`profile:${tenant}:${profile}`));
    if (cause) causes.push(cause); // last among its mode after the stable sort
  }
  causes.sort(byRestrictionDesc);
  const mode = causes.length === 0 ? 'ACTIVE' : causes[0].mode;
  return {
    mode, mayOpen: mode === 'ACTIVE', mayReduce: mode === 'ACTIVE' || mode === 'REDUCE_ONLY',
    maintenance: causes.some((c) => c.kind === 'MAINTENANCE'), causes,
  };
}

/** Applies one record of either topic to the state (a null value, a tombstone, removes the key). */
function apply(state, topic, key, value) {
  if (topic === 'trading.control-state') {
    const scope = canonicalScope(value ? value.scope : key);
    if (value) state.controls.set(scope, value); else state.controls.delete(scope);
  } else if (topic === 'trading.profile-state') {
    const id = value ? `profile:${value.tenantId}:${value.profileId}` : key;
    if (value) state.profiles.set(id, value); else state.profiles.delete(id);
  }
}

function emptyState() {
  return { controls: new Map(), profiles: new Map() };
}

module.exports = { decide, apply, emptyState, millis, InvalidQuery };
