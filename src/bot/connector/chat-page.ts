// The local chat page (served at /chat/): sign in as a demo person, see the bot's messages, render
// cards with the Adaptive Cards renderer, and send clicks back as adaptiveCard/action invokes.
// Plain HTML, CSS and script, no build step: it must run wherever the connector runs. Everything is
// served by the connector itself (no CDN); the page has no inline script or style, so it runs under
// a strict Content-Security-Policy. Looks like a Teams personal chat: Fluent (Teams theme) colours
// and type ramp, light and dark (prefers-color-scheme), RTL cards, keyboard focus rings.
// Text from the bot or the people list is only ever set with textContent (never innerHTML).

/** The connector's routes for the page and its assets. */
export const CHAT_ASSETS = {
  html: '/chat/',
  css: '/chat/chat.css',
  js: '/chat/chat.js',
  adaptiveCardsJs: '/chat/adaptivecards.min.js',
  adaptiveCardsCss: '/chat/adaptivecards.css',
  icon: '/chat/favicon.svg',
} as const;

export const chatFaviconSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="16" fill="#5b5fc7"/>' +
  '<text x="16" y="21" font-family="Segoe UI, system-ui, sans-serif" font-size="13" font-weight="600" ' +
  'text-anchor="middle" fill="#fff">GH</text></svg>';

/** Served with the page: scripts and styles from the connector only. */
export const CHAT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const chatPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Governance Hub — local chat</title>
<link rel="icon" type="image/svg+xml" href="${CHAT_ASSETS.icon}">
<link rel="stylesheet" href="${CHAT_ASSETS.adaptiveCardsCss}">
<link rel="stylesheet" href="${CHAT_ASSETS.css}">
<script defer src="${CHAT_ASSETS.adaptiveCardsJs}"></script>
<script defer src="${CHAT_ASSETS.js}"></script>
</head>
<body>
<header class="topbar">
  <div class="avatar bot" aria-hidden="true">GH</div>
  <div class="title">
    <h1>Governance Hub</h1>
    <p class="subtitle">Reminder bot · local chat</p>
  </div>
  <div class="who">
    <label for="who">Signed in as</label>
    <select id="who"></select>
  </div>
</header>
<main>
  <h2 class="visually-hidden">Conversation</h2>
  <div id="log" class="log" role="log" aria-live="polite" aria-relevant="additions"></div>
</main>
<footer class="compose">
  <form id="send">
    <label for="text" class="visually-hidden">Message</label>
    <input id="text" placeholder="Type a message: help or status" autocomplete="off">
    <button type="submit" class="send">Send</button>
  </form>
