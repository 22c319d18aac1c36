// A compound's notices in bulk, for the benchmarks of the board at 10,000 notices.
import { bundle, id } from '../browser/bundles.mjs';

const TOPICS = ['general', 'parking', 'elevator', 'roster', 'safety', 'event', 'works'];
const WORDS = ['电梯加装', '停车', '垃圾分类', '楼道', '充电车棚', '绿化', '维修资金', '消防通道', '志愿者', '议事会'];

// n notices of the sizes committees write: a 20-character title, a body of a few
// hundred characters; a tenth of them past.
export function manyNotices(n) {
  const records = [];
  const base = 1795400000000;
  for (let i = 0; i < n; i++) {
    const w = WORDS[i % WORDS.length], w2 = WORDS[(i * 7 + 3) % WORDS.length];
    const body = `关于${w}的第 ${i} 号通知。` + `请各位居民注意${w2}相关安排，如有疑问请到居委会咨询，或拨打 021-5666 0288。`.repeat(4);
    const notice = {
      id: id(i + 1, 'f'), kind: 'notice', rev: `${base - i * 1000}-0-bench`, topic: TOPICS[i % TOPICS.length],
      title: { zh: `${w}：第 ${i} 号通知（${w2}）`, en: `Notice ${i}` }, body: { zh: body, en: '' },
      published_ms: base - i * 60000,
    };
    if (i % 10 === 9) notice.expires_ms = base - i * 60000 + 3600000;
    records.push(notice);
  }
  return bundle(records);
}
