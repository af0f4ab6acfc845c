// A live channel (/ws/admin for admins, /ws/staff for operators and auditors, /ws/trading for
// customers): hello, a snapshot of every
// scope the caller may see, then gapless changes (docs/api.md "Websockets"). It reconnects by
// itself with exponential backoff and resumes with lastSeq/epoch, so a restarted API or a dropped
// network heals without a reload. The states are kept per scope by version (the higher one wins).

import {h} from './dom.js';

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 15000];

export class LiveFeed extends EventTarget {
  constructor(token, channel) {
    super();
    this.token = token;
    this.channel = channel;
    this.states = new Map();
    this.status = {state: 'connecting', attempt: 0, retryAt: null, detail: ''};
    this.epoch = null;
    this.seq = null;
    this.closed = false;
    this.connect();
  }

  /** True when the channel carries every scope (admin, staff): nothing in force is missing from it. */
  get everyScope() {
    return this.channel !== 'trading';
  }

  connect() {
    const url = new URL(`/ws/${this.channel}`, location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('access_token', this.token);
    if (this.epoch !== null) {
      url.searchParams.set('epoch', this.epoch);
      url.searchParams.set('lastSeq', this.seq);
    }
    this.setStatus('connecting', '');
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onmessage = (e) => this.receive(JSON.parse(e.data));
    socket.onclose = (e) => this.closedWith(e);
  }

  receive(message) {
    if (message.type === 'hello') {
      this.epoch = message.epoch;
      this.seq = message.seq;
      this.status.attempt = 0;
      this.setStatus('live', '');
      return;
    }
    if (message.type === 'snapshot') {
      this.states = new Map(message.states.map((s) => [s.scope, s]));
      this.seq = message.seq;
    } else if (message.type === 'control-state') {
      const known = this.states.get(message.payload.scope);
      if (!known || (known.version ?? -1) <= (message.payload.version ?? 0)) {
        this.states.set(message.payload.scope, message.payload);
      }
      this.seq = message.seq;
    }
    this.dispatchEvent(new CustomEvent('change', {detail: message}));
  }

  closedWith(event) {
    if (this.closed) return;
    if (event.code === 1008) {
      // Token expired or refused: reconnecting with the same token cannot help.
      this.setStatus('offline', `closed by the server: ${event.reason || 'policy violation'}`);
      return;
    }
    const delay = BACKOFF_MS[Math.min(this.status.attempt, BACKOFF_MS.length - 1)];
    this.status.attempt += 1;
    this.status.retryAt = Date.now() + delay;
    this.setStatus('reconnecting', `connection lost (code ${event.code}); retry ${this.status.attempt}`);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  setStatus(state, detail) {
    this.status = {...this.status, state, detail};
    this.dispatchEvent(new CustomEvent('status', {detail: this.status}));
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    const socket = this.socket;
    if (!socket) return;
    // Closing a socket that is still connecting makes the browser report an error (a quick sign-out
    // after a reload did): close it as soon as it is open instead.
    if (socket.readyState === WebSocket.CONNECTING) {
      socket.onopen = () => socket.close(1000, 'signed out');
    } else {
      socket.close(1000, 'signed out');
    }
  }
}

const LABELS = {connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline'};

/** <tcp-connection>: the visible state of a LiveFeed (set .feed). */
export class ConnectionIndicator extends HTMLElement {
  set feed(feed) {
    this.detach?.();
    const update = () => this.render(feed.status);
    feed.addEventListener('status', update);
    this.detach = () => feed.removeEventListener('status', update);
    update();
  }

  render(status) {
    this.setAttribute('role', 'status');
    this.setAttribute('aria-live', 'polite');
    this.dataset.state = status.state;
    this.replaceChildren(h('span', {class: 'dot', 'aria-hidden': 'true'}),
      h('span', {class: 'conn-label', text: LABELS[status.state] || status.state}));
    this.title = status.detail || LABELS[status.state];
  }

  disconnectedCallback() {
    this.detach?.();
  }
}
customElements.define('tcp-connection', ConnectionIndicator);
