// The resident report form and the tracking page: self-contained HTML in zh-CN and en, no account,
// made for a 390-px phone (one column, 16-px inputs, large buttons), optional contact and photo.

import { MATTER_CATEGORIES, MATTER_STATES, SAFETY_DOMAINS, type MatterState, type Term } from '@cosafe/core'

export type Lang = 'zh-CN' | 'en'

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const json = (x: unknown): string => JSON.stringify(x).replace(/</g, '\\u003c')
const t = (x: Term, lang: Lang): string => (lang === 'en' ? x.en : x.zh)

/** Texts of the form, both languages (the page switches without reloading). */
export const FORM_TEXT = {
  'zh-CN': {
    title: '安全隐患随手报',
    intro: '发现消防通道堵塞、燃气异味、高空坠物隐患等安全问题？请告诉社区。无需注册账号。',
    category: '问题类型',
    choose: '请选择',
    description: '问题描述',
    descriptionHint: '发生了什么、在哪里、持续多久（至少 5 个字）',
    address: '地点',
    addressHint: '如：和平里 3 号楼 2 单元东侧楼道',
    locate: '使用我的位置',
    located: '已获取位置',
    locateFailed: '无法获取位置，请填写地点',
    contact: '联系方式（选填，便于回复您）',
    name: '称呼',
    phone: '手机号',
    email: '电子邮箱',
    photo: '照片（选填）',
    submit: '提交',
    sending: '正在提交…',
    ok: '已受理，感谢您的反映！',
    code: '查询码',
    keep: '请保存查询码，凭它查看办理进度：',
    track: '查看办理进度',
    another: '再报一件',
    offline: '网络异常，尚未提交，请稍后重试（不会重复提交）。',
    tooMany: '提交过于频繁，请稍后再试。',
    privacy: '您的联系方式只用于回复本事项，不会公开。',
    errors: {
      category: '请选择问题类型',
      description: '请描述问题（5–2000 个字）',
      address: '请填写地点，或使用我的位置',
      phone: '手机号格式不正确',
      email: '电子邮箱格式不正确',
      name: '称呼最多 60 个字',
      photo: '照片需为 JPEG、PNG、WebP 或 GIF，且不超过 2 MB',
      lat: '位置坐标不正确',
      lon: '位置坐标不正确',
    } as Record<string, string>,
  },
  en: {
    title: 'Report a safety problem',
    intro:
      'Seen a blocked fire passage, a smell of gas, something about to fall? Tell the community. No account needed.',
    category: 'Kind of problem',
    choose: 'Choose…',
    description: 'What is wrong',
    descriptionHint: 'What happened, where, since when (at least 5 characters)',
    address: 'Where',
    addressHint: 'e.g. Building 3, entrance 2, east stairwell',
    locate: 'Use my location',
    located: 'Location added',
    locateFailed: 'Could not get your location: please type the place',
    contact: 'Contact (optional, so that we can reply)',
    name: 'Name',
    phone: 'Mobile phone',
    email: 'E-mail',
    photo: 'Photo (optional)',
    submit: 'Send',
    sending: 'Sending…',
    ok: 'Received — thank you!',
    code: 'Tracking code',
    keep: 'Keep this code to follow your report:',
    track: 'Follow this report',
    another: 'Report another',
    offline: 'Network problem: not sent yet. Please try again (it will not be sent twice).',
    tooMany: 'Too many reports from here: please wait a minute.',
    privacy: 'Your contact is used only to reply about this report and is never published.',
    errors: {
      category: 'Choose the kind of problem',
      description: 'Describe the problem (5–2000 characters)',
      address: 'Give the place, or use your location',
      phone: 'This is not a phone number',
      email: 'This is not an e-mail address',
      name: 'At most 60 characters',
      photo: 'The photo must be JPEG, PNG, WebP or GIF, at most 2 MB',
      lat: 'The location is not valid',
      lon: 'The location is not valid',
    } as Record<string, string>,
  },
}

