// The local chat page (served at /chat/): sign in as a demo person, see the bot's messages, render
// cards with the Adaptive Cards renderer, and send clicks back as adaptiveCard/action invokes.
// Plain HTML and script, no build step: it must run wherever the connector runs.
export const chatPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Governance Hub — local chat</title>
<script src="/chat/adaptivecards.min.js"></script>
<style>
  :root { font-family: "Segoe UI", system-ui, sans-serif; color: #242424; }
  body { margin: 0; background: #f5f5f5; }
  header { display: flex; gap: 12px; align-items: center; padding: 10px 16px; background: #5b5fc7; color: #fff; }
  header h1 { font-size: 16px; margin: 0; font-weight: 600; }
  header select { font: inherit; padding: 4px 6px; border-radius: 4px; border: 0; }
  main { max-width: 760px; margin: 0 auto; padding: 16px; display: flex; flex-direction: column; gap: 12px; padding-bottom: 80px; }
  .msg { background: #fff; border-radius: 8px; padding: 10px 14px; box-shadow: 0 1px 2px rgba(0,0,0,.12); max-width: 100%; }
  .msg.user { align-self: flex-end; background: #e8ebfa; }
  .meta { font-size: 11px; color: #616161; margin-bottom: 4px; }
  .toast { font-size: 13px; margin-top: 8px; padding: 6px 10px; border-radius: 4px; background: #fdf6e3; border: 1px solid #f0d58c; }
  form { position: fixed; bottom: 0; left: 0; right: 0; display: flex; gap: 8px; padding: 12px 16px; background: #fff; border-top: 1px solid #e0e0e0; }
  form input { flex: 1; font: inherit; padding: 8px; border: 1px solid #c7c7c7; border-radius: 4px; }
  form button { font: inherit; padding: 8px 16px; border: 0; border-radius: 4px; background: #5b5fc7; color: #fff; }
  .ac-pushButton { cursor: pointer; }
</style>
</head>
<body>
<header><h1>Governance Hub · chat</h1><label>Signed in as <select id="who" aria-label="Signed in as"></select></label></header>
<main id="log" aria-live="polite"></main>
<form id="send"><input id="text" placeholder="Type help or status" aria-label="Message" autocomplete="off"><button>Send</button></form>
<script>
const params = new URLSearchParams(location.search);
const who = document.getElementById('who');
const log = document.getElementById('log');
let userId = params.get('user') || '';
let rendered = '';
const api = (path, body) => fetch('/chat/api/users/' + encodeURIComponent(userId) + path, body === undefined ? {} : {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());

function renderCard(stored, content) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig({ supportsInteractivity: true, fontFamily: 'Segoe UI, system-ui, sans-serif' });
  card.onExecuteAction = async (action) => {
    if (action instanceof AdaptiveCards.OpenUrlAction) { window.open(action.url, '_blank', 'noopener'); return; }
    if (action instanceof AdaptiveCards.ExecuteAction || action instanceof AdaptiveCards.SubmitAction) {
      const result = await api('/invoke', { activityId: stored.id, verb: action.verb, data: action.data });
      await refresh(true);
      const body = result.body || {};
      if (body.type === 'application/vnd.microsoft.activity.message' || body.type === 'application/vnd.microsoft.error') {
        const el = document.querySelector('[data-activity="' + stored.id + '"]');
        const toast = document.createElement('div');
        toast.className = 'toast'; toast.setAttribute('role', 'status');
        toast.textContent = typeof body.value === 'string' ? body.value : (body.value && body.value.message) || 'Error';
        if (el) el.appendChild(toast);
      }
    }
  };
  card.parse(content);
  return card.render();
}

async function refresh(force) {
  if (!userId) return;
  const activities = await api('/activities');
  const key = JSON.stringify(activities);
  if (key === rendered && !force) return;
  rendered = key;
  log.replaceChildren();
  for (const a of activities) {
    const div = document.createElement('div');
    div.className = 'msg' + (a.fromBot ? '' : ' user');
    div.dataset.activity = a.id;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = (a.fromBot ? 'Governance Hub' : 'You') + ' · ' + new Date(a.timestamp).toLocaleTimeString();
    div.appendChild(meta);
    if (a.activity.text) { const p = document.createElement('div'); p.textContent = a.activity.text; div.appendChild(p); }
    for (const att of a.activity.attachments || []) {
      if (att.contentType === 'application/vnd.microsoft.card.adaptive') {
        const el = renderCard(a, att.content);
        if (el) div.appendChild(el);
      }
    }
    log.appendChild(div);
  }
}

async function signIn(id) {
  userId = id; rendered = '';
  history.replaceState(null, '', '?user=' + encodeURIComponent(id));
  await api('/install', {});
  await refresh(true);
}

document.getElementById('send').addEventListener('submit', async (e) => {
  e.preventDefault();
  const input = document.getElementById('text');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  await api('/messages', { text });
  await refresh(true);
});

fetch('/chat/api/people').then((r) => r.json()).then(async (people) => {
  for (const p of people) {
    const o = document.createElement('option');
    o.value = p.userId; o.textContent = p.displayName + (p.description ? ' — ' + p.description : '');
    who.appendChild(o);
  }
  if (!userId && people[0]) userId = people[0].userId;
  who.value = userId;
  who.addEventListener('change', () => signIn(who.value));
  if (userId) await signIn(userId);
  setInterval(() => refresh(false), 1500);
});
</script>
</body>
</html>
`;
