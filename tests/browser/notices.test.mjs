// Notices as the committee writes them and residents read them, through the canvas: a
// notice written, refused while wrong (nothing saved), previewed, published, carried to a
// resident's phone in a public export, shown first and in red on every screen until read,
// read state kept across a restart, edited, copied, retracted; search over titles and
// bodies, past notices included; links to a notice, to a retracted one and to an unknown
// one; an event added to a calendar, read back by a real iCalendar parser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PHONE, serve, launch, launchDevice, openApp, state, tap, waitState, findWidget, digest, watch, exportFile, reveal,
  importFile, waitSaved, nextFrames, screenshot } from './harness.mjs';
import { enableTools, typeInto, screenText } from './poll_steps.mjs';
import { manyNotices } from '../bench/many_notices.mjs';

const EVENT_ID = '4c8e2f61b0a3497d9e5f1a2b3c4d5e6f';  // the sample's information meeting
const URGENT = '紧急';

let server, browser;

// The committee's editor, a new notice open in it (the tools turned on first).
async function newNotice(page) {
  await openApp(page, server.url);
  await enableTools(page);
  await tap(page, '公告');
  await tap(page, '写公告');
  await waitState(page, (s) => s.board.editing);
}
const dir = mkdtempSync(path.join(tmpdir(), 'linli-notices-'));
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// The red bar's words, or null when there is none.
const urgentBar = async (page) => {
  await nextFrames(page);
  return page.evaluate(() => window.linli.widgets().find((w) => w.id === 'urgent')?.label ?? null);
};

