// The signed-in caller: the bearer token (kept in sessionStorage, so a reload keeps the session and
// closing the tab ends it) and who the API says it is (GET /api/me/profile: roles and tenant exactly
// as the server reads the token's claims). What the console offers follows these roles; the API
// still enforces them on every call.

const KEY = 'tcp.console.session';
/** A token this close to its expiry is flagged in the header. */
export const EXPIRY_WARNING_MS = 15 * 60 * 1000;

export const ROLES = {
  pages: {
    now: ['admin', 'operator', 'auditor'],
    act: ['admin', 'operator'],
    config: ['admin', 'operator', 'auditor'],
    profiles: ['admin', 'operator', 'auditor', 'customer'],
    audit: ['admin', 'auditor'],
    timetravel: ['admin', 'auditor'],
    preview: ['admin', 'operator', 'auditor', 'customer'],
  },
  actions: {
    control: ['admin', 'operator'],
    killSwitchEngage: ['admin', 'operator'],
    killSwitchRelease: ['admin'],
    maintenance: ['admin'],
    profileToggle: ['admin', 'operator', 'customer'],
    configChange: ['admin'],
  },
};

/** The claims of a JWT (not verified here: the API verifies; this only reads exp for the warning). */
export function claimsOf(token) {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not a JWT (expected three dot-separated parts)');
  const b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return JSON.parse(json);
}

export class Session {
  constructor(token, profile) {
    this.token = token;
    this.subject = profile.subject;
    this.tenantId = profile.tenantId || null;
    this.roles = profile.roles || [];
    const exp = claimsOf(token).exp;
    this.expiresAt = typeof exp === 'number' ? exp * 1000 : null;
  }

  has(...roles) {
    return roles.some((r) => this.roles.includes(r));
  }

  mayOpen(page) {
    return this.has(...ROLES.pages[page]);
  }

  may(action) {
    return this.has(...ROLES.actions[action]);
  }

  isAdmin() {
    return this.has('admin');
  }

  msLeft(now = Date.now()) {
    return this.expiresAt === null ? Infinity : this.expiresAt - now;
  }

  save() {
    sessionStorage.setItem(KEY, JSON.stringify({token: this.token,
      profile: {subject: this.subject, tenantId: this.tenantId, roles: this.roles}}));
  }

  static restore() {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    try {
      const {token, profile} = JSON.parse(raw);
      return new Session(token, profile);
    } catch (e) {
      sessionStorage.removeItem(KEY);
      return null;
    }
  }

  static clear() {
    sessionStorage.removeItem(KEY);
  }
}
