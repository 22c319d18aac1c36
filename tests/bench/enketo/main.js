// The Enketo side of tests/bench/poll_link.bench.mjs: what an Enketo Express form page does
// on a first visit, with Enketo's own engine and nothing of Express around it. Like Express's
// enketo-webform.js it fetches the transformed form (Express: its transform API; here the
// transformer's output saved by build.mjs as form.json), puts the form's HTML after the
// header, makes `new Form(formEl, { modelStr })` of enketo-core and calls init(). Then, once
// the first question is on the page and visible, it sets window.enketo.readyAt (ms since
// navigation start). Bundled by build.mjs (esbuild) with enketo-core's own stand-ins for
// Express's modules (its package.json "browser" map: config, widgets, translator, dialog...).
import { Form } from 'enketo-core';

window.enketo = { ready: false, readyAt: null, drawnAt: null, loadErrors: [] };
// When the first option's text was painted (Element Timing: its presentation time), to set
// beside Linli's "drawn by the GPU".
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.identifier === 'first-option') window.enketo.drawnAt = e.renderTime;
}).observe({ type: 'element', buffered: true });

function visible(el) {
  if (!el) return false;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && r.top < innerHeight && style.visibility !== 'hidden' &&
    style.display !== 'none' && Number(style.opacity) > 0;
}

async function start() {
  const response = await fetch('form.json');
  if (!response.ok) throw new Error(`form.json: HTTP ${response.status}`);
  const survey = await response.json();
  if (!survey.form || !survey.model) throw new Error('Received form incomplete');

  const header = document.querySelector('.main > .paper > .form-header');
  header.after(document.createRange().createContextualFragment(survey.form));
  const formEl = document.querySelector('form.or');
  formEl.querySelector('.question .option-label')?.setAttribute('elementtiming', 'first-option');

  const form = new Form(formEl, { modelStr: survey.model, instanceStr: null, external: [], submitted: false }, {});
  const loadErrors = form.init();
  // As Express's controller does: removing the loader makes the form visible.
  document.querySelector('.main-loader')?.remove();
  const title = formEl.querySelector('#form-title');
  if (title) document.title = title.textContent.trim();
  window.enketo.form = form;
  if (loadErrors.length) {
    window.enketo.loadErrors = loadErrors;
    console.error('Enketo load errors:', loadErrors);
  }

  // The first question's first option, in the DOM and shown.
  const first = formEl.querySelector('.question input[type="radio"], .question input[type="checkbox"]');
  const label = first && first.closest('label');
  await new Promise((resolve) => {
    const check = () => (visible(label) ? resolve() : requestAnimationFrame(check));
    check();
  });
  window.enketo.ready = true;
  window.enketo.readyAt = performance.now();
}

start().catch((e) => {
  window.enketo.error = String(e && e.message || e);
  console.error('Enketo failed to load the form:', e);
});
