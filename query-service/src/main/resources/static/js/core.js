// Core of the web application: API access, the signed-in user, hash routing, a tiny DOM builder,
// error display, official labels and the page frame (top bar, navigation by role).
// Other modules use only the exports documented in the UI contract; the extra exports below
// (today, formatters, agency helpers) are conveniences for officer.js.

// ---------------------------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------------------------

export class ApiError extends Error {
  constructor(status, detail, problem) {
    super(detail || `请求失败（HTTP ${status}）`);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail || `请求失败（HTTP ${status}）`;
    this.problem = problem || null;
  }
}

function cookie(name) {
  const prefix = name + '=';
  for (const part of document.cookie.split(';')) {
    const c = part.trim();
    if (c.startsWith(prefix)) return decodeURIComponent(c.substring(prefix.length));
  }
  return null;
}

async function csrfToken() {
  let token = cookie('XSRF-TOKEN');
  if (!token) {
    await fetch('/api/csrf', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    token = cookie('XSRF-TOKEN');
  }
  return token;
}

let redirecting = false;
function toLogin() {
  if (!redirecting) {
    redirecting = true;
    location.href = '/login.html';
  }
}

async function request(method, url, { body, contentType, accept, signal } = {}) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest' };
  if (accept) headers.Accept = accept;
  if (method !== 'GET' && method !== 'HEAD') {
    const token = await csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  let payload;
  if (body instanceof FormData) {
    payload = body; // the browser writes the multipart Content-Type with its boundary
  } else if (body !== undefined && body !== null) {
    if (contentType && contentType !== 'application/json') {
      headers['Content-Type'] = contentType;
      payload = typeof body === 'string' ? body : String(body);
    } else {
      headers['Content-Type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', signal });
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    throw new ApiError(0, '无法连接服务器，请检查网络后重试');
  }
  if (response.status === 401) {
    toLogin();
    throw new ApiError(401, '登录已失效，请重新登录');
  }
  if (!response.ok) {
    let problem = null;
    let detail = null;
    const text = await response.text().catch(() => '');
    try {
      problem = JSON.parse(text);
      detail = problem.detail || problem.title || null;
    } catch (e) {
      detail = null;
    }
    if (!detail) {
      detail = response.status === 403 ? '没有权限执行此操作'
        : response.status === 404 ? '未找到所请求的内容'
        : response.status >= 500 ? `服务器出错（HTTP ${response.status}），请稍后重试`
        : `请求失败（HTTP ${response.status}）`;
    }
    throw new ApiError(response.status, detail, problem);
  }
  return response;
}

async function parse(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) return JSON.parse(text);
  try {
    return JSON.parse(text);
  } catch (e) {
    return text;
  }
}

export const api = {
  /** GET a query path (starting with /api/); returns parsed JSON. opts: {signal} */
  async query(path, opts = {}) {
    return parse(await request('GET', path, { signal: opts.signal, accept: 'application/json' }));
  },
  /** GET, returns the body as text. */
  async text(path) {
    return (await request('GET', path, {})).text();
  },
  /** POST/PUT to the command side: `/command${path}`. Returns parsed JSON or null. */
  async command(method, path, body) {
    return parse(await request(method, '/command' + path, { body: body === undefined ? null : body }));
  },
  /** POST a file (multipart field "file") to the command side. Returns parsed JSON. */
  async upload(path, file) {
    const form = new FormData();
    form.append('file', file);
    return parse(await request('POST', '/command' + path, { body: form }));
  },
  /** POST to the query side and save what it answers as a file (a document made from a draft). */
  async saveAs(path, body, fileName) {
    const blob = await (await request('POST', path, { body })).blob();
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: fileName, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },
  /** POST to the query side (e.g. published-check with text/plain, rebuild). Returns JSON (or text). */
  async queryPost(path, body, contentType) {
    return parse(await request('POST', path, { body, contentType }));
  },
};

// ---------------------------------------------------------------------------------------------
// The signed-in user
// ---------------------------------------------------------------------------------------------