const STYLE = `
  :root { --c: #1677ff; --bg: #f5f5f5; --fg: #1f1f1f; --muted: #666; --ok: #389e0d; --err: #cf1322 }
  * { box-sizing: border-box }
  body { margin: 0; font: 16px/1.5 -apple-system, "PingFang SC", "Microsoft YaHei", "Segoe UI", sans-serif; background: var(--bg); color: var(--fg) }
  header { background: #fff; padding: 12px 16px; box-shadow: 0 1px 4px #0001; display: flex; justify-content: space-between; align-items: center; gap: 8px }
  header h1 { font-size: 18px; margin: 0 }
  header .where { color: var(--muted); font-size: 13px }
  main { padding: 12px; max-width: 560px; margin: 0 auto }
  .card { background: #fff; border-radius: 8px; padding: 12px 14px; margin-bottom: 12px }
  p.intro { margin: 0; color: var(--muted); font-size: 14px }
  label { display: block; font-weight: 600; margin: 12px 0 4px }
  input, select, textarea { width: 100%; font: inherit; font-size: 16px; padding: 10px; border: 1px solid #d9d9d9; border-radius: 6px; background: #fff }
  textarea { min-height: 110px; resize: vertical }
  .hint { color: var(--muted); font-size: 13px; margin-top: 2px }
  .err { color: var(--err); font-size: 14px; margin-top: 4px; min-height: 0 }
  .bad input, .bad select, .bad textarea { border-color: var(--err) }
  button { min-height: 44px; border-radius: 6px; border: 1px solid var(--c); font: inherit; background: #fff; color: var(--c); padding: 8px 14px }
  button.primary { background: var(--c); color: #fff; width: 100%; margin-top: 16px }
  button:disabled { opacity: .6 }
  .row { display: flex; gap: 8px; align-items: center; flex-wrap: wrap }
  #msg { margin-top: 10px; font-size: 15px } #msg.err { color: var(--err) }
  .done { text-align: center } .done .code { font: 600 22px/1.4 ui-monospace, monospace; letter-spacing: 1px; word-break: break-all; background: #f0f5ff; padding: 8px; border-radius: 6px }
  ol.timeline { padding-left: 20px } ol.timeline li { margin: 6px 0 } .muted { color: var(--muted); font-size: 13px }
  img.preview { max-width: 100%; max-height: 200px; margin-top: 6px; border-radius: 6px }
`

/** The report form of one community. */
export function reportPage(community: { id: string; nameZh: string; nameEn: string }, lang: Lang): string {
  const byDomain = new Map<string, [string, Term][]>()
  for (const [code, c] of Object.entries(MATTER_CATEGORIES)) {
    const list = byDomain.get(c.domain) ?? []
    list.push([code, c])
    byDomain.set(c.domain, list)
  }
  const options = (l: Lang) =>
    [...byDomain]
      .map(
        ([d, cs]) =>
          `<optgroup label="${esc(t(SAFETY_DOMAINS[d as keyof typeof SAFETY_DOMAINS], l))}">${cs
            .map(([code, c]) => `<option value="${code}">${esc(t(c, l))}</option>`)
            .join('')}</optgroup>`,
      )
      .join('')
  const T = FORM_TEXT[lang]
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(T.title)} · cosafe</title>
<style>${STYLE}</style>
</head>
<body>
<header><div><h1 data-t="title">${esc(T.title)}</h1><div class="where" id="where">${esc(lang === 'en' ? community.nameEn : community.nameZh)}</div></div>
<select id="lang" aria-label="language" style="width:auto"><option value="zh-CN">中文</option><option value="en">English</option></select></header>
<main>
<form id="form" class="card" novalidate>
  <p class="intro" data-t="intro">${esc(T.intro)}</p>
  <div id="f-category"><label for="category" data-t="category">${esc(T.category)}</label>
    <select id="category" name="category" required><option value="" data-t="choose">${esc(T.choose)}</option>${options(lang)}</select>
    <div class="err" id="e-category"></div></div>
  <div id="f-description"><label for="description" data-t="description">${esc(T.description)}</label>
    <textarea id="description" name="description" maxlength="2000" required></textarea>
    <div class="hint" data-t="descriptionHint">${esc(T.descriptionHint)}</div><div class="err" id="e-description"></div></div>
  <div id="f-address"><label for="address" data-t="address">${esc(T.address)}</label>
    <input id="address" name="address" maxlength="200" autocomplete="street-address">
    <div class="hint" data-t="addressHint">${esc(T.addressHint)}</div>
    <div class="row" style="margin-top:6px"><button type="button" id="locate" data-t="locate">${esc(T.locate)}</button><span class="muted" id="located"></span></div>
    <div class="err" id="e-address"></div></div>
  <div class="card" style="background:#fafafa;margin:14px 0 0">
    <div style="font-weight:600" data-t="contact">${esc(T.contact)}</div>
    <div id="f-name"><label for="name" data-t="name">${esc(T.name)}</label><input id="name" name="name" maxlength="60" autocomplete="name"><div class="err" id="e-name"></div></div>
    <div id="f-phone"><label for="phone" data-t="phone">${esc(T.phone)}</label><input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel"><div class="err" id="e-phone"></div></div>
    <div id="f-email"><label for="email" data-t="email">${esc(T.email)}</label><input id="email" name="email" type="email" autocomplete="email"><div class="err" id="e-email"></div></div>
    <div class="hint" data-t="privacy">${esc(T.privacy)}</div>
  </div>
  <div id="f-photo"><label for="photo" data-t="photo">${esc(T.photo)}</label>
    <input id="photo" name="photo" type="file" accept="image/*"><img id="preview" class="preview" alt="" hidden><div class="err" id="e-photo"></div></div>
  <button type="submit" class="primary" id="submit" data-t="submit">${esc(T.submit)}</button>
  <div id="msg" role="status" aria-live="polite"></div>