test('the committee writes an urgent notice; a resident sees it first and in red on every screen until read', async () => {
  const committee = await launchDevice();
  const page = committee.context.pages()[0] || await committee.context.newPage();
  const errors = watch(page);
  await newNotice(page);
  const before = await digest(page);

  // Wrong, said next to the field, and nothing saved.
  await tap(page, '发布');
  let s = await waitState(page, (s) => s.board.error !== '');
  assert.equal(s.board.error_field, 'title');
  await typeInto(page, 'zh-title', '明天 9 点 7–12 号楼停水');
  await typeInto(page, 'zh-body', '因管道检修，**7–12 号楼**停水一天。\n\n- 请提前储水\n- 有困难请找门岗');
  await tap(page, 'topic.works');
  await tap(page, URGENT);
  await typeInto(page, 'expires', '2026-12-01');  // before now, when it starts
  await tap(page, '发布');
  s = await waitState(page, (s) => s.board.error_field === 'expires');
  assert.match(s.board.error, /结束时间必须晚于/);
  await typeInto(page, 'event-day', '12月12日');
  await tap(page, '发布');
  s = await waitState(page, (s) => s.board.error_field === 'event');
  assert.match(s.board.error, /2026-12-12/, 'the format wanted is shown');
  assert.equal(await digest(page), before, 'a refused notice changes nothing');
  await typeInto(page, 'expires', '2099-01-01 00:00');
  await typeInto(page, 'event-day', '2026-12-12');
  await typeInto(page, 'event-from', '16:00');
  await typeInto(page, 'event-to', '14:00');
  await tap(page, '发布');
  s = await waitState(page, (s) => /活动的结束时间/.test(s.board.error));
  assert.equal(s.board.error_field, 'event');
  await typeInto(page, 'event-day', '');
  await page.keyboard.press('Delete');

  // The preview is the residents' drawing of what is typed: markup done, no asterisks.
  await tap(page, '预览（居民看到的样子）');
  let text = await screenText(page);
  assert.ok(text.includes('明天 9 点 7–12 号楼停水') && text.includes('请提前储水'), text);
  assert.ok(!text.includes('**'), 'emphasis is drawn, not shown as asterisks');
  await tap(page, '编辑');
  await tap(page, '发布');
  s = await waitState(page, (s) => (!s.board.editing && s.open_notice !== '') || s.board.error !== '');
  assert.equal(s.board.error, '');
  const id = s.open_notice;
  await tap(page, '‹ 返回');
  s = await waitState(page, (s) => s.open_notice === '' && s.notices.length > 0);
  assert.equal(s.notices[0].id, id, 'urgent first');
  assert.equal(s.notices[0].urgent, true);
  await waitSaved(page);

  // To a resident's phone, in the public export.
  const { file } = await exportFile(page, dir, { scope: 'public' });
  const resident = await launchDevice();
  const phone = resident.context.pages()[0] || await resident.context.newPage();
  await openApp(phone, server.url);
  assert.equal((await importFile(phone, file)).import.stage, 'done');
  await tap(phone, '‹ 返回');
  s = await waitState(phone, (s, id) => s.screen === 'notices' && s.notices.length && s.notices[0].id === id, id);
  assert.equal(s.notices[0].unread, true);
  // The bar is over every screen until the notice is read.
  await tap(phone, '投票', { touch: true });
  await waitState(phone, (s) => s.screen === 'polls');
  assert.match(await urgentBar(phone), /^紧急：明天 9 点/);
  await tap(phone, 'urgent', { touch: true });
  s = await waitState(phone, (s, id) => s.screen === 'notices' && s.open_notice === id, id);
  text = await screenText(phone);
  assert.ok(text.includes('因管道检修，7–12 号楼停水一天。'), text);
  await tap(phone, '‹ 返回', { touch: true });
  s = await waitState(phone, (s) => s.open_notice === '' && s.notices.length > 0);
  assert.equal(s.notices.find((n) => n.id === id).unread, false);
  assert.match(await urgentBar(phone), /^紧急：冬季防火/, 'the next unread urgent notice takes the bar');
  await waitSaved(phone);
  await resident.context.close();
  // Read stays read after the browser restarts.
  const again = await launchDevice(resident.profileDir);
  const phone2 = again.context.pages()[0] || await again.context.newPage();
  await openApp(phone2, server.url);
  s = await state(phone2);
  assert.equal(s.notices.find((n) => n.id === id).unread, false);
  assert.ok(s.notices.find((n) => n.id !== id && n.urgent)?.unread, 'the sample\'s own urgent notice is still new');
  await again.context.close();

  // The committee edits it, copies it, and retracts the original.
  await tap(page, '公告');
  await waitState(page, (s) => s.screen === 'notices');
  await tap(page, '明天 9 点 7–12 号楼停水');
  await waitState(page, (s, id) => s.open_notice === id, id);
  await tap(page, '修改');
  await waitState(page, (s, id) => s.board.editing && s.board.editing_id === id, id);
  await typeInto(page, 'zh-title', '后天 9 点 7–12 号楼停水');
  await tap(page, '保存修改');
  s = await waitState(page, (s) => !s.board.editing);
  await tap(page, '复制为新公告');
  s = await waitState(page, (s) => s.board.editing && s.board.editing_id === '');
  await tap(page, '发布');
  s = await waitState(page, (s) => !s.board.editing && s.open_notice !== '');
  const copy = s.open_notice;
  assert.notEqual(copy, id);
  await tap(page, '‹ 返回');
  await tap(page, '后天 9 点 7–12 号楼停水');  // one of the two
  await tap(page, '撤回公告');
  await findWidget(page, '不撤回');
  text = await screenText(page);
  assert.ok(text.includes('无法恢复'), 'what retracting does is said before it is done');
  await tap(page, '确定撤回');
  s = await waitState(page, (s) => s.open_notice === '' && s.board.done !== '');
  assert.equal(s.notices.filter((n) => n.title === '后天 9 点 7–12 号楼停水').length, 1);
  const gone = s.notices.some((n) => n.id === id) ? copy : id;
  await page.evaluate((g) => { location.hash = '#/notice/' + g; }, gone);
  s = await waitState(page, (s) => s.message !== '');
  assert.match(s.message, /撤回/);
  assert.deepEqual(errors, []);
  await committee.context.close();
});