</footer>
</body>
</html>
`;

// Fluent 2, Teams theme (values from @fluentui/tokens teamsLightTheme / teamsDarkTheme).
export const chatPageCss = String.raw`
:root {
  --font: -apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, "Apple Color Emoji", "Segoe UI Emoji", sans-serif;
  --fg1: #242424; --fg2: #424242; --fg3: #616161;
  --bg1: #ffffff; --bg1-hover: #f5f5f5; --bg1-pressed: #e0e0e0; --bg3: #f5f5f5; --bg-emphasis: #f5f5f5;
  --stroke1: #d1d1d1; --stroke1-hover: #c7c7c7; --stroke2: #e0e0e0; --stroke-accessible: #616161;
  --brand: #5b5fc7; --brand-hover: #4f52b2; --brand-pressed: #383966; --brand-fg: #4f52b2; --brand-bg2: #e8ebfa;
  --on-brand: #ffffff; --focus-outer: #000000; --focus-inner: #ffffff;
  --danger: #c50f1f; --danger-hover: #b10e1c; --danger-fg: #b10e1c;
  --warning-bg: #fff9f5; --warning-border: #fdcfb4; --warning-fg: #8a3707;
  --disabled-fg: #bdbdbd; --disabled-bg: #f0f0f0;
  --shadow: 0 0 2px rgba(0,0,0,.12), 0 1px 2px rgba(0,0,0,.14);
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg1: #ffffff; --fg2: #d6d6d6; --fg3: #adadad;
    --bg1: #292929; --bg1-hover: #3d3d3d; --bg1-pressed: #1f1f1f; --bg3: #1f1f1f; --bg-emphasis: #333333;
    --stroke1: #666666; --stroke1-hover: #757575; --stroke2: #525252; --stroke-accessible: #adadad;
    --brand: #4f52b2; --brand-hover: #5b5fc7; --brand-pressed: #383966; --brand-fg: #9299f7; --brand-bg2: #2f2f4a;
    --on-brand: #ffffff; --focus-outer: #ffffff; --focus-inner: #000000;
    --danger: #c50f1f; --danger-hover: #b10e1c; --danger-fg: #dc626d;
    --warning-bg: #4a1e04; --warning-border: #f7630c; --warning-fg: #faa06b;
    --disabled-fg: #5c5c5c; --disabled-bg: #141414;
    --shadow: 0 0 2px rgba(0,0,0,.24), 0 1px 2px rgba(0,0,0,.28);
    color-scheme: dark;
  }
}
* { box-sizing: border-box; }
html, body { height: 100%; }
body {
  margin: 0; display: flex; flex-direction: column; min-height: 100vh;
  font-family: var(--font); font-size: 14px; line-height: 20px; color: var(--fg1); background: var(--bg3);
}
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
:focus-visible { outline: 2px solid var(--focus-outer); outline-offset: 1px; box-shadow: 0 0 0 1px var(--focus-inner); }

/* Chat header, as in a Teams 1:1 chat with an app. */
.topbar {
  position: sticky; top: 0; z-index: 1; display: flex; align-items: center; gap: 12px;
  padding: 10px 20px; background: var(--bg1); border-bottom: 1px solid var(--stroke2); box-shadow: var(--shadow);
}
.topbar .title { flex: 1; min-width: 0; }
.topbar h1 { margin: 0; font-size: 16px; line-height: 22px; font-weight: 600; }
.topbar .subtitle { margin: 0; font-size: 12px; line-height: 16px; color: var(--fg3); }
.who { display: flex; align-items: center; gap: 8px; font-size: 12px; color: var(--fg2); }
.who select {
  font: inherit; font-size: 14px; color: var(--fg1); background: var(--bg1); min-height: 32px; max-width: 320px;
  padding: 0 8px; border: 1px solid var(--stroke1); border-bottom-color: var(--stroke-accessible); border-radius: 4px;
}
.who select:hover { border-color: var(--stroke1-hover); border-bottom-color: var(--stroke-accessible); }
.avatar {
  flex: none; width: 32px; height: 32px; border-radius: 50%; display: grid; place-items: center;
  font-size: 12px; font-weight: 600; background: var(--brand); color: var(--on-brand); user-select: none;
}
@media (max-width: 520px) {
  .topbar { padding: 8px 12px; }
  .topbar .subtitle { display: none; }
  .who label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  main { padding: 12px; }
  .compose { padding: 8px 12px 12px; }
}

