// Time travel: the whole state (control, config, profiles) as of a chosen instant, computed by the
// API from the event log (GET /api/state?asOf=). A slider over the last hours, or an exact instant.

import {h, fill, field, select, table, isoFromLocal, localFromIso} from './dom.js';
import {showError} from './forms.js';

class TimeTravelPage extends HTMLElement {
  connectedCallback() {
    this.hours = select([['1', 'last hour'], ['6', 'last 6 hours'], ['24', 'last 24 hours']], {id: 'tt-hours'});
    this.slider = h('input', {id: 'tt-slider', type: 'range', min: 0, max: 60, step: 1, value: 60});
    this.picker = h('input', {id: 'tt-picker', type: 'datetime-local'});
    this.label = h('output', {id: 'tt-asof', for: this.slider.id});
    this.result = h('div', {id: 'tt-result', 'aria-live': 'polite'});
    this.hours.addEventListener('change', () => this.rescale());
    this.slider.addEventListener('input', () => this.fromSlider());
    this.picker.addEventListener('change', () => this.show(isoFromLocal(this.picker.value)));
    fill(this, h('h2', {text: 'Time travel'}),
      h('form', {class: 'row', onsubmit: (e) => e.preventDefault()},
        field('Range', this.hours), field('Instant in the range (right = now)', this.slider),
        field('Or an exact instant', this.picker)),
      h('p', {}, 'State as of ', this.label), this.result);
    this.rescale();
  }

  rescale() {
    this.slider.max = String(Number(this.hours.value) * 60);
    this.slider.value = this.slider.max;
    this.fromSlider();
  }

  fromSlider() {
    const minutesBack = Number(this.slider.max) - Number(this.slider.value);
    const at = new Date(Date.now() - minutesBack * 60000).toISOString();
    this.slider.setAttribute('aria-valuetext', minutesBack ? `${minutesBack} minutes ago` : 'now');
    this.picker.value = localFromIso(at);
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.show(at), 200);
  }

  async show(asOf) {
    if (!asOf) return;
    this.label.textContent = asOf;
    try {
      const state = await this.api.get('/api/state', {asOf});
      if (this.label.textContent !== asOf) return; // a later choice was made meanwhile
      fill(this.result,
        table(['Scope', 'Mode', 'Kill switch', 'Maintenance', 'Reduce-only', 'Paused by / why'],
          state.control.map((c) => [c.scope, c.mode, String(c.killSwitch), String(c.maintenance),
            String(c.reduceOnly ?? false), c.pause ? `${c.pause.by ?? '-'}: ${c.pause.reason ?? ''}` : '-']), 'Control'),
        table(['Key', 'Value', 'Version'], state.config.map((c) => [c.key, JSON.stringify(c.value), String(c.version)]), 'Config'),
        table(['Profile', 'Tenant', 'Name', 'Enabled'],
          state.profiles.map((p) => [p.profileId, p.tenantId, p.name, String(p.enabled)]), 'Profiles'));
    } catch (e) {
      showError(fill(this.result), e);
    }
  }
}
customElements.define('tcp-page-timetravel', TimeTravelPage);