test('a resident chooses their building once: the board lists the compound\'s notices and theirs, after a restart too', async () => {
  const BUILDING_12 = '12 号楼加装电梯施工期间通行提示';  // the sample's one notice for a building
  const resident = await launchDevice();
  let page = resident.context.pages()[0] || await resident.context.newPage();
  const errors = watch(page);
  await openApp(page, server.url);
  let s = await state(page);
  assert.equal(s.board.home, '');
  assert.ok(s.notices.some((n) => n.title === BUILDING_12), 'no building chosen: every notice');
  const all = s.notices.length;

  await tap(page, 'home');
  await tap(page, '3 号楼');
  s = await waitState(page, (s) => s.board.home !== '');
  assert.ok(!s.notices.some((n) => n.title === BUILDING_12), 'another building\'s notice is not listed');
  assert.equal(s.notices.length, all - 1);
  assert.equal(s.board.elsewhere, 1);
  assert.ok((await screenText(page)).includes('另有 1 条通知只发给其他楼'), 'and the board says so');
  // Nor is it found by a search.
  await typeInto(page, 'notice-search', '施工期间');
  s = await waitState(page, (s) => s.board.query === '施工期间');
  assert.deepEqual(s.notices, []);
  await typeInto(page, 'notice-search', '');
  await waitSaved(page);
  await resident.context.close();

  // Chosen once: the browser restarted, the choice holds.
  const again = await launchDevice(resident.profileDir);
  page = again.context.pages()[0] || await again.context.newPage();
  await openApp(page, server.url);
  s = await state(page);
  assert.notEqual(s.board.home, '');
  assert.equal(s.board.elsewhere, 1);
  await tap(page, 'home');
  await tap(page, '12 号楼');
  s = await waitState(page, (s, h) => s.board.home !== h, s.board.home);
  assert.ok(s.notices.some((n) => n.title === BUILDING_12), 'the notice for building 12 is listed for its residents');
  assert.equal(s.board.elsewhere, 0);
  await tap(page, 'home');
  await tap(page, '全部楼（看全部通知）');
  s = await waitState(page, (s) => s.board.home === '');
  assert.equal(s.notices.length, all);
  assert.deepEqual(errors, []);
  await again.context.close();
});

test('right-to-left and emoji text is kept exactly as typed, wraps inside the screen, and survives a restart', async () => {
  const committee = await launchDevice();
  let page = committee.context.pages()[0] || await committee.context.newPage();
  const errors = watch(page);
  await newNotice(page);
  const title = '🎉 新春联欢 👨\u200D👩\u200D👧 שָׁלוֹם مرحبا 1\uFE0F\u20E3';
  const body = '欢迎参加 🧧🧨\n\n' + 'שָׁלוֹם עֲלֵיכֶם '.repeat(12) + '\n\n' + 'أهلا وسهلا بكم '.repeat(12) + '\n\n' + '👍🏽'.repeat(60);
  await typeInto(page, 'zh-body', body);  // the browser's own box; the title's tap leaves it
  await typeInto(page, 'zh-title', title);
  await tap(page, '预览（居民看到的样子）');
  await nextFrames(page);
  await screenshot(page, 'notice-rtl-emoji');
  await tap(page, '编辑');
  await reveal(page, '发布', { steps: 40 });  // below a tall body
  await tap(page, '发布');
  let s = await waitState(page, (s) => (!s.board.editing && s.open_notice !== '') || s.board.error !== '');
  assert.equal(s.board.error, '');
  const id = s.open_notice;
  await nextFrames(page, 3);
  assert.equal((await state(page)).overflow_x, false, 'nothing wider than the phone');
  const text = await screenText(page);
  assert.ok(text.includes(title), 'the title as typed');
  for (const part of ['🧧🧨', 'שָׁלוֹם עֲלֵיכֶם', 'أهلا وسهلا بكم', '👍🏽👍🏽']) assert.ok(text.includes(part), part);
  await waitSaved(page);
  await committee.context.close();

  const again = await launchDevice(committee.profileDir);
  page = again.context.pages()[0] || await again.context.newPage();
  await openApp(page, server.url, '#/notice/' + id);
  s = await waitState(page, (s, id) => s.open_notice === id, id);
  const exported = JSON.parse(readFileSync((await exportFile(page, dir, { scope: 'public' })).file, 'utf8'));
  const saved = exported.records.find((r) => r.id === id);
  assert.equal(saved.title.zh, title, 'saved code point for code point');
  assert.equal(saved.body.zh, body);
  assert.deepEqual(errors, []);
  await again.context.close();
});

