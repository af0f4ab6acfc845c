// Small DOM helpers. Text is always set as text (never parsed as HTML), so data from the API
// cannot inject markup; the page's Content-Security-Policy forbids inline script and style anyway.

let nextId = 0;

/** A unique element id, for label/for pairs. */
export function uid(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * h('button', {class: 'x', onclick: fn, 'aria-label': '...'}, 'text', child...): an element.
 * Keys starting with "on" are listeners; "text" sets textContent; everything else is an attribute
 * (false/null/undefined attributes are left out, true ones set empty).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'text') {
      el.textContent = value;
    } else if (key === 'value') {
      el.value = value;
    } else if (key === 'checked') {
      el.checked = Boolean(value);
    } else if (value !== false && value !== null && value !== undefined) {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** An input, select or textarea with its visible label, wrapped in one block. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = uid('f');
  const parts = [h('label', {for: control.id, text: labelText}), control];
  if (hint) parts.push(hint);
  return h('div', {class: 'field'}, ...parts);
}

/** A select with options given as [value, text] pairs or plain strings. */
export function select(options, props = {}) {
  return h('select', props, ...options.map((o) => {
    const [value, text] = Array.isArray(o) ? o : [o, o];
    return h('option', {value, text});
  }));
}

export function table(headers, rows, caption) {
  return h('table', {},
    caption ? h('caption', {text: caption}) : null,
    h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', {scope: 'col', text: t})))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((c) => h('td', {}, c ?? '-'))))));
}

/** "in 4m 03s" / "expired"; null for no expiry. */
export function countdown(iso, now = Date.now()) {
  if (!iso) return null;
  const ms = Date.parse(iso) - now;
  if (ms <= 0) return 'expired';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  if (d > 0) return `in ${d}d ${hh}h`;
  if (hh > 0) return `in ${hh}h ${String(mm).padStart(2, '0')}m`;
  return `in ${mm}m ${ss}s`;
}

/** A datetime-local input's value as an ISO instant, or null when empty. */
export function isoFromLocal(value) {
  if (!value) return null;
  const t = new Date(value);
  return Number.isNaN(t.getTime()) ? null : t.toISOString();
}

/** An ISO instant as the value of a datetime-local input (local time, minutes). */
export function localFromIso(iso) {
  const t = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:${pad(t.getMinutes())}`;
}