</form>
<div id="done" class="card done" hidden></div>
</main>
<script>
const COMMUNITY = ${json(community.id)};
const T = ${json(FORM_TEXT)};
const OPTIONS = ${json({ 'zh-CN': options('zh-CN'), en: options('en') })};
const NAMES = ${json({ 'zh-CN': community.nameZh, en: community.nameEn })};
let lang = ${json(lang)};
let point = null;
let photo = null;
let clientKey = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(36).slice(2)).replace(/[^A-Za-z0-9_-]/g, '');
const $ = (id) => document.getElementById(id);
function applyLang() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = T[lang][el.dataset.t];
  const v = $('category').value;
  $('category').innerHTML = '<option value="">' + T[lang].choose + '</option>' + OPTIONS[lang];
  $('category').value = v;
  $('where').textContent = NAMES[lang];
  document.title = T[lang].title + ' · cosafe';
}
function showError(field, text) {
  const box = $('f-' + field) || $('f-address');
  const e = $('e-' + field) || $('e-address');
  if (box) box.classList.toggle('bad', Boolean(text));
  if (e) e.textContent = text || '';
}
function clearErrors() { for (const f of ['category', 'description', 'address', 'name', 'phone', 'email', 'photo']) showError(f, ''); $('msg').textContent = ''; $('msg').className = ''; }
function check(body) {
  const bad = {};
  if (!body.category) bad.category = 1;
  if (!body.description || body.description.trim().length < 5) bad.description = 1;
  if (!body.address && !point) bad.address = 1;
  if (body.phone && !/^[0-9+() -]{5,32}$/.test(body.phone)) bad.phone = 1;
  if (body.email && !/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(body.email)) bad.email = 1;
  return Object.keys(bad);
}
$('lang').value = lang;
$('lang').onchange = () => { lang = $('lang').value; applyLang(); };
$('locate').onclick = () => {
  if (!navigator.geolocation) { $('located').textContent = T[lang].locateFailed; return; }
  navigator.geolocation.getCurrentPosition((p) => { point = { lat: p.coords.latitude, lon: p.coords.longitude }; $('located').textContent = T[lang].located; showError('address', ''); },
    () => { $('located').textContent = T[lang].locateFailed; }, { enableHighAccuracy: true, timeout: 10000 });
};
$('photo').onchange = async () => {
  showError('photo', '');
  const f = $('photo').files[0];
  photo = null; $('preview').hidden = true;
  if (!f) return;
  if (!/^image\\//.test(f.type)) { showError('photo', T[lang].errors.photo); return; }
  try {
    const img = await createImageBitmap(f);
    const s = Math.min(1, 1280 / Math.max(img.width, img.height));
    const c = document.createElement('canvas');
    c.width = Math.round(img.width * s); c.height = Math.round(img.height * s);
    c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
    photo = c.toDataURL('image/jpeg', 0.8);
  } catch { photo = await new Promise((ok) => { const r = new FileReader(); r.onload = () => ok(r.result); r.readAsDataURL(f); }); }
  $('preview').src = photo; $('preview').hidden = false;
};
$('form').onsubmit = async (ev) => {
  ev.preventDefault();
  clearErrors();
  const v = (id) => $(id).value.trim();
  const body = { category: v('category'), description: v('description'), address: v('address') || undefined,
    name: v('name') || undefined, phone: v('phone') || undefined, email: v('email') || undefined, clientKey };
  if (point) { body.lat = point.lat; body.lon = point.lon; }
  if (photo) body.photo = photo;
  const bad = check(body);
  if (bad.length) { for (const f of bad) showError(f, T[lang].errors[f]); $(bad[0] === 'address' ? 'address' : bad[0]).focus(); return; }
  $('submit').disabled = true; $('submit').textContent = T[lang].sending;
  try {
    const res = await fetch('/api/public/communities/' + encodeURIComponent(COMMUNITY) + '/reports', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const out = await res.json().catch(() => ({}));
    if (res.status === 429) { $('msg').textContent = T[lang].tooMany; $('msg').className = 'err'; return; }
    if (!res.ok) {
      const issues = (out.error && out.error.issues) || [];
      for (const i of issues) { const f = String(i.field).replace(/^body\\./, ''); showError(f, T[lang].errors[f] || i.reason); }
      $('msg').textContent = issues.length ? '' : (out.error ? out.error.message : T[lang].offline); $('msg').className = 'err';
      return;
    }
    $('form').hidden = true;
    const d = $('done');
    d.hidden = false;
    d.innerHTML = '<h2></h2><p></p><div class="code"></div><p><a></a></p><button type="button"></button>';
    d.querySelector('h2').textContent = T[lang].ok;
    d.querySelector('p').textContent = T[lang].keep;
    d.querySelector('.code').textContent = out.trackingCode;
    const a = d.querySelector('a'); a.href = out.trackUrl + '?lang=' + lang; a.textContent = T[lang].track;
    d.querySelector('button').textContent = T[lang].another;
    d.querySelector('button').onclick = () => location.reload();
  } catch { $('msg').textContent = T[lang].offline; $('msg').className = 'err'; }
  finally { $('submit').disabled = false; $('submit').textContent = T[lang].submit; }
};
</script>
</body>
</html>
`
}

/** What a reporter sees of the state. */
export function trackPage(
  view: {
    state: MatterState
    category: string
    receivedAt: string
    updatedAt: string
    timeline: { at: string; message: string }[]
  } | null,
  lang: Lang,
): string {
  const en = lang === 'en'
  const title = en ? 'Your report' : '您的反映'
  const fmt = (iso: string) =>
    new Date(iso).toLocaleString(en ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
  const body = view
    ? `<div class="card"><h2 style="margin:0 0 4px;font-size:18px">${esc(t(MATTER_STATES[view.state], lang))}</h2>
<div class="muted">${esc(t(MATTER_CATEGORIES[view.category as keyof typeof MATTER_CATEGORIES], lang))} · ${esc(en ? 'received' : '受理于')} ${esc(fmt(view.receivedAt))}</div>
<ol class="timeline">${view.timeline
        .map((x) => {
          const [zh, e] = x.message.split(' / ')
          return `<li><span class="muted">${esc(fmt(x.at))}</span><br>${esc((en ? e : zh) ?? x.message)}</li>`
        })
        .join('')}</ol></div>`
    : `<div class="card">${esc(en ? 'No report has this tracking code.' : '查询码无效，未找到对应的反映。')}</div>`
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · cosafe</title><style>${STYLE}</style></head>
<body><header><h1>${esc(title)}</h1></header><main>${body}</main></body></html>
`
}