test('search finds notices by any part of a title or body, past ones too', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, server.url);
  await typeInto(page, 'notice-search', '垃圾');
  let s = await waitState(page, (s) => s.board.query === '垃圾');
  assert.deepEqual(s.notices.map((n) => [n.title, n.past]), [['国庆期间垃圾清运时间调整', true]]);
  await typeInto(page, 'notice-search', '充电');
  s = await waitState(page, (s) => s.board.query === '充电');
  assert.ok(s.notices.length >= 2 && s.notices.every((n) => !n.past), JSON.stringify(s.notices));
  assert.ok(s.notices.some((n) => n.title.includes('严禁电动自行车充电')));
  await context.close();
});

test('a long Chinese body typed with pinyin wraps as the board wraps Chinese, and is saved as typed', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const errors = watch(page);
  await newNotice(page);
  await typeInto(page, 'zh-title', '电梯加装说明会');
  // Sentences whose commas and full stops fall at the ends of lines somewhere on a phone.
  const parts = [['dianti', '各位业主：本小区第二批电梯加装项目将于下周启动意见征询，'],
    ['shuoming', '说明会定于本周六上午九点在中心花园举行（雨天改在活动室），'],
    ['qing', '请各楼栋业主代表准时参加；'], ['youyiwen', '有疑问的居民可以先到居委会登记，'],
    ['women', '我们会在会上统一答复。'], ['ganxie', '感谢大家的支持与配合！'],
    ['bufen', '部分楼栋的「意见征询表」已经发放到各户，请在十二月二十日前交回门岗。']];
  const body = parts.map((p) => p[1]).join('');
  const field = await reveal(page, 'zh-body');
  await page.mouse.click(field.x + 20, field.y + field.h / 2);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'linli-box');
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).lineBreak), 'strict');
  for (const [pinyin, text] of parts) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', windowsVirtualKeyCode: 229 });
    for (let i = 1; i <= pinyin.length; i++)
      await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i });
    await cdp.send('Input.insertText', { text });
  }
  await nextFrames(page);
  // Left (a tap on the field's label): drawn by the app, in the lines window.linli reports.
  const label = (await page.evaluate(() => window.linli.texts())).find((t) => t.label === '内容');
  await page.mouse.click(label.x + 10, label.y + 5);
  await page.waitForFunction(() => document.activeElement?.id !== 'linli-box');
  await nextFrames(page, 3);
  const drawn = (await page.evaluate(() => window.linli.widgets())).find((w) => w.id === 'zh-body');
  assert.ok(drawn && drawn.multiline, 'the body is a long-text field');
  assert.equal(drawn.lines.join(''), body, 'every character typed, none of the pinyin');
  assert.ok(drawn.lines.length >= 6, `wrapped into ${drawn.lines.length} lines`);
  for (const line of drawn.lines) {
    assert.ok(!/^[，。！？、；：）》」]/.test(line), `no line starts with closing punctuation: ${line}`);
    assert.ok(!/[（《「]$/.test(line), `no line ends with opening punctuation: ${line}`);
  }
  await tap(page, '发布');
  const s = await waitState(page, (s) => !s.board.editing && s.open_notice !== '');  // published, and shown
  assert.equal(s.notices.find((n) => n.id === s.open_notice)?.title, '电梯加装说明会');
  assert.ok((await screenText(page)).includes(body), 'saved as typed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a board of 2,000 notices lays out only the cards near the screen, and scrolls through them in order', async () => {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await openApp(page, server.url);
  const file = path.join(dir, 'many-notices.json');
  writeFileSync(file, JSON.stringify(manyNotices(2000)));
  assert.equal((await importFile(page, file)).import.stage, 'done');
  await tap(page, '公告');
  let s = await waitState(page, (s) => s.screen === 'notices');
  assert.ok(s.notices.length > 1800, `on the board: ${s.notices.length}`);
  assert.ok(s.board.cards_drawn > 0 && s.board.cards_drawn <= 40, `cards laid out: ${s.board.cards_drawn}`);
  // Far down the list, the cards laid out are the ones there, in the board's order.
  const number = (label) => Number(/第 (\d+) 号通知/.exec(label)?.[1] ?? -1);
  await page.mouse.move(195, 500);
  for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 3000);
  await nextFrames(page, 4);
  const shown = (await page.evaluate(() => window.linli.widgets())).filter((w) => w.visible !== false)
    .map((w) => number(w.label)).filter((n) => n >= 0);
  assert.ok(shown.length >= 2, JSON.stringify(shown));
  assert.ok(shown[0] > 100, `cards far down the list: ${shown}`);
  // In order, none missing between (every tenth has ended: it is under past notices).
  const expected = [];
  for (let n = shown[0]; n <= shown[shown.length - 1]; n++) if (n % 10 !== 9) expected.push(n);
  assert.deepEqual(shown, expected);
  s = await state(page);
  assert.ok(s.board.cards_drawn <= 40, `cards laid out: ${s.board.cards_drawn}`);
  await context.close();
});