export const me = {
  username: null,
  roles: [],
  agencies: [],
  allAgencies: false,
  has(role) {
    return this.roles.includes(role);
  },
  /** true when the user may read the agency's data */
  reads(agencyId) {
    return this.allAgencies || this.agencies.includes(agencyId);
  },
  /** true when the user may act (register, record steps) for the agency: OFFICER or SUPERVISOR of it */
  actsFor(agencyId) {
    return (this.has('OFFICER') || this.has('SUPERVISOR')) && (this.agencies.includes(agencyId) || this.agencies.includes('*'));
  },
};

// ---------------------------------------------------------------------------------------------
// DOM builder
// ---------------------------------------------------------------------------------------------

const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'indeterminate', 'multiple', 'readOnly']);

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) {
        if (PROPERTIES.has(key)) el[key] = false;
        continue;
      }
      if (key === 'class' || key === 'className') {
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      } else if (key === 'style' && typeof value === 'object') {
        Object.assign(el.style, value);
      } else if (key === 'dataset' && typeof value === 'object') {
        Object.assign(el.dataset, value);
      } else if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.substring(2).toLowerCase(), value);
      } else if (PROPERTIES.has(key)) {
        el[key] = value;
      } else if (key === 'htmlFor') {
        el.setAttribute('for', value);
      } else {
        el.setAttribute(key, value === true ? '' : value);
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === true) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Renders a problem detail (Chinese) in an alert box inside el; replaces the previous one. testName: its data-test. */
export function showError(el, err, testName) {
  if (!el) return null;
  for (const old of el.querySelectorAll(':scope > .alert-error')) old.remove();
  let message;
  if (err instanceof ApiError) message = err.detail;
  else if (typeof err === 'string') message = err;
  else if (err && err.message) message = err.message;
  else message = '操作失败';
  const box = h('div', { class: 'alert alert-error error', role: 'alert', 'data-test': testName || 'error' },
    h('strong', null, err instanceof ApiError && err.status === 403 ? '无权操作：' : '未能完成：'), message);
  el.appendChild(box);
  return box;
}

// ---------------------------------------------------------------------------------------------
// Dates and small formatters
// ---------------------------------------------------------------------------------------------

/** Today's date in China (yyyy-MM-dd), whatever the browser's time zone. */
export function today() {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date());
  } catch (e) {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
}

/** 2025-03-05 → 2025年3月5日 */
export function formatDate(iso) {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** an instant → 2026-11-24 07:09:32 (China time) */
export function formatInstant(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    const parts = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
    }).formatToParts(d);
    const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  } catch (e) {
    return d.toISOString();
  }
}

// ---------------------------------------------------------------------------------------------
// Labels. The official ones (国办公开办函〔2021〕30号: applicant types and columns, the 21 result codes with
// their rows of table 三, channels, the blocks and results of table 四, fee bases) come from the service
// (GET /api/codes), which takes them from the enums both services use, as it does the states of a request (`status`,
// also in exports); they are loaded at start, before any page renders. Only the application's own words are kept here.
// ---------------------------------------------------------------------------------------------

export const labels = {
  /** kinds of review as filed (command API) */
  reviewKind: Object.freeze({ RECONSIDERATION: '行政复议', LITIGATION: '行政诉讼' }),
  consultationKind: Object.freeze({ THIRD_PARTY: '征求第三方意见', AGENCY: '征求其他机关意见' }),
  answered: Object.freeze({ ON_TIME: '按期答复', ON_TIME_AFTER_EXTENSION: '延期后按期答复', LATE: '逾期答复' }),
  role: Object.freeze({ OFFICER: '经办人', SUPERVISOR: '负责人', AUDITOR: '审计', ADMIN: '系统管理员' }),
};

/** A result's label, of the current Regulations or (answers dated up to 2018) of the 2008 Regulations. */
export function resultLabel(code) {
  return labels.result[code] || (labels.legacyResult[code] ? `${labels.legacyResult[code]}（2008 年《条例》）` : code);
}

/** Adds the official labels of every code, as the service states them (GET /api/codes). */
async function loadCodes() {
  Object.assign(labels, await api.query('/api/codes'));
  Object.freeze(labels);
}

// ---------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------

let agenciesPromise = null;

/** The agencies the caller may read: [{agencyId, name, closedYears}] (cached; reload with refresh=true). */
export function agencies(refresh = false) {
  if (!agenciesPromise || refresh) {
    agenciesPromise = api.query('/api/agencies').catch((e) => {
      agenciesPromise = null;
      throw e;
    });
  }
  return agenciesPromise;
}

