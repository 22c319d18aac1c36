// A bundle of n responses to a 10-question survey, as a volunteer's tablet would export
// them: the workload of the 100,000-response benchmarks.
import { bundle, SURVEY } from '../browser/bundles.mjs';

export const BIG_POLL_ID = 'd'.repeat(32);

export function bigBundle(n) {
  const poll = { ...SURVEY, id: BIG_POLL_ID, title: { zh: '十题问卷', en: 'Ten questions' }, questions: [] };
  for (let q = 1; q <= 10; q++) {
    poll.questions.push({ id: 'q' + q, type: 'single', text: { zh: '问题 ' + q, en: 'Question ' + q },
      options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: { zh: '选项 ' + o, en: 'option ' + o } })) });
  }
  const records = [poll];
  for (let i = 0; i < n; i++) {
    const answers = [];
    for (let q = 1; q <= 10; q++) answers.push({ question: 'q' + q, choices: ['abcd'[(i >> q) & 3]] });
    records.push({ id: ('c' + i.toString(16)).padStart(32, '0'), kind: 'response', rev: `${1795400000000 + i}-0-bulk`,
      poll: poll.id, submitted_ms: 1795400000000 + i, answers });
  }
  return bundle(records);
}