test('a notice opens from its link on a first visit; unknown links say so; its event goes into a calendar', async () => {
  const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
  const page = await context.newPage();
  await openApp(page, server.url, '#/notice/' + EVENT_ID);
  let s = await state(page);
  assert.equal(s.screen, 'notices');
  assert.equal(s.open_notice, EVENT_ID);
  const text = await screenText(page);
  assert.ok(text.includes('2026-12-19 14:00 – 16:00') && text.includes('社区活动室'), text);
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, '加入手机日历', { touch: true })]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /\.ics$/);
  // Debian's python3-icalendar (in /usr/bin/python3, where Debian installs it) reads it back.
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for e in cal.walk('VEVENT'):
    s = e.decoded('DTSTART')
    out.append({'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'location': str(e['LOCATION']),
                'start': s.isoformat(), 'tz': str(e['DTSTART'].params.get('TZID')),
                'end': e.decoded('DTEND').isoformat(), 'stamp': e.decoded('DTSTAMP').isoformat()})
print(json.dumps({'events': out, 'zones': [str(z['TZID']) for z in cal.walk('VTIMEZONE')]}))
`, file], { encoding: 'utf8' }));
  assert.deepEqual(parsed.zones, ['Asia/Shanghai']);
  assert.equal(parsed.events.length, 1);
  const e = parsed.events[0];
  assert.equal(e.uid, EVENT_ID + '@linli');
  assert.equal(e.summary, '加装电梯政策说明会');
  assert.equal(e.location, '社区活动室（3 号楼底层）');
  assert.equal(e.start, '2026-12-19T14:00:00+08:00');
  assert.equal(e.end, '2026-12-19T16:00:00+08:00');
  assert.equal(e.tz, 'Asia/Shanghai');
  assert.ok(readFileSync(file, 'utf8').split('\r\n').every((l) => Buffer.byteLength(l) <= 75), 'lines folded at 75 octets');

  await page.evaluate(() => { location.hash = '#/notice/0123456789abcdef0123456789abcdef'; });
  s = await waitState(page, (s) => s.message !== '');
  assert.match(s.message, /不在本设备上/);
  assert.equal(s.open_notice, '');
  await context.close();
});