const AGENCY_KEY = 'foi.agency';
let current = null;

/** The agency the user works on (chosen in the top bar), or null before agencies are known. */
export function currentAgency() {
  return current;
}

export function setCurrentAgency(agencyId) {
  if (!agencyId || agencyId === current) return;
  current = agencyId;
  try {
    localStorage.setItem(AGENCY_KEY, agencyId);
  } catch (e) { /* private mode */ }
  for (const listener of agencyListeners) listener(agencyId);
}

const agencyListeners = new Set();
/** calls listener(agencyId) whenever the current agency changes */
export function onAgencyChange(listener) {
  agencyListeners.add(listener);
  return () => agencyListeners.delete(listener);
}

/** The agency's name from the list loaded at start (the id when unknown). */
export function agencyName(agencyId) {
  const found = state.agencies.find((a) => a.agencyId === agencyId);
  return found ? found.name : agencyId;
}

/** Application state shared by the pages: the current agency and the caller's agencies (loaded before routes render). */
export const state = {
  get agency() {
    return current;
  },
  agencies: [],
};

/** Reloads the caller's agencies (after one was added). */
export async function refreshAgencies() {
  state.agencies = await agencies(true);
  return state.agencies;
}

/** true when the caller may act (record steps) for the agency */
export function acts(agencyId) {
  return me.actsFor(agencyId);
}

/** The current year in China. */
export function currentYear() {
  return Number(today().substring(0, 4));
}

/** A success message box inside el (replaces the previous one). */
export function flash(el, text, testName) {
  if (!el) return null;
  for (const old of el.querySelectorAll(':scope > .alert-success')) old.remove();
  const box = h('div', { class: 'alert alert-success ok', role: 'status', 'data-test': testName || 'flash' }, text);
  el.appendChild(box);
  return box;
}

/**
 * Polls check() every `interval` ms until it returns a truthy value (returned), for the eventually
 * consistent query side; throws after `timeout` ms.
 */
export async function until(check, timeout = 10000, interval = 200) {
  const deadline = Date.now() + timeout;
  for (;;) {
    let value = null;
    try {
      value = await check();
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) throw e;
    }
    if (value) return value;
    if (Date.now() >= deadline) throw new Error('已提交，但查询结果尚未更新，请稍后刷新页面查看');
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * A <select> of the caller's agencies. Returned at once, filled when GET /api/agencies answers.
 * When `current` is not one of them, the first agency is selected and onChange(itsId) called.
 */
export function agencyPicker(currentId, onChange) {
  const select = h('select', { class: 'agency-picker', 'data-test': 'agency-picker', 'aria-label': '选择机关', disabled: true },
    h('option', { value: '' }, '正在载入机关…'));
  select.addEventListener('change', () => {
    if (select.value && onChange) onChange(select.value);
  });
  agencies().then((list) => {
    select.replaceChildren(...list.map((a) => h('option', { value: a.agencyId, 'data-test': `agency-option-${a.agencyId}` }, a.name)));
    if (list.length === 0) {
      select.replaceChildren(h('option', { value: '' }, '（无可访问的机关）'));
      return;
    }
    select.disabled = false;
    if (list.some((a) => a.agencyId === currentId)) {
      select.value = currentId;
    } else {
      select.value = list[0].agencyId;
      if (onChange) onChange(list[0].agencyId);
    }
  }).catch(() => {
    select.replaceChildren(h('option', { value: '' }, '机关列表载入失败'));
  });
  return select;
}

// ---------------------------------------------------------------------------------------------
// Hash router
// ---------------------------------------------------------------------------------------------

const routes = [];

/** Registers a page: pattern like '/report/:agency/:year'; render(el, params, query) may be async. */
export function route(pattern, render) {
  const names = [];
  const source = pattern.replace(/\/+$/, '').split('/').map((part) => {
    if (part.startsWith(':')) {
      names.push(part.substring(1));
      return '([^/]+)';
    }
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/');
  routes.push({ pattern, regex: new RegExp('^' + (source || '') + '/?$'), names, render });
}

/** Navigates to a hash path such as '/requests/abc' or '#/search?q=x'. */
export function go(hashPath) {
  const target = hashPath.startsWith('#') ? hashPath : '#' + (hashPath.startsWith('/') ? hashPath : '/' + hashPath);
  if (location.hash === target) render();
  else location.hash = target;
}

/** Builds '#/path?k=v' from a path and an object of query parameters (empty values left out). */
export function link(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== null && v !== undefined && v !== '') params.set(k, v);
  }
  const qs = params.toString();
  return '#' + path + (qs ? '?' + qs : '');
}

export const DEFAULT_ROUTE = '/worklist';
let started = false;
let renderCount = 0;

function currentHash() {
  const raw = location.hash.replace(/^#/, '') || DEFAULT_ROUTE;
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.substring(0, q) : raw;
  const query = Object.fromEntries(new URLSearchParams(q >= 0 ? raw.substring(q + 1) : ''));
  return { path: path || DEFAULT_ROUTE, query };
}

async function render() {
  const main = document.getElementById('main');
  if (!main) return;
  const { path, query } = currentHash();
  const count = ++renderCount;
  updateNav(path);
  for (const r of routes) {
    const m = r.regex.exec(path);
    if (!m) continue;
    const params = {};
    r.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]);
    });
    const page = h('div', { class: 'page', 'data-test': 'page', 'data-route': r.pattern });
    main.replaceChildren(page);
    window.scrollTo(0, 0);
    try {
      await r.render(page, params, query);
    } catch (e) {
      if (count === renderCount) {
        console.error(e);
        showError(page, e);
      }
    }
    return;
  }
  main.replaceChildren(h('div', { class: 'page', 'data-test': 'page-not-found' },
    h('h1', null, '页面不存在'),
    h('p', null, '没有找到地址 ', h('code', null, '#' + path), ' 对应的页面。'),
    h('p', null, h('a', { href: '#' + DEFAULT_ROUTE, 'data-test': 'not-found-home' }, '返回待办事项'))));
}

