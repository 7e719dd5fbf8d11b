// The survey answer page: one self-contained HTML file (no framework, works on a phone), in zh-CN or en.

const escapeJson = (s: string): string => JSON.stringify(s).replace(/</g, '\\u003c')

/** The page for one personal link; it loads and saves the answers through /api/answer/:token. */
export function answerPage(token: string, lang: 'zh-CN' | 'en'): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cosafe</title>
<style>
  :root { --c: #1677ff; --bg: #f5f5f5; --fg: #1f1f1f; --muted: #666; --ok: #389e0d; --err: #cf1322 }
  * { box-sizing: border-box }
  body { margin: 0; font: 16px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", "Segoe UI", sans-serif; background: var(--bg); color: var(--fg) }
  header { background: #fff; padding: 12px 16px; position: sticky; top: 0; box-shadow: 0 1px 4px #0001; z-index: 1 }
  header h1 { font-size: 18px; margin: 0 }
  header .meta { color: var(--muted); font-size: 13px; display: flex; gap: 12px; flex-wrap: wrap; align-items: center }
  .bar { height: 4px; background: #e6e6e6; border-radius: 2px; margin-top: 8px }
  .bar div { height: 100%; background: var(--c); border-radius: 2px; width: 0 }
  main { padding: 12px; max-width: 720px; margin: 0 auto }
  .card { background: #fff; border-radius: 8px; padding: 12px 14px; margin-bottom: 12px }
  .card h2 { font-size: 16px; margin: 0 0 4px }
  .card p { margin: 0 0 8px; color: var(--muted); font-size: 14px }
  .q { margin: 10px 0 }
  .q label.name { display: block; font-weight: 600 }
  .scale { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 4px }
  .scale button { flex: 1 1 auto; min-width: 44px; min-height: 40px; border: 1px solid #d9d9d9; border-radius: 6px; background: #fff; font: inherit; font-size: 14px; padding: 4px 6px }
  .scale button[aria-pressed="true"] { background: var(--c); border-color: var(--c); color: #fff }
  .q.bad .scale button { border-color: var(--err) }
  .actions { position: sticky; bottom: 0; background: #fff; padding: 10px 12px; display: flex; gap: 8px; box-shadow: 0 -1px 4px #0001 }
  .actions button { flex: 1; min-height: 44px; border-radius: 6px; border: 1px solid var(--c); font: inherit; background: #fff; color: var(--c) }
  .actions button.primary { background: var(--c); color: #fff }
  .actions button:disabled { opacity: .5 }
  #msg { padding: 8px 12px; font-size: 14px }
  #msg.ok { color: var(--ok) } #msg.err { color: var(--err) }
  select { font: inherit }
</style>
</head>
<body>
<header>
  <h1 id="title">…</h1>
  <div class="meta"><span id="who"></span><span id="deadline"></span><span id="count"></span>
    <select id="lang" aria-label="language"><option value="zh-CN">中文</option><option value="en">English</option></select></div>
  <div class="bar"><div id="progress"></div></div>
</header>
<main id="main"><div class="card" id="loading">…</div></main>
<div id="msg" role="status" aria-live="polite"></div>
<div class="actions"><button id="save"></button><button id="submit" class="primary"></button></div>
<script>
const TOKEN = ${escapeJson(token)};
const T = {
  'zh-CN': { loading: '正在加载…', save: '保存，稍后继续', submit: '提交', saved: '已保存', submitted: '已提交，感谢您的参与！',
    answered: (a, n) => '已回答 ' + a + ' / ' + n, deadline: (d) => '截止：' + d, you: (n) => '答卷单位：' + n,
    about: (r) => '您所在单位与下列各单位之间“' + r + '”的频率', attitudes: '态度（1 = 非常不同意，5 = 非常同意）',
    locked: { NOT_OPEN: '问卷尚未开放。', CLOSED: '问卷已关闭。', DEADLINE: '已过截止时间。', SUBMITTED: '您已提交，答案不能再修改。' },
    confirm: '提交后不能再修改，确定提交吗？', notAll: '还有未回答的问题，请全部回答后再提交。', offline: '网络异常，答案尚未保存，请稍后重试。' },
  en: { loading: 'Loading…', save: 'Save and continue later', submit: 'Submit', saved: 'Saved', submitted: 'Submitted — thank you!',
    answered: (a, n) => a + ' of ' + n + ' answered', deadline: (d) => 'Deadline: ' + d, you: (n) => 'Answering for: ' + n,
    about: (r) => 'How often does your organisation have “' + r + '” with each of these?', attitudes: 'Attitudes (1 = strongly disagree, 5 = strongly agree)',
    locked: { NOT_OPEN: 'This survey is not open yet.', CLOSED: 'This survey is closed.', DEADLINE: 'The deadline has passed.', SUBMITTED: 'Your answers were submitted and can no longer change.' },
    confirm: 'Submitted answers can no longer be changed. Submit now?', notAll: 'Some questions are not answered yet: please answer them all before submitting.',
    offline: 'Network problem: the answers are not saved yet, please try again.' },
};
let lang = localStorage.getItem('cosafe-lang') || ${escapeJson(lang)};
let data = null;
let answers = { ties: {}, attitudes: {} };
const $ = (id) => document.getElementById(id);
const t = () => T[lang];
const name = (x) => (lang === 'en' && x.nameEn) || x.name;
const term = (x) => (lang === 'en' ? x.en : x.zh);

function total() {
  const s = data.survey;
  return s.relations.length * s.roster.length + s.attitudes.length;
}
function done() {
  let k = 0;
  for (const r of data.survey.relations) for (const a of data.survey.roster) if (answers.ties[r.code]?.[a.id] !== undefined) k++;
  for (const q of data.survey.attitudes) if (answers.attitudes[q.code] !== undefined) k++;
  return k;
}
function scaleButtons(values, labels, current, onPick) {
  const div = document.createElement('div');
  div.className = 'scale';
  values.forEach((v, i) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = labels ? v + ' ' + term(labels[i]) : String(v);
    b.setAttribute('aria-pressed', String(current === v));
    b.disabled = Boolean(data.locked);
    b.onclick = () => { onPick(v); render(); schedule(); };
    div.appendChild(b);
  });
  return div;
}
function render() {
  const s = data.survey;
  document.documentElement.lang = lang;
  $('title').textContent = s.title;
  $('who').textContent = t().you(name(data.respondent));
  $('deadline').textContent = s.deadline ? t().deadline(new Date(s.deadline).toLocaleString(lang)) : '';
  $('count').textContent = t().answered(done(), total());
  $('progress').style.width = (100 * done() / Math.max(1, total())) + '%';
  $('save').textContent = t().save;
  $('submit').textContent = t().submit;
  $('save').disabled = $('submit').disabled = Boolean(data.locked);
  const main = $('main');
  main.textContent = '';
  if (data.locked) { const c = document.createElement('div'); c.className = 'card'; c.textContent = t().locked[data.lockedCode] || data.locked; main.appendChild(c); }
  const values = [];
  for (let v = s.scale.min; v <= s.scale.max; v++) values.push(v);
  for (const r of s.relations) {
    const card = document.createElement('section');
    card.className = 'card';
    card.innerHTML = '<h2></h2><p></p>';
    card.querySelector('h2').textContent = term(r);
    card.querySelector('p').textContent = t().about(term(r));
    for (const a of s.roster) {
      const q = document.createElement('div');
      q.className = 'q';
      q.id = 'q-' + r.code + '-' + a.id;
      const l = document.createElement('label');
      l.className = 'name';
      l.textContent = name(a) + (a.type ? ' · ' + term(a.type) : '');
      q.appendChild(l);
      q.appendChild(scaleButtons(values, s.scale.labels, answers.ties[r.code]?.[a.id], (v) => { (answers.ties[r.code] ||= {})[a.id] = v; }));
      card.appendChild(q);
    }
    main.appendChild(card);
  }
  if (s.attitudes.length) {
    const card = document.createElement('section');
    card.className = 'card';
    card.innerHTML = '<h2></h2>';
    card.querySelector('h2').textContent = t().attitudes;
    for (const item of s.attitudes) {
      const q = document.createElement('div');
      q.className = 'q';
      q.id = 'q-att-' + item.code;
      const l = document.createElement('label');
      l.className = 'name';
      l.textContent = term(item);
      q.appendChild(l);
      q.appendChild(scaleButtons([1, 2, 3, 4, 5], null, answers.attitudes[item.code], (v) => { answers.attitudes[item.code] = v; }));
      card.appendChild(q);
    }
    main.appendChild(card);
  }
}
function say(text, ok) { $('msg').textContent = text; $('msg').className = ok ? 'ok' : 'err'; }
let timer = null;
function schedule() { clearTimeout(timer); timer = setTimeout(() => save(false), 1500); }
async function save(submit) {
  clearTimeout(timer);
  try {
    const res = await fetch('/api/answer/' + TOKEN, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers, submit }) });
    const body = await res.json();
    if (!res.ok) {
      say(body.error.message, false);
      for (const i of body.error.issues || []) {
        const m = /answers\\.(ties\\.([^.]+)\\.(.+)|attitudes\\.(.+))$/.exec(i.field);
        const el = m && (m[2] ? $('q-' + m[2] + '-' + m[3]) : $('q-att-' + m[4]));
        if (el) el.classList.add('bad');
      }
      return;
    }
    data.status = body.status;
    if (submit) { data.locked = t().submitted; data.lockedCode = 'SUBMITTED'; render(); say(t().submitted, true); }
    else say(t().saved + ' ' + new Date().toLocaleTimeString(lang), true);
  } catch { say(t().offline, false); }
}
$('save').onclick = () => save(false);
$('submit').onclick = () => {
  if (done() < total()) { say(t().notAll, false); return; }
  if (confirm(t().confirm)) save(true);
};
$('lang').value = lang;
$('lang').onchange = () => { lang = $('lang').value; localStorage.setItem('cosafe-lang', lang); if (data) render(); };
$('loading').textContent = t().loading;
fetch('/api/answer/' + TOKEN).then(async (res) => {
  const body = await res.json();
  if (!res.ok) { $('loading').textContent = body.error.message; return; }
  data = body;
  answers = body.answers || answers;
  answers.ties ||= {}; answers.attitudes ||= {};
  render();
}, () => { $('loading').textContent = t().offline; });
</script>
</body>
</html>
`
}