/* The conversation. */
main { flex: 1; width: 100%; max-width: 880px; margin: 0 auto; padding: 20px 20px 24px; }
.log { display: flex; flex-direction: column; gap: 16px; }
.row { display: flex; gap: 8px; align-items: flex-start; }
.row.user { flex-direction: row-reverse; }
.row .body { display: flex; flex-direction: column; gap: 4px; min-width: 0; max-width: calc(100% - 40px); }
.row.bot .body { flex: 1; align-items: flex-start; }
.row.user .body { align-items: flex-end; max-width: 75%; }
.row:focus-visible { outline-offset: 4px; border-radius: 4px; }
.meta { font-size: 12px; line-height: 16px; color: var(--fg3); display: flex; gap: 8px; }
.meta .name { font-weight: 600; color: var(--fg2); }
.bubble {
  background: var(--bg1); color: var(--fg1); border-radius: 6px; box-shadow: var(--shadow);
  padding: 8px 16px; overflow-wrap: anywhere; white-space: pre-wrap;
}
.row.user .bubble { background: var(--brand-bg2); }
.bubble.card { padding: 0; white-space: normal; width: 100%; max-width: 720px; overflow: hidden; }
.row[aria-busy="true"] .bubble.card { opacity: .7; }
.toast {
  font-size: 13px; padding: 6px 12px; border-radius: 4px; max-width: 720px;
  background: var(--warning-bg); border: 1px solid var(--warning-border); color: var(--fg1);
}
.empty { color: var(--fg3); text-align: center; margin: 40px 0; }

/* Compose box. */
.compose { position: sticky; bottom: 0; background: var(--bg3); padding: 8px 20px 16px; }
.compose form {
  display: flex; gap: 8px; max-width: 840px; margin: 0 auto; padding: 4px 4px 4px 12px;
  background: var(--bg1); border: 1px solid var(--stroke1); border-bottom: 2px solid var(--stroke-accessible);
  border-radius: 4px; box-shadow: var(--shadow);
}
.compose form:focus-within { border-bottom-color: var(--brand); }
.compose input { flex: 1; font: inherit; color: var(--fg1); background: transparent; border: 0; min-height: 32px; }
.compose input:focus-visible { outline: none; box-shadow: none; }
.compose input::placeholder { color: var(--fg3); }
.send {
  font: inherit; font-weight: 600; min-height: 32px; padding: 0 16px; border: 1px solid transparent; border-radius: 4px;
  background: var(--brand); color: var(--on-brand); cursor: pointer;
}
.send:hover { background: var(--brand-hover); }
.send:active { background: var(--brand-pressed); }