/** true while the page rendered by this call is still the one shown (for async renderers) */
export function renderToken() {
  const token = renderCount;
  return () => token === renderCount;
}

// ---------------------------------------------------------------------------------------------
// Frame: top bar and navigation by role
// ---------------------------------------------------------------------------------------------

function navItems() {
  const agency = current || '_';
  const year = Number(today().substring(0, 4)) - 1;
  const items = [
    { key: 'worklist', text: '待办', href: '#/worklist', match: /^\/worklist/ },
    { key: 'search', text: '检索', href: '#/search', match: /^\/search|^\/requests\// },
  ];
  if (me.has('OFFICER') || me.has('SUPERVISOR')) {
    items.push({ key: 'register', text: '登记申请', href: '#/register', match: /^\/register/ });
    items.push({ key: 'import', text: '批量导入', href: '#/import', match: /^\/import/ });
  }
  if (me.has('SUPERVISOR') || me.has('ADMIN')) {
    items.push({ key: 'letter-templates', text: '文书模板', href: `#/letter-templates/${encodeURIComponent(agency)}`, match: /^\/letter-templates/ });
  }
  items.push({ key: 'report', text: '年度报告', href: `#/report/${encodeURIComponent(agency)}/${year}`, match: /^\/report\// });
  items.push({ key: 'metrics', text: '办理时效', href: `#/metrics/${encodeURIComponent(agency)}/${year}`, match: /^\/metrics\// });
  items.push({ key: 'annual-report', text: '报告全文', href: `#/annual-report/${encodeURIComponent(agency)}/${year}`, match: /^\/annual-report\// });
  if (me.has('SUPERVISOR') || me.has('AUDITOR') || me.has('ADMIN')) {
    items.push({ key: 'dashboard', text: '政府汇总', href: `#/dashboard/${encodeURIComponent(agency)}/${year}`, match: /^\/dashboard\// });
  }
  if (me.has('AUDITOR') || me.has('ADMIN')) {
    items.push({ key: 'audit', text: '审计', href: '#/audit', match: /^\/audit/ });
    items.push({ key: 'completeness', text: '投影完整性', href: '#/completeness', match: /^\/completeness/ });
    items.push({ key: 'verification', text: '日志校验', href: '#/verification', match: /^\/verification/ });
  }
  if (me.has('ADMIN')) {
    items.push({ key: 'rebuild', text: '重建投影', href: '#/rebuild', match: /^\/rebuild/ });
    if (routes.some((r) => r.pattern === '/admin')) {
      items.push({ key: 'admin', text: '机构与用户', href: '#/admin', match: /^\/admin/ });
    }
  }
  items.push({ key: 'published-check', text: '核对已发布报告', href: `#/published-check/${encodeURIComponent(agency)}/${year}`, match: /^\/published-check\// });
  return items;
}

function updateNav(path) {
  const nav = document.getElementById('nav');
  if (!nav) return;
  const p = path || currentHash().path;
  nav.replaceChildren(...navItems().map((item) => h('a', {
    href: item.href,
    class: item.match.test(p) ? 'active' : null,
    'aria-current': item.match.test(p) ? 'page' : null,
    'data-test': `nav-${item.key}`,
  }, item.text)));
}

async function logout() {
  try {
    await api.queryPost('/logout');
  } catch (e) {
    /* the session may be gone already */
  }
  location.href = '/login.html?logout';
}

/** Draws (or redraws, e.g. after the agencies changed) the top bar. */
export function renderTopbar() {
  const old = document.querySelector('header.topbar');
  if (!old || !document.getElementById('main')) {
    frame();
    return;
  }
  const main = document.getElementById('main');
  frame(main);
  updateNav();
}

function frame(keepMain) {
  const roles = me.roles.map((r) => labels.role[r] || r).join('、');
  const menuButton = h('button', {
    type: 'button', class: 'menu-toggle', 'aria-label': '菜单', 'aria-expanded': 'false', 'data-test': 'menu-toggle',
    onclick: () => {
      const open = document.body.classList.toggle('menu-open');
      menuButton.setAttribute('aria-expanded', String(open));
    },
  }, '☰');
  const picker = agencyPicker(current, (agencyId) => setCurrentAgency(agencyId));
  const header = h('header', { class: 'topbar', 'data-test': 'topbar' },
    h('div', { class: 'topbar-row' },
      h('a', { class: 'brand', href: '#/worklist', 'data-test': 'brand' }, '政府信息公开申请办理'),
      h('div', { class: 'topbar-tools' },
        h('label', { class: 'agency-label' }, h('span', { class: 'sr-only' }, '当前机关'), picker),
        h('a', { class: 'user', href: '#/account', 'data-test': 'current-user', title: `${roles}；点击修改密码` }, me.username,
          roles ? h('span', { class: 'user-roles' }, `（${roles}）`) : null),
        h('button', { type: 'button', class: 'btn btn-link logout', 'data-test': 'logout', onclick: logout }, '退出'),
        menuButton)),
    h('nav', { id: 'nav', class: 'nav', 'aria-label': '主导航', 'data-test': 'nav' }));
  document.getElementById('app').replaceChildren(header, keepMain || h('main', { id: 'main', class: 'main', 'data-test': 'main' }));
  document.getElementById('nav').addEventListener('click', () => document.body.classList.remove('menu-open'));
}

/** Loads the user and the agencies, draws the frame and renders the first route (call after all modules loaded). */
export async function start() {
  if (started) return;
  started = true;
  const app = document.getElementById('app');
  try {
    const who = await api.query('/api/me');
    me.username = who.username;
    me.roles = who.roles || [];
    me.agencies = who.agencies || [];
    me.allAgencies = !!who.allAgencies;
    await loadCodes();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    app.replaceChildren(h('div', { class: 'page' }, h('h1', null, '政府信息公开申请办理')));
    showError(app.firstChild, e);
    return;
  }
  let stored = null;
  try {
    stored = localStorage.getItem(AGENCY_KEY);
  } catch (e) { /* ignore */ }
  try {
    const list = await agencies();
    state.agencies = list;
    const ids = list.map((a) => a.agencyId);
    current = ids.includes(stored) ? stored : (ids.find((id) => me.agencies.includes(id)) || ids[0] || null);
  } catch (e) {
    current = stored;
  }
  frame();
  onAgencyChange(() => {
    updateNav();
    const { path } = currentHash();
    // pages that show "the current agency" follow the picker
    if (/^\/(worklist|search|register)/.test(path)) render();
  });
  window.addEventListener('hashchange', render);
  if (!location.hash || location.hash === '#' || location.hash === '#/') {
    history.replaceState(null, '', '#' + DEFAULT_ROUTE);
  }
  render();
}
