// Bundles made for tests, in the format a device exports: built on the sample
// compound's ids so that they import into a device that holds the sample.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

export const SAMPLE = JSON.parse(readFileSync(path.join(ROOT, 'assets/sample/sample-compound.json'), 'utf8'));
const byKind = (k) => SAMPLE.records.filter((r) => r.kind === k);
export const SURVEY = byKind('poll').find((p) => p.type === 'survey');
export const NOTICE = byKind('notice')[0];

export function id(n, prefix = 'a') {
  return (prefix + n.toString(16)).padStart(32, '0').slice(-32);
}

export function bundle(records, { device = 'testdevice', scope = 'committee' } = {}) {
  return {
    format: 'linli-bundle', version: 1, community: SAMPLE.community, device,
    exported_at: 1795400000000, scope, records,
  };
}

// Response number n to the sample survey; `variant` changes its content under the same id.
export function response(n, { device = 'testdevice', variant = 0 } = {}) {
  return {
    id: id(n, 'e'), kind: 'response', rev: `${1795400000000 + n}-0-${device}`, poll: SURVEY.id,
    submitted_ms: 1795400000000 + n,
    answers: [{ question: 'q1', choices: [variant ? 'a4' : 'a' + (1 + (n % 3))] }, { question: 'q2', number: 1 + (n % 5) }],
  };
}

export function responses(from, to, opts) {
  const out = [];
  for (let n = from; n < to; n++) out.push(response(n, opts));
  return out;
}

// The sample's first notice, edited at a later time.
export function editedNotice(ms, title) {
  return { ...NOTICE, rev: `${ms}-0-editor`, title: { zh: title, en: title } };
}

export const text = (b) => JSON.stringify(b);