/* Adaptive Cards: Fluent buttons and inputs over adaptivecards.css. */
.ac-adaptiveCard { font-family: var(--font); }
.ac-adaptiveCard:focus-visible { outline: none; box-shadow: none; }
.ac-pushButton, .ac-pushButton-disabled {
  font-family: var(--font); font-size: 14px; line-height: 20px; font-weight: 600;
  min-height: 32px; min-width: 64px; padding: 5px 12px; border-radius: 4px;
  border: 1px solid var(--stroke1); background: var(--bg1); color: var(--fg1);
  cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  transition: background-color .1s, border-color .1s;
}
.ac-pushButton:hover, .ac-pushButton.subdued:hover {
  background: var(--bg1-hover); border-color: var(--stroke1-hover); color: var(--fg1);
}
.ac-pushButton:active { background: var(--bg1-pressed); border-color: var(--stroke1); color: var(--fg1); }
.ac-pushButton.subdued { color: var(--fg2); border-color: var(--stroke1); }
.ac-pushButton.expanded, .ac-pushButton.expanded:hover {
  background: var(--brand-bg2); border-color: var(--brand-fg); color: var(--brand-fg);
}
.ac-pushButton.expandable::after {
  content: ""; display: inline-block; width: 6px; height: 6px; margin-inline-start: 8px; vertical-align: 2px;
  border-right: 1.5px solid currentColor; border-bottom: 1.5px solid currentColor; transform: rotate(45deg);
  font-family: inherit;
}
.ac-pushButton.expandable.expanded::after { content: ""; transform: rotate(-135deg); vertical-align: -1px; }
/* Buttons wrap onto more lines on a narrow window (spacing by gap, not the renderer's spacer divs). */
.ac-actionSet { flex-wrap: wrap; gap: 8px; }
.ac-actionSet > div:empty { display: none; }
.ac-pushButton.primary, .ac-pushButton.style-positive {
  background: var(--brand); border-color: transparent; color: var(--on-brand);
}
.ac-pushButton.primary:hover, .ac-pushButton.style-positive:hover { background: var(--brand-hover); border-color: transparent; color: var(--on-brand); }
.ac-pushButton.primary:active, .ac-pushButton.style-positive:active { background: var(--brand-pressed); border-color: transparent; color: var(--on-brand); }
.ac-pushButton.style-destructive { background: var(--danger); border-color: transparent; color: #ffffff; }
.ac-pushButton.style-destructive:hover, .ac-pushButton.style-destructive:active { background: var(--danger-hover); border-color: transparent; color: #ffffff; }
.ac-pushButton-disabled, .ac-pushButton[disabled] {
  cursor: default; background: var(--disabled-bg); border-color: var(--stroke2); color: var(--disabled-fg);
}
.ac-pushButton:focus-visible, .ac-input:focus-visible, .ac-anchor:focus-visible {
  outline: 2px solid var(--focus-outer); outline-offset: 1px; box-shadow: 0 0 0 1px var(--focus-inner);
}
.ac-input { font-family: var(--font); font-size: 14px; color: var(--fg1); }
.ac-input.ac-textInput, .ac-input.ac-numberInput, .ac-input.ac-dateInput, .ac-input.ac-timeInput,
.ac-input.ac-multichoiceInput, .ac-input.ac-choiceSetInput-filtered-textbox {
  min-height: 32px; padding: 5px 10px; background: var(--bg1); color: var(--fg1);
  border: 1px solid var(--stroke1); border-bottom-color: var(--stroke-accessible); border-radius: 4px;
}
.ac-input.ac-textInput.ac-multiline { min-height: 72px; }
.ac-input.ac-textInput:hover, .ac-input.ac-numberInput:hover, .ac-input.ac-dateInput:hover,
.ac-input.ac-timeInput:hover, .ac-input.ac-multichoiceInput:hover { border-color: var(--stroke1-hover); border-bottom-color: var(--stroke-accessible); }
.ac-input.ac-textInput:focus, .ac-input.ac-numberInput:focus, .ac-input.ac-dateInput:focus,
.ac-input.ac-timeInput:focus, .ac-input.ac-multichoiceInput:focus { border-bottom: 2px solid var(--brand); }
.ac-input.ac-input-validation-failed, .ac-input.ac-textInput.ac-input-validation-failed,
.ac-input.ac-multichoiceInput.ac-input-validation-failed { border-color: var(--danger-fg); }
.ac-input.ac-choiceSetInput-filtered-dropdown { background: var(--bg1); color: var(--fg1); border-color: var(--stroke1); }
.ac-input.ac-choiceSetInput-choice.ac-choiceSetInput-choice-highlighted { background: var(--bg1-hover); }
.ac-input.ac-toggleInput input, .ac-input input[type="checkbox"], .ac-input input[type="radio"] { accent-color: var(--brand); }
a.ac-anchor:link, a.ac-anchor:visited { color: var(--brand-fg); }
a.ac-anchor:hover { text-decoration: underline; }
.ac-horizontal-separator, .ac-vertical-separator { border-color: var(--stroke2) !important; }
`;

export const chatPageScript = String.raw`'use strict';
(() => {
  const params = new URLSearchParams(location.search);
  const who = document.getElementById('who');
  const log = document.getElementById('log');
  const input = document.getElementById('text');
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  let userId = params.get('user') || '';
  // What each message row shows (activity id -> JSON of the activity), to re-render only what changed.
  const shown = new Map();

  const api = (path, body) =>
    fetch('/chat/api/users/' + encodeURIComponent(userId) + path, body === undefined ? {} : {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    }).then((r) => r.json());

  // Teams-like HostConfig: Fluent's font stack and type ramp, its spacing and palette.
  const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, "Apple Color Emoji", "Segoe UI Emoji", sans-serif';
  const PALETTES = {
    light: { bg: '#ffffff', emphasis: '#f5f5f5', fg: '#242424', subtle: '#616161', accent: '#4f52b2',
      good: '#0e700e', warning: '#8a3707', attention: '#b10e1c', light: '#ffffff', dark: '#242424', line: '#e0e0e0' },
    dark: { bg: '#292929', emphasis: '#333333', fg: '#ffffff', subtle: '#adadad', accent: '#9299f7',
      good: '#54b054', warning: '#faa06b', attention: '#dc626d', light: '#ffffff', dark: '#d6d6d6', line: '#525252' },
  };
  const colour = (c, subtle) => ({ default: c, subtle: subtle || c });
  const containerStyle = (p, backgroundColor) => ({
    backgroundColor,
    foregroundColors: {
      default: colour(p.fg, p.subtle), dark: colour(p.dark), light: colour(p.light), accent: colour(p.accent),
      good: colour(p.good), warning: colour(p.warning), attention: colour(p.attention),
    },
  });
  const hostConfigFor = (p) => new AdaptiveCards.HostConfig({
    supportsInteractivity: true,
    fontTypes: {
      default: {
        fontFamily: FONT,
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
      monospace: {
        fontFamily: 'Consolas, "Courier New", monospace',
        fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
        fontWeights: { lighter: 300, default: 400, bolder: 600 },
      },
    },
    lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
    spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: p.line },
    imageSizes: { small: 32, medium: 52, large: 100 },
    containerStyles: {
      default: containerStyle(p, p.bg),
      emphasis: containerStyle(p, p.emphasis),
      accent: containerStyle(p, p.emphasis),
      good: containerStyle(p, p.emphasis),
      attention: containerStyle(p, p.emphasis),
      warning: containerStyle(p, p.emphasis),
    },
    actions: {
      maxActions: 6, spacing: 'Default', buttonSpacing: 0,
      showCard: { actionMode: 'Inline', inlineTopMargin: 12, style: 'emphasis' },
      actionsOrientation: 'Horizontal', actionAlignment: 'Left', iconPlacement: 'LeftOfTitle', iconSize: 16,
    },
    adaptiveCard: { allowCustomStyle: true },
    textBlock: { headingLevel: 2 },
    inputs: {
      label: {
        inputSpacing: 'Small',
        requiredInputs: { weight: 'Bolder', suffix: ' *', suffixColor: 'Attention' },
        optionalInputs: { weight: 'Bolder' },
      },
      errorMessage: { size: 'Small', spacing: 'Small', weight: 'Default' },
    },
    factSet: {
      title: { weight: 'Bolder', wrap: true, maxWidth: 150 },
      value: { wrap: true },
      spacing: 8,
    },
  });
  const hostConfigs = { light: hostConfigFor(PALETTES.light), dark: hostConfigFor(PALETTES.dark) };

  // Teams shows positive actions as primary (brand) buttons. In an action set where nothing is
  // styled, the first Execute/Submit action is the primary one. (A copy: the stored card is untouched.)
  const withPrimaryActions = (node) => {
    if (Array.isArray(node)) { node.forEach(withPrimaryActions); return node; }
    if (!node || typeof node !== 'object') return node;
    const actions = Array.isArray(node.actions) ? node.actions.filter((a) => a && typeof a === 'object') : [];
    if (actions.length > 0 && !actions.some((a) => a.style === 'positive' || a.style === 'destructive')) {
      const first = actions[0];
      if (first.type === 'Action.Execute' || first.type === 'Action.Submit') first.style = 'positive';
    }
    Object.values(node).forEach(withPrimaryActions);
    return node;
  };

  const focusables = (root) => Array.from(root.querySelectorAll(
    'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])',
  )).filter((el) => !el.disabled && el.getClientRects().length > 0);

  // The renderer puts aria-labelledby (label, error message) and aria-required on the wrapper of a
  // filtered ChoiceSet, not on its text box: move them to the box, now and whenever validation
  // changes them. A typeahead's dropdown also gets combobox/listbox semantics.
  let uid = 0;
  const MOVED = ['aria-labelledby', 'aria-required'];
  function patchInputs(root) {
    for (const holder of root.querySelectorAll('[aria-labelledby]')) {
      if (holder.matches('input, select, textarea, button') || holder.dataset.ghPatched) continue;
      const controls = holder.querySelectorAll('input:not([type=radio]):not([type=checkbox]), select, textarea');
      if (controls.length !== 1) continue;
      const input = controls[0];
      holder.dataset.ghPatched = 'true';
      const list = holder.querySelector('.ac-choiceSetInput-filtered-dropdown');
      if (list) {
        list.id = list.id || 'gh-typeahead-' + (uid += 1);
        list.setAttribute('role', 'listbox');
        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-controls', list.id);
      }
      const sync = () => {
        for (const name of MOVED) {
          const value = holder.getAttribute(name);
          if (value) { input.setAttribute(name, value); holder.removeAttribute(name); }
        }
        if (!list) return;
        input.setAttribute('aria-expanded', String(list.classList.contains('ac-choiceSetInput-filtered-dropdown-open')));
        const highlighted = list.querySelector('.ac-choiceSetInput-choice-highlighted');
        for (const choice of list.children) {
          choice.setAttribute('role', 'option');
          choice.setAttribute('aria-selected', String(choice === highlighted));
        }
        if (highlighted) input.setAttribute('aria-activedescendant', highlighted.id);
        else input.removeAttribute('aria-activedescendant');
      };
      new MutationObserver(sync).observe(holder, {
        attributes: true, attributeFilter: ['class', ...MOVED], childList: true, subtree: true,
      });
      sync();
    }
  }

  function renderCard(stored, content) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = dark.matches ? hostConfigs.dark : hostConfigs.light;
    card.onExecuteAction = (action) => onAction(stored, action);
    card.parse(withPrimaryActions(JSON.parse(JSON.stringify(content))));
    const el = card.render();
    if (!el) return undefined;
    const wrap = document.createElement('div');
    wrap.className = 'bubble card';
    if (typeof content.lang === 'string') wrap.lang = content.lang;
    wrap.dir = content.rtl === true ? 'rtl' : 'ltr';
    wrap.appendChild(el);
    return wrap;
  }

  async function onAction(stored, action) {
    if (action instanceof AdaptiveCards.OpenUrlAction) {
      if (/^https?:/i.test(action.url || '')) window.open(action.url, '_blank', 'noopener');
      return;
    }
    if (!(action instanceof AdaptiveCards.ExecuteAction || action instanceof AdaptiveCards.SubmitAction)) return;
    const row = rowOf(stored.id);
    if (row) row.setAttribute('aria-busy', 'true');
    let message = '';
    try {
      const result = await api('/invoke', { activityId: stored.id, verb: action.verb, data: action.data });
      const body = (result && result.body) || {};
      if (body.type === 'application/vnd.microsoft.activity.message' || body.type === 'application/vnd.microsoft.error') {
        message = typeof body.value === 'string' ? body.value : (body.value && body.value.message) || 'Error';
      } else if (result && result.status >= 400) {
        message = 'The bot answered ' + result.status + '.';
      }
    } catch (error) {
      message = 'The bot could not be reached.';
    }
    await refresh();
    const after = rowOf(stored.id);
    if (after) {
      after.removeAttribute('aria-busy');
      if (message) {
        const toast = document.createElement('div');
        toast.className = 'toast';
        toast.setAttribute('role', 'status');
        toast.textContent = message;
        after.querySelector('.body').appendChild(toast);
      }
    }
  }

  const rowOf = (id) => Array.from(log.children).find((el) => el.dataset.activity === id);

  function renderRow(a) {
    const row = document.createElement('div');
    row.className = 'row ' + (a.fromBot ? 'bot' : 'user');
    row.dataset.activity = a.id;
    row.tabIndex = -1;
    if (a.fromBot) {
      const avatar = document.createElement('div');
      avatar.className = 'avatar bot';
      avatar.setAttribute('aria-hidden', 'true');
      avatar.textContent = 'GH';
      row.appendChild(avatar);
    }
    const body = document.createElement('div');
    body.className = 'body';
    const meta = document.createElement('div');
    meta.className = 'meta';
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = a.fromBot ? 'Governance Hub' : 'You';
    const time = document.createElement('time');
    time.dateTime = a.timestamp;
    time.textContent = new Date(a.timestamp).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    meta.append(name, time);
    body.appendChild(meta);
    const text = a.activity && a.activity.text;
    if (typeof text === 'string' && text) {
      const bubble = document.createElement('div');
      bubble.className = 'bubble';
      bubble.dir = 'auto';
      bubble.textContent = text;
      body.appendChild(bubble);
    }
    for (const att of (a.activity && a.activity.attachments) || []) {
      if (att && att.contentType === 'application/vnd.microsoft.card.adaptive' && att.content) {
        const el = renderCard(a, att.content);
        if (el) body.appendChild(el);
      }
    }
    row.appendChild(body);
    return row;
  }

  // Replaces a row, keeping keyboard focus where it was: on the control with the same name, else
  // the one at the same place, else the message itself.
  function replaceRow(old, row) {
    const active = document.activeElement;
    const hadFocus = active && old.contains(active);
    let label = '', index = -1;
    if (hadFocus) {
      label = active.getAttribute('aria-label') || active.id || '';
      index = focusables(old).indexOf(active);
    }
    old.replaceWith(row);
    if (!hadFocus) return;
    const candidates = focusables(row);
    const target = (label && candidates.find((el) => (el.getAttribute('aria-label') || el.id || '') === label))
      || candidates[index] || row;
    target.focus();
  }

  // One refresh at a time (the poll and a click may overlap).
  let queue = Promise.resolve();
  const refresh = (forceAll) => (queue = queue.then(() => update(forceAll)).catch(() => undefined));

  async function update(forceAll) {
    if (!userId) return;
    const activities = await api('/activities');
    const ids = new Set(activities.map((a) => a.id));
    for (const el of Array.from(log.children)) {
      if (!ids.has(el.dataset.activity)) { shown.delete(el.dataset.activity); el.remove(); }
    }
    for (const a of activities) {
      const key = JSON.stringify(a.activity);
      const old = rowOf(a.id);
      if (old && shown.get(a.id) === key && !forceAll) continue;
      shown.set(a.id, key);
      const row = renderRow(a);
      if (old) replaceRow(old, row); else log.appendChild(row);
    }
  }

  async function signIn(id) {
    userId = id;
    shown.clear();
    log.replaceChildren();
    history.replaceState(null, '', '?user=' + encodeURIComponent(id));
    await api('/install', {});
    await refresh(true);
  }

  document.getElementById('send').addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    await api('/messages', { text });
    await refresh();
  });

  // Cards render parts later (an Action.ShowCard's card when opened): patch inputs as they appear.
  new MutationObserver(() => patchInputs(log)).observe(log, { childList: true, subtree: true });

  // Light/dark follows the system, as Teams can: re-render the cards with the other HostConfig.
  dark.addEventListener('change', () => { refresh(true); });

  fetch('/chat/api/people').then((r) => r.json()).then(async (people) => {
    for (const p of people) {
      const o = document.createElement('option');
      o.value = p.userId;
      o.textContent = p.displayName + (p.description ? ' — ' + p.description : '');
      who.appendChild(o);
    }
    if (!userId && people[0]) userId = people[0].userId;
    who.value = userId;
    who.addEventListener('change', () => signIn(who.value));
    if (userId) await signIn(userId);
    setInterval(() => { refresh(); }, 1500);
  });
})();
`;
