// The officer's pages: worklist, search, registering a request, and the request page with its
// history and the case-workflow actions.
import {
  api, ApiError, me, route, go, h, showError, labels, link, today, formatDate, formatInstant,
  currentAgency, agencyName, renderToken, resultLabel,
} from '/js/core.js';
import { caseNumberPattern } from '/js/case-number.js';
import { lettersSection, letterLink } from '/js/letters.js';
import { receiptCorrectionForm } from '/js/receipt-correction.js';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** a message to show at the top of the next rendered request page */
let pendingFlash = null;

function noAgency(el) {
  el.append(h('div', { class: 'alert alert-info', 'data-test': 'no-agency' }, '没有可访问的机关。请联系系统管理员分配机关权限。'));
}

function shortId(id) {
  return id ? id.substring(0, 8) : '';
}

/** The request's case number (文号) as a link; the first characters of its id for one registered before numbering. */
function caseNumberLink(r, testName) {
  return requestLink(r.requestId, r.caseNumber || shortId(r.requestId), testName);
}

function requestLink(id, text, testName) {
  return h('a', { href: `#/requests/${encodeURIComponent(id)}`, 'data-test': testName || 'request-link', 'data-request-id': id }, text);
}

function tableWrap(table) {
  return h('div', { class: 'table-wrap' }, table);
}

/** A labelled form field with help text and a place for its validation message. */
function field(name, label, input, { help, required, wide } = {}) {
  const id = `f-${name}`;
  input.id = id;
  if (!input.dataset.test) input.dataset.test = name;
  const error = h('div', { class: 'field-error', id: `${id}-error`, 'data-test': `${name}-error`, 'aria-live': 'polite' });
  const helpEl = help ? h('div', { class: 'field-help', id: `${id}-help`, 'data-test': `${name}-help` }, help) : null;
  input.setAttribute('aria-describedby', [helpEl ? helpEl.id : null, error.id].filter(Boolean).join(' '));
  return h('div', { class: ['field', wide ? 'field-wide' : null], 'data-field': name },
    h('label', { htmlFor: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    input, helpEl, error);
}

/** Sets (or clears) the validation message of a field built by field(). */
function setFieldError(form, name, message) {
  const error = form.querySelector(`[data-test="${name}-error"]`);
  const input = form.querySelector(`#f-${name}`);
  if (error) error.textContent = message || '';
  if (input) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** Runs the checks [{name, message}] of a form: shows each message next to its field; true when none. */
function report(form, names, problems) {
  for (const name of names) setFieldError(form, name, null);
  for (const p of problems) setFieldError(form, p.name, p.message);
  if (problems.length) {
    const first = form.querySelector(`#f-${problems[0].name}`);
    if (first) first.focus();
  }
  return problems.length === 0;
}

function dateInput(name, value, { max, min } = {}) {
  return h('input', { type: 'date', name, value: value || '', max: max || null, min: min || null, 'data-test': name });
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The checks a business date obeys: present, a date, not in the future (unless allowed), not before `notBefore`. */
function checkDate(problems, name, value, what, { future = false, notBefore, notBeforeWhat, after, afterWhat } = {}) {
  if (!value) {
    problems.push({ name, message: `请填写${what}` });
  } else if (!ISO.test(value)) {
    problems.push({ name, message: `${what}格式应为 年-月-日` });
  } else if (!future && value > today()) {
    problems.push({ name, message: `${what}不能晚于今天（${formatDate(today())}）` });
  } else if (notBefore && value < notBefore) {
    problems.push({ name, message: `${what}不能早于${notBeforeWhat}（${formatDate(notBefore)}）` });
  } else if (after && value <= after) {
    problems.push({ name, message: `${what}应晚于${afterWhat}（${formatDate(after)}）` });
  }
}

function submitButton(name, text) {
  return h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': `${name}-submit` }, text);
}

function busy(button, on, text) {
  if (!button) return;
  if (on) {
    button.dataset.label = button.textContent;
    button.textContent = text || '正在提交…';
    button.disabled = true;
  } else {
    button.textContent = button.dataset.label || button.textContent;
    button.disabled = false;
  }
}

function statusBadge(status) {
  return h('span', { class: `badge badge-${(status || '').toLowerCase().replace(/_/g, '-')}`, 'data-test': 'status-badge', 'data-status': status },
    labels.status[status] || status || '—');
}

/** Urgency of a running deadline: {cls, text} */
function urgency(workingDaysLeft) {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return null;
  if (workingDaysLeft < 0) return { cls: 'overdue', text: `已超期 ${-workingDaysLeft} 个工作日` };
  if (workingDaysLeft === 0) return { cls: 'due-soon', text: '今日到期' };
  if (workingDaysLeft <= 3) return { cls: 'due-soon', text: `剩余 ${workingDaysLeft} 个工作日` };
  return { cls: 'on-track', text: `剩余 ${workingDaysLeft} 个工作日` };
}

function pageHeader(title, ...extra) {
  return h('div', { class: 'page-header' }, h('h1', null, title), ...extra);
}

// ---------------------------------------------------------------------------------------------
// #/worklist
// ---------------------------------------------------------------------------------------------

route('/worklist', async (el) => {
  const agency = currentAgency();
  const searchInput = h('input', { type: 'search', name: 'q', placeholder: '申请人、申请事项或申请编号', 'data-test': 'worklist-search-q', 'aria-label': '检索申请' });
  const searchForm = h('form', {
    class: 'inline-search', role: 'search', 'data-test': 'worklist-search',
    onsubmit: (e) => {
      e.preventDefault();
      go(link('/search', { q: searchInput.value.trim() }));
    },
  }, searchInput, h('button', { type: 'submit', class: 'btn', 'data-test': 'worklist-search-submit' }, '检索'));
  const title = h('span', { 'data-test': 'worklist-agency' }, '');
  el.append(pageHeader('待办事项', title, searchForm));
  if (!agency) {
    noAgency(el);
    return;
  }
  title.textContent = agencyName(agency);
  const body = h('div', { 'data-test': 'worklist', 'aria-busy': 'true' }, h('p', { class: 'muted' }, '正在载入…'));
  el.append(body);
  const alive = renderToken();
  let data;
  try {
    data = await api.query(`/api/agencies/${encodeURIComponent(agency)}/worklist`);
  } catch (e) {
    body.replaceChildren();
    showError(body, e);
    return;
  }
  if (!alive()) return;
  body.removeAttribute('aria-busy');
  const items = data.requests || [];
  const hasDays = (r) => r.workingDaysLeft !== null && r.workingDaysLeft !== undefined;
  // the counters are filters: each shows its requests only; 未办结 shows them all again
  const FILTERS = {
    all: { label: '未办结', cls: '', test: 'open', keep: () => true },
    overdue: { label: '已超期', cls: 'overdue', test: 'overdue', keep: (r) => hasDays(r) && r.workingDaysLeft < 0 },
    soon: { label: '3 个工作日内到期', cls: 'due-soon', test: 'due-soon', keep: (r) => hasDays(r) && r.workingDaysLeft >= 0 && r.workingDaysLeft <= 3 },
    paused: { label: '暂停计算', cls: 'paused', test: 'paused', keep: (r) => !!r.pausedBecause },
  };
  // sortable columns: the value each sorts by (missing values last)
  const COLUMNS = [
    { key: 'urgency', label: '办理情况', value: (r) => (hasDays(r) ? r.workingDaysLeft : null) },
    { key: 'dueOn', label: '办理期限', value: (r) => r.dueOn || null },
    { key: 'subject', label: '申请事项', value: (r) => r.subject || null },
    { key: 'applicantType', label: '申请人类型', value: (r) => labels.applicantType[r.applicantType] || null },
    { key: 'receivedOn', label: '收到日期', value: (r) => r.receivedOn || null },
    { key: 'caseNumber', label: '编号', value: (r) => r.caseNumber || null },
    { key: 'assignee', label: '承办人', value: (r) => (r.assignee ? r.assignee.name : null) },
  ];
  const view = { filter: 'all', mine: false, sort: 'urgency', ascending: true };
  const mine = h('input', { type: 'checkbox', 'data-test': 'worklist-mine' });
  mine.addEventListener('change', () => { view.mine = mine.checked; render(); });
  const counters = h('div', { class: 'summary', 'data-test': 'worklist-summary' });
  const tableSlot = h('div');
  body.replaceChildren(counters, h('label', { class: 'small worklist-mine' }, mine, ' 只看分派给我的（我的待办）'), tableSlot);

  function render() {
    const visible = items.filter((r) => !view.mine || (r.assignee && r.assignee.username === me.username));
    counters.replaceChildren(...Object.entries(FILTERS).map(([key, f]) => h('button', {
      type: 'button', class: `summary-item ${f.cls} ${view.filter === key ? 'active' : ''}`, 'aria-pressed': String(view.filter === key),
      'data-test': `worklist-filter-${f.test}`, onclick: () => { view.filter = key; render(); },
    }, `${f.label} `, h('strong', { 'data-test': `worklist-count-${f.test}` }, visible.filter(f.keep).length), ' 件')),
    h('span', { class: 'summary-item muted' }, `截至 ${formatDate(data.asOf)}`));
    const shown = visible.filter(FILTERS[view.filter].keep);
    if (shown.length === 0) {
      tableSlot.replaceChildren(h('div', { class: 'empty', 'data-test': 'worklist-empty' },
        items.length === 0 ? '本机关暂无未办结的申请。' : '没有符合所选条件的申请。'));
      return;
    }
    const column = COLUMNS.find((c) => c.key === view.sort);
    const sorted = shown.slice().sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return view.ascending ? order : -order;
    });
    const headers = COLUMNS.map((c) => h('th', { 'aria-sort': view.sort === c.key ? (view.ascending ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', class: 'sort', 'data-test': `worklist-sort-${c.key}`, onclick: () => {
        view.ascending = view.sort === c.key ? !view.ascending : true;
        view.sort = c.key;
        render();
      } }, c.label, view.sort === c.key ? (view.ascending ? ' ▲' : ' ▼') : '')));
    tableSlot.replaceChildren(tableWrap(h('table', { class: 'table table-cards', 'data-test': 'worklist-table' },
      h('thead', null, h('tr', null, headers)), h('tbody', null, sorted.map(worklistRow)))));
  }
  render();
});

/** Who handles the request; a supervisor of its agency may give it to one of the agency's officers. */
function assigneeFact(state) {
  const shown = h('span', { 'data-test': 'request-assignee-name' },
    state.assignee ? `${state.assignee.name}（${formatDate(state.assignee.assignedOn)} 分派）` : '未分派');
  if (!me.has('SUPERVISOR') || !me.actsFor(state.agencyId)) return shown;
  const select = h('select', { name: 'assignee', 'data-test': 'assign-select', 'aria-label': '承办人' }, h('option', { value: '' }, '请选择承办人'));
  const form = h('form', { class: 'inline', hidden: true, novalidate: true, 'data-test': 'assign-form' }, select,
    h('button', { type: 'submit', class: 'btn primary', 'data-test': 'assign-submit' }, '分派'));
  const open = h('button', { type: 'button', class: 'link', 'data-test': 'assign-open', onclick: async () => {
    form.hidden = !form.hidden;
    if (form.hidden || select.options.length > 1) return;
    try {
      const officers = await api.command('GET', `/api/agencies/${encodeURIComponent(state.agencyId)}/officers`);
      officers.forEach((o) => select.append(h('option', { value: o.username, selected: state.assignee && state.assignee.username === o.username },
        o.name === o.username ? o.name : `${o.name}（${o.username}）`)));
    } catch (err) {
      showError(form, err, 'assign-error');
    }
  } }, state.assignee ? '改派' : '分派');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!select.value) {
      showError(form, '请选择承办人', 'assign-error');
      return;
    }
    try {
      await api.command('PUT', `/api/requests/${encodeURIComponent(state.requestId)}/assignee`, { username: select.value });
      for (let waited = 0; waited <= 10000; waited += 200) {
        const now = await api.query(`/api/requests/${encodeURIComponent(state.requestId)}`);
        if (now.assignee && now.assignee.username === select.value) break;
        await sleep(200);
      }
      pendingFlash = { kind: 'success', text: `已分派给 ${select.selectedOptions[0].textContent}` };
      go(`/requests/${encodeURIComponent(state.requestId)}`);
    } catch (err) {
      showError(form, err, 'assign-error');
    }
  });
  return h('div', null, shown, ' ', open, form);
}

function worklistRow(r) {
  const u = urgency(r.workingDaysLeft);
  let cls;
  let state;
  if (r.pausedBecause) {
    cls = 'paused';
    state = h('div', null,
      h('span', { class: 'urgency paused', 'data-test': 'worklist-urgency' }, '暂停计算'),
      h('div', { class: 'small', 'data-test': 'worklist-paused-reason' }, r.pausedBecause),
      r.pausedSince ? h('div', { class: 'small muted' }, `自 ${formatDate(r.pausedSince)}`) : null,
      r.applicantDueOn ? h('div', { class: 'small', 'data-test': 'worklist-applicant-due-on' }, `申请人期限：${formatDate(r.applicantDueOn)}`) : null);
  } else {
    cls = u ? u.cls : '';
    state = h('span', { class: `urgency ${cls}`, 'data-test': 'worklist-urgency' }, u ? u.text : '—');
  }
  return h('tr', { class: `row-${cls}`, 'data-test': 'worklist-row', 'data-request-id': r.requestId, 'data-urgency': cls },
    h('td', { 'data-test': 'worklist-state', 'data-label': '办理情况' }, state),
    h('td', { 'data-test': 'worklist-due-on', 'data-label': '办理期限', class: 'nowrap' },
      r.dueOn ? formatDate(r.dueOn) : '—', r.dueDateProvisional ? h('span', { class: 'small muted', title: '该年度节假日安排尚未载入，按周一至周五计算' }, '（暂定）') : null),
    h('td', { 'data-test': 'worklist-subject', 'data-label': '申请事项' }, requestLink(r.requestId, r.subject || '（未填写申请事项）', 'worklist-link')),
    h('td', { 'data-test': 'worklist-applicant-type', 'data-label': '申请人类型', class: 'nowrap' }, labels.applicantType[r.applicantType] || r.applicantType || '—'),
    h('td', { 'data-test': 'worklist-received-on', 'data-label': '收到日期', class: 'nowrap' }, formatDate(r.receivedOn)),
    h('td', { 'data-label': '编号', class: 'nowrap small', 'data-test': 'worklist-case-number' }, caseNumberLink(r, 'worklist-id-link')),
    h('td', { 'data-label': '承办人', class: 'nowrap', 'data-test': 'worklist-assignee' }, r.assignee ? r.assignee.name : h('span', { class: 'muted' }, '未分派')));
}

// ---------------------------------------------------------------------------------------------
// #/search
// ---------------------------------------------------------------------------------------------

route('/search', async (el, params, query) => {
  const agency = currentAgency();
  el.append(pageHeader('检索申请'));
  if (!agency) {
    noAgency(el);
    return;
  }
  const q = h('input', { type: 'search', name: 'q', value: query.q || '', placeholder: '申请人姓名或名称、申请事项、申请编号', 'data-test': 'search-q' });
  const status = h('select', { name: 'status', 'data-test': 'search-status' },
    h('option', { value: '' }, '全部'),
    Object.entries(labels.status).map(([code, text]) => h('option', { value: code, selected: query.status === code }, text)));
  const from = dateInput('search-received-from', query.receivedFrom);
  const to = dateInput('search-received-to', query.receivedTo);
  const errorSlot = h('div', { 'data-test': 'search-errors' });
  const form = h('form', {
    class: 'form form-grid search-form', 'data-test': 'search-form', novalidate: true,
    onsubmit: (e) => {
      e.preventDefault();
      const problems = [];
      if (from.value && !ISO.test(from.value)) problems.push({ name: 'search-received-from', message: '日期格式应为 年-月-日' });
      if (to.value && !ISO.test(to.value)) problems.push({ name: 'search-received-to', message: '日期格式应为 年-月-日' });
      if (from.value && to.value && from.value > to.value) problems.push({ name: 'search-received-to', message: '截止日期不能早于起始日期' });
      if (!report(form, ['search-received-from', 'search-received-to'], problems)) return;
      go(link('/search', { q: q.value.trim(), status: status.value, receivedFrom: from.value, receivedTo: to.value }));
    },
  },
  field('search-q', '关键词', q, { wide: true }),
  field('search-status', '办理状态', status),
  field('search-received-from', '收到日期（起）', from),
  field('search-received-to', '收到日期（止）', to),
  h('div', { class: 'form-actions' },
    h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': 'search-submit' }, '检索'),
    h('button', { type: 'button', class: 'btn', 'data-test': 'search-reset', onclick: () => go('/search') }, '清空条件')));
  const results = h('div', { 'data-test': 'search-results', 'aria-live': 'polite' }, h('p', { class: 'muted' }, '正在检索…'));
  el.append(form, errorSlot, results);

  const alive = renderToken();
  const qs = new URLSearchParams();
  for (const key of ['q', 'status', 'receivedFrom', 'receivedTo']) {
    if (query[key]) qs.set(key, query[key]);
  }
  qs.set('limit', '200');
  let data;
  try {
    data = await api.query(`/api/agencies/${encodeURIComponent(agency)}/requests?${qs}`);
  } catch (e) {
    results.replaceChildren();
    showError(results, e);
    return;
  }
  if (!alive()) return;
  const list = data.requests || [];
  // every match, not only the ones shown, as a spreadsheet
  const exported = new URLSearchParams(qs);
  exported.delete('limit');
  exported.set('format', 'xlsx');
  const count = h('p', { class: 'result-count', 'data-test': 'search-total' },
    `共找到 ${data.total} 件申请`, data.total > list.length ? `，显示最新收到的 ${list.length} 件` : '',
    data.total > 0 ? h('a', { class: 'btn small', download: '', 'data-test': 'search-export-xlsx',
      href: `/api/agencies/${encodeURIComponent(agency)}/requests?${exported}` }, '导出 Excel (.xlsx)') : null);
  if (list.length === 0) {
    results.replaceChildren(count, h('div', { class: 'empty', 'data-test': 'search-empty' }, '没有符合条件的申请。'));
    return;
  }
  results.replaceChildren(count, tableWrap(h('table', { class: 'table table-cards', 'data-test': 'search-table' },
    h('thead', null, h('tr', null, h('th', null, '收到日期'), h('th', null, '申请人'), h('th', null, '申请事项'),
      h('th', null, '状态'), h('th', null, '办理期限'), h('th', null, '办理结果'), h('th', null, '编号'))),
    h('tbody', null, list.map((r) => {
      const u = r.status === 'DECIDED' ? null : urgency(r.workingDaysLeft);
      return h('tr', { 'data-test': 'search-row', 'data-request-id': r.requestId, class: u ? `row-${u.cls}` : null },
        h('td', { class: 'nowrap', 'data-label': '收到日期', 'data-test': 'search-received-on' }, formatDate(r.receivedOn)),
        h('td', { 'data-label': '申请人', 'data-test': 'search-applicant' }, (r.applicant && r.applicant.name && r.applicant.name !== 'null') ? r.applicant.name : '—',
          r.applicant ? h('div', { class: 'small muted' }, labels.applicantType[r.applicant.type] || r.applicant.type) : null),
        h('td', { 'data-label': '申请事项', 'data-test': 'search-subject' }, requestLink(r.requestId, r.subject || '（未填写申请事项）', 'search-link')),
        h('td', { 'data-label': '状态', 'data-test': 'search-status-cell' }, statusBadge(r.status)),
        h('td', { class: 'nowrap', 'data-label': '办理期限', 'data-test': 'search-due-on' }, r.dueOn ? formatDate(r.dueOn) : '暂停计算',
          u ? h('div', { class: `small urgency ${u.cls}` }, u.text) : null),
        h('td', { 'data-label': '办理结果', 'data-test': 'search-result' }, r.result ? resultLabel(r.result) : '—',
          r.decidedOn ? h('div', { class: 'small muted' }, formatDate(r.decidedOn)) : null),
        h('td', { class: 'nowrap small', 'data-label': '编号', 'data-test': 'search-case-number' }, caseNumberLink(r, 'search-id-link')));
    })))));
});

// ---------------------------------------------------------------------------------------------
// #/register
// ---------------------------------------------------------------------------------------------

/** Art. 31 of the Regulations: the legal date of receipt depends on how the request came in. */
const RECEIPT_DATE_HELP = {
  '': '请先选择提交方式。收到申请之日按《政府信息公开条例》第三十一条确定，可能与材料实际到达的日期不同；答复期限自收到申请之日的次日起算。',
  IN_PERSON: '当面提交的，以申请人提交之日为收到申请之日（《条例》第三十一条第一项）。',
  LETTER: '以邮寄方式提交的，以本机关签收之日为收到申请之日；以平常信函等无需签收的方式邮寄的，应于收到申请的当日与申请人确认，以确认之日为收到申请之日（《条例》第三十一条第二项）。',
  ONLINE: '通过互联网渠道提交的，以双方确认之日为收到申请之日（《条例》第三十一条第三项）。',
  FAX: '通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日（《条例》第三十一条第三项）。',
  EMAIL: '通过电子邮件提交的，按互联网渠道办理，以双方确认之日为收到申请之日（《条例》第三十一条第三项）。',
  OTHER: '以其他方式提交的，参照《条例》第三十一条，以本机关与申请人确认收到之日为收到申请之日。',
};

route('/register', async (el) => {
  const agency = currentAgency();
  const agencyTitle = h('span', { 'data-test': 'register-agency' });
  el.append(pageHeader('登记申请', agencyTitle));
  if (!agency) {
    noAgency(el);
    return;
  }
  agencyTitle.textContent = agencyName(agency);
  if (!me.actsFor(agency)) {
    el.append(h('div', { class: 'alert alert-info', 'data-test': 'register-not-allowed' },
      '您没有在本机关登记申请的权限（须为本机关的经办人或负责人）。'));
    return;
  }
  const channel = h('select', { name: 'channel', 'data-test': 'register-channel' },
    h('option', { value: '' }, '请选择'),
    Object.entries(labels.channel).map(([code, text]) => h('option', { value: code }, text)));
  const receivedOn = dateInput('register-received-on', today(), { max: today() });
  const dateHelp = h('span', { 'data-test': 'register-received-on-rule' }, RECEIPT_DATE_HELP['']);
  channel.addEventListener('change', () => {
    dateHelp.textContent = RECEIPT_DATE_HELP[channel.value] || RECEIPT_DATE_HELP[''];
  });
  const applicantType = h('select', { name: 'applicantType', 'data-test': 'register-applicant-type' },
    h('option', { value: '' }, '请选择'),
    Object.entries(labels.applicantType).map(([code, text]) => h('option', { value: code }, text)));
  const applicantName = h('input', { type: 'text', name: 'applicantName', maxlength: '200', autocomplete: 'off', 'data-test': 'register-applicant-name' });
  const subject = h('textarea', { name: 'subject', rows: '3', maxlength: '2000', 'data-test': 'register-subject', placeholder: '申请公开的政府信息的名称、文号或便于查询的其他特征性描述' });
  // optional: the applicant's identity document and contact details (personal data: shown in full to the agency only)
  const idType = h('select', { name: 'idType', 'data-test': 'register-id-type' }, h('option', { value: '' }, '未提供'),
    Object.entries(labels.idType).map(([code, text]) => h('option', { value: code }, text)));
  const idNumber = h('input', { type: 'text', name: 'idNumber', maxlength: '40', autocomplete: 'off', 'data-test': 'register-id-number' });
  const phone = h('input', { type: 'tel', name: 'phone', maxlength: '20', autocomplete: 'off', 'data-test': 'register-phone' });
  const address = h('input', { type: 'text', name: 'address', maxlength: '200', autocomplete: 'off', 'data-test': 'register-address' });
  const email = h('input', { type: 'email', name: 'email', maxlength: '100', autocomplete: 'off', 'data-test': 'register-email' });
  const submit = submitButton('register', '登记');
  const errorSlot = h('div', { class: 'form-error-slot', 'data-test': 'register-errors' });
  const names = ['register-channel', 'register-received-on', 'register-applicant-type', 'register-applicant-name', 'register-subject'];
  const form = h('form', { class: 'form form-grid', 'data-test': 'register-form', novalidate: true },
    field('register-channel', '提交方式', channel, { required: true }),
    field('register-received-on', '收到申请之日', receivedOn, { required: true, help: dateHelp }),
    field('register-applicant-type', '申请人类型', applicantType, { required: true, help: '按年度报告表三的申请人分类：自然人，或法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。' }),
    field('register-applicant-name', '申请人姓名或名称', applicantName, { required: true }),
    field('register-subject', '申请事项', subject, { required: true, wide: true }),
    field('register-id-type', '证件类型', idType),
    field('register-id-number', '证件号码', idNumber, { help: '居民身份证号码按校验位核对。' }),
    field('register-phone', '联系电话', phone),
    field('register-email', '电子邮箱', email),
    field('register-address', '通信地址', address, { wide: true }),
    h('div', { class: 'form-actions' }, submit,
      h('a', { class: 'btn', href: '#/worklist', 'data-test': 'register-cancel' }, '取消')),
    errorSlot);
  el.append(form);
  // how the number the request gets is written; a supervisor of the agency may change it
  api.query(`/api/agencies/${encodeURIComponent(agency)}`).then((a) => {
    form.after(h('section', { class: 'card small' }, caseNumberPattern(agency, a.caseNumberPattern, me.has('SUPERVISOR'))));
  }).catch(() => {});

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errorSlot.replaceChildren();
    const problems = [];
    if (!channel.value) problems.push({ name: 'register-channel', message: '请选择提交方式' });
    checkDate(problems, 'register-received-on', receivedOn.value, '收到申请之日');
    if (!applicantType.value) problems.push({ name: 'register-applicant-type', message: '请选择申请人类型' });
    if (!applicantName.value.trim()) problems.push({ name: 'register-applicant-name', message: '请填写申请人姓名或名称' });
    if (!subject.value.trim()) problems.push({ name: 'register-subject', message: '请填写申请公开的政府信息' });
    if (!report(form, names, problems)) return;
    busy(submit, true, '正在登记…');
    try {
      const created = await api.command('POST', `/api/agencies/${encodeURIComponent(agency)}/requests`, {
        receivedOn: receivedOn.value,
        channel: channel.value,
        applicant: {
          type: applicantType.value, name: applicantName.value.trim(), idType: idType.value || null, idNumber: idNumber.value.trim() || null,
          phone: phone.value.trim() || null, address: address.value.trim() || null, email: email.value.trim() || null,
        },
        subject: subject.value.trim(),
      });
      const id = created && created.requestId;
      // the query side follows shortly: wait until it knows the request
      let state = null;
      for (let waited = 0; id && waited <= 10000; waited += 200) {
        try {
          state = await api.query(`/api/requests/${encodeURIComponent(id)}`);
          // the number comes from the agency's case book, which the query side may learn of a moment later
          if (state.caseNumber || waited >= 5000) break;
          await sleep(200);
        } catch (err) {
          if (!(err instanceof ApiError) || err.status !== 404) throw err;
          await sleep(200);
        }
      }
      pendingFlash = state
        ? { kind: 'success', text: `已登记${state.caseNumber ? `，编号 ${state.caseNumber}` : ''}，办理期限：${formatDate(state.dueOn)}` }
        : { kind: 'info', text: '已登记；查询端尚未更新，请稍后刷新本页。' };
      go(`/requests/${encodeURIComponent(id)}`);
    } catch (err) {
      busy(submit, false);
      showError(errorSlot, err);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// #/requests/:id
// ---------------------------------------------------------------------------------------------

route('/requests/:id', async (el, params) => {
  const flash = pendingFlash;
  pendingFlash = null;
  await renderRequest(el, params.id, flash);
});

const REVIEWS_KEY = (requestId) => `foi.reviews.${requestId}`;

/** reviews filed from this browser (the query side does not list a request's reviews with their ids yet) */
function knownReviews(requestId, state) {
  const fromState = Array.isArray(state.reviews) ? state.reviews : [];
  let stored = [];
  try {
    stored = JSON.parse(localStorage.getItem(REVIEWS_KEY(requestId)) || '[]');
  } catch (e) {
    stored = [];
  }
  const all = [...fromState];
  for (const r of stored) {
    if (!all.some((x) => x.reviewId === r.reviewId)) all.push(r);
  }
  return all;
}

function rememberReview(requestId, review) {
  try {
    const stored = JSON.parse(localStorage.getItem(REVIEWS_KEY(requestId)) || '[]');
    stored.push(review);
    localStorage.setItem(REVIEWS_KEY(requestId), JSON.stringify(stored));
  } catch (e) { /* ignore */ }
}

function markReviewConcluded(requestId, reviewId, result, concludedOn) {
  try {
    const stored = JSON.parse(localStorage.getItem(REVIEWS_KEY(requestId)) || '[]');
    for (const r of stored) {
      if (r.reviewId === reviewId) Object.assign(r, { result, concludedOn });
    }
    localStorage.setItem(REVIEWS_KEY(requestId), JSON.stringify(stored));
  } catch (e) { /* ignore */ }
}

async function renderRequest(el, id, flash) {
  const alive = renderToken();
  el.replaceChildren(h('p', { class: 'muted', 'data-test': 'request-loading' }, '正在载入…'));
  let state;
  let history;
  try {
    [state, history] = await Promise.all([
      api.query(`/api/requests/${encodeURIComponent(id)}?possibleRepeats=true`),
      api.query(`/api/requests/${encodeURIComponent(id)}/history`),
    ]);
  } catch (e) {
    el.replaceChildren(pageHeader('申请详情'));
    showError(el, e);
    return;
  }
  if (!alive()) return;
  const events = history.events || [];
  const name = agencyName(state.agencyId);

  const children = [];
  if (flash) {
    children.push(h('div', { class: `alert alert-${flash.kind || 'success'} flash`, role: 'status', 'data-test': 'flash' }, flash.text));
  }
  children.push(h('div', { class: 'page-header' },
    h('div', null,
      h('div', { class: 'breadcrumb' }, h('a', { href: '#/worklist', 'data-test': 'back-to-worklist' }, '待办事项'), ' / ', '申请详情'),
      h('h1', { 'data-test': 'request-subject' }, state.subject || '（未填写申请事项）'),
      h('div', { class: 'muted small' }, name,
        state.caseNumber ? [' · 编号 ', h('strong', { 'data-test': 'request-case-number' }, state.caseNumber)] : null,
        ' · 系统标识 ', h('span', { class: 'mono', 'data-test': 'request-id', title: state.requestId }, shortId(state.requestId))))));

  children.push(dueBox(state));
  if (Array.isArray(state.possibleRepeats) && state.possibleRepeats.length) {
    children.push(h('div', { class: 'alert alert-info', 'data-test': 'possible-repeats' },
      h('strong', null, '提示：'), '同一申请人在 90 日内曾申请相似事项，请判断是否属于重复申请（《条例》第三十六条第（六）项）：',
      h('ul', { class: 'plain small' }, state.possibleRepeats.map((r) => h('li', null,
        requestLink(r.requestId, r.caseNumber || shortId(r.requestId), 'possible-repeat-link'),
        `　${formatDate(r.receivedOn)}　${r.subject}`)))));
  }

  const facts = h('section', { class: 'card', 'data-test': 'request-facts' },
    h('h2', null, '申请信息'),
    h('dl', { class: 'facts' },
      fact('状态', statusBadge(state.status), 'request-status'),
      fact('收到申请之日', formatDate(state.receivedOn), 'received-on'),
      fact('提交方式', labels.channel[state.channel] || state.channel || '—', 'request-channel'),
      fact('承办人', assigneeFact(state), 'request-assignee'),
      fact('申请人', [
        state.applicant && state.applicant.name && state.applicant.name !== 'null' ? state.applicant.name : '—',
        state.applicant ? h('span', { class: 'muted' }, `（${labels.applicantType[state.applicant.type] || state.applicant.type}）`) : null,
      ], 'request-applicant'),
      state.applicant && state.applicant.details ? fact('身份及联系方式', applicantDetails(state.applicant.details), 'request-applicant-details') : null,
      state.carriedOverInto ? fact('上年结转', `结转入 ${state.carriedOverInto} 年办理`, 'carried-over-into') : null,
      state.result ? fact('办理结果', resultLabel(state.result), 'request-result') : null,
      state.decidedOn ? fact('答复日期', formatDate(state.decidedOn), 'decided-on') : null,
      state.answered ? fact('是否按期', labels.answered[state.answered] || state.answered, 'request-answered') : null,
      state.correction ? fact('补正', [
        `${formatDate(state.correction.requestedOn)} 告知补正，补正期限 ${formatDate(state.correction.dueOn)}`,
        state.correction.receivedOn ? `；${formatDate(state.correction.receivedOn)} 收到补正` : '；尚未收到补正',
        Array.isArray(state.correction.items) && state.correction.items.length
          ? h('ul', { class: 'plain small' }, state.correction.items.map((i) => h('li', null, i))) : null,
      ], 'request-correction') : null,
      state.extension ? fact('延期', `${formatDate(state.extension.grantedOn)} 经 ${state.extension.approvedBy} 批准延长 ${state.extension.workingDays} 个工作日${state.extension.reason ? `（${state.extension.reason}）` : ''}`, 'request-extension') : null,
      Array.isArray(state.consultations) && state.consultations.length ? fact('征求意见', h('ul', { class: 'plain' },
        state.consultations.map((c) => h('li', { 'data-test': 'consultation', 'data-consultation-id': c.consultationId },
          `${labels.consultationKind[c.kind] || c.kind}：${c.party}，${formatDate(c.sentOn)} 发出`,
          c.repliedOn ? `，${formatDate(c.repliedOn)} 收到意见${c.consents === true ? '（同意公开）' : c.consents === false ? '（不同意公开）' : ''}` : '，尚未答复'))), 'request-consultations') : null,
      state.fee ? fact('信息处理费', `${formatDate(state.fee.issuedOn)} 发出收费通知，${labels.feeBasis[state.fee.basis] || state.fee.basis} ${state.fee.amountYuan} 元，缴费期限 ${formatDate(state.fee.dueOn)}${state.fee.paidOn ? `；${formatDate(state.fee.paidOn)} 已缴费` : '；尚未缴费'}`, 'request-fee') : null));

  const explanation = Array.isArray(state.dueDateExplanation) && state.dueDateExplanation.length
    ? h('section', { class: 'card', 'data-test': 'due-date-explanation' },
      h('h2', null, '办理期限的计算'),
      h('ol', { class: 'explanation' }, state.dueDateExplanation.map((line) => h('li', { 'data-test': 'due-date-explanation-step' }, line))))
    : null;

  const side = h('div', { class: 'request-side' }, facts, explanation,
    me.actsFor(state.agencyId) ? lettersSection(state) : null, attachmentsSection(state));
  const actions = me.actsFor(state.agencyId) ? actionPanel(el, state, events) : null;
  children.push(h('div', { class: 'request-grid' }, side, actions));
  children.push(historySection(events, me.actsFor(state.agencyId)));
  el.replaceChildren(...children);
}

function applicantDetails(d) {
  return h('span', null, [
    d.idType ? `${labels.idType[d.idType] || d.idType}${d.idNumber ? ` ${d.idNumber}` : ''}` : null,
    d.phone ? `电话 ${d.phone}` : null, d.email ? `邮箱 ${d.email}` : null, d.address ? `地址 ${d.address}` : null,
  ].filter(Boolean).join('；'));
}

function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files kept for the request: listed and downloaded by whoever may read it; uploaded by its agency's officers. */
function attachmentsSection(state) {
  const base = `/api/requests/${encodeURIComponent(state.requestId)}/attachments`;
  const list = h('ul', { class: 'plain', 'data-test': 'attachments' }, h('li', { class: 'muted' }, '正在载入…'));
  const section = h('section', { class: 'card', 'data-test': 'attachments-section' }, h('h2', null, '附件'), list);
  const load = async () => {
    try {
      const files = await api.command('GET', base);
      list.replaceChildren(...(files.length === 0 ? [h('li', { class: 'muted', 'data-test': 'attachments-none' }, '暂无附件')]
        : files.map((f) => h('li', { 'data-test': 'attachment' },
          h('a', { href: `/command${base}/${encodeURIComponent(f.attachmentId)}`, download: f.name, 'data-test': 'attachment-link' }, f.name),
          h('span', { class: 'small muted' }, `　${fileSize(f.size)}，${formatInstant(f.uploadedAt)}，SHA-256 `),
          h('span', { class: 'mono small', title: f.sha256 }, f.sha256.substring(0, 12))))));
    } catch (err) {
      list.replaceChildren();
      showError(list, err, 'attachments-error');
    }
  };
  load();
  if (me.actsFor(state.agencyId)) {
    const input = h('input', { type: 'file', name: 'file', 'data-test': 'attachment-file',
      accept: '.pdf,.jpg,.jpeg,.png,.gif,.tif,.tiff,.doc,.docx,.xls,.xlsx' });
    const submit = h('button', { type: 'submit', class: 'btn', 'data-test': 'attachment-submit' }, '上传');
    const form = h('form', { class: 'attachment-form', novalidate: true, 'data-test': 'attachment-form' }, input, submit,
      h('p', { class: 'small muted' }, '申请书扫描件、签发的答复书等；PDF、图片、Word 或 Excel，不超过 20 MB。'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      form.querySelectorAll('.alert').forEach((a) => a.remove());
      if (!input.files || input.files.length === 0) {
        showError(form, '请选择要上传的文件', 'attachment-error');
        return;
      }
      if (input.files[0].size > 20 * 1024 * 1024) {
        showError(form, '文件超过 20 MB，不能上传', 'attachment-error');
        return;
      }
      busy(submit, true, '正在上传…');
      try {
        await api.upload(base, input.files[0]);
        input.value = '';
        await load();
      } catch (err) {
        showError(form, err, 'attachment-error');
      } finally {
        busy(submit, false);
      }
    });
    section.append(form);
  }
  return section;
}

function fact(label, value, testName) {
  return h('div', { class: 'fact' }, h('dt', null, label), h('dd', { 'data-test': testName }, value));
}

function dueBox(state) {
  let cls = '';
  let main;
  let sub;
  if (state.status === 'DECIDED') {
    cls = 'decided';
    main = formatDate(state.dueOn);
    sub = `已于 ${formatDate(state.decidedOn)} 答复${state.answered ? `，${labels.answered[state.answered] || state.answered}` : ''}`;
  } else if (!state.dueOn) {
    cls = 'paused';
    main = '暂停计算';
    sub = state.pausedBecause || labels.status[state.status] || '';
  } else {
    const u = urgency(state.workingDaysLeft);
    cls = u ? u.cls : '';
    main = formatDate(state.dueOn);
    sub = u ? u.text : '';
  }
  return h('section', { class: `due-box ${cls}`, 'data-test': 'due-box', 'data-urgency': cls },
    h('div', { class: 'due-label' }, '办理期限'),
    h('div', { class: 'due-date', 'data-test': 'due-on', 'data-due-on': state.dueOn || '' }, main,
      state.dueDateProvisional ? h('span', { class: 'small', title: '该年度节假日安排尚未载入，按周一至周五计算' }, '（暂定）') : null),
    h('div', { class: 'due-sub', 'data-test': 'working-days-left' }, sub));
}

function historySection(events, withLetters) {
  return h('section', { class: 'card', 'data-test': 'history' },
    h('h2', null, '办理记录'),
    events.length === 0 ? h('p', { class: 'muted' }, '暂无记录。') : tableWrap(h('table', { class: 'table table-cards', 'data-test': 'history-table' },
      h('thead', null, h('tr', null, h('th', null, '序号'), h('th', null, '事项'), h('th', null, '业务日期'), h('th', null, '说明'),
        h('th', null, '记录时间'), h('th', null, '记录人'), h('th', null, '摘要（SHA-256）'))),
      h('tbody', null, events.map((e, i) => h('tr', { 'data-test': 'history-row', 'data-type': e.type, 'data-global-index': e.globalIndex },
        h('td', { 'data-label': '序号', class: 'num' }, i + 1),
        h('td', { 'data-label': '事项', 'data-test': 'history-label' }, e.label || e.type),
        h('td', { 'data-label': '业务日期', class: 'nowrap', 'data-test': 'history-business-date' }, formatDate(e.businessDate)),
        h('td', { 'data-label': '说明', 'data-test': 'history-summary' }, e.summary || '', withLetters ? letterLink(e) : null),
        h('td', { 'data-label': '记录时间', class: 'nowrap small', 'data-test': 'history-recorded-at' }, formatInstant(e.recordedAt)),
        h('td', { 'data-label': '记录人', 'data-test': 'history-recorded-by', title: e.recordedBy || '' }, e.recordedByName || e.recordedBy || '—'),
        // the digest the event was stored with: shortened here, whole on hover and in the API
        h('td', { 'data-label': '摘要', class: 'mono small', title: e.digest || '', 'data-test': 'history-digest' },
          e.digest ? e.digest.substring(0, 12) + '…' : '—')))))));
}

// ----- actions --------------------------------------------------------------------------------

/** Sends a command, waits until the query side has recorded the new event, then re-renders the page. */
async function perform(pageEl, state, events, send, form, submit, errorSlot) {
  errorSlot.replaceChildren();
  busy(submit, true);
  try {
    await send();
  } catch (err) {
    busy(submit, false);
    showError(errorSlot, err);
    return;
  }
  submit.textContent = '已提交，正在更新…';
  const before = events.length;
  const id = state.requestId;
  let updated = null;
  for (let waited = 0; waited <= 10000; waited += 200) {
    try {
      const history = await api.query(`/api/requests/${encodeURIComponent(id)}/history`);
      if ((history.events || []).length > before) {
        updated = await api.query(`/api/requests/${encodeURIComponent(id)}`);
        break;
      }
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return;
    }
    await sleep(200);
  }
  let flash;
  if (!updated) {
    flash = { kind: 'info', text: '已保存；查询端尚未更新，办理期限稍后刷新可见。' };
  } else if (updated.dueOn && updated.status !== 'DECIDED') {
    flash = { kind: 'success', text: `已保存，新的办理期限：${formatDate(updated.dueOn)}` };
  } else if (updated.status === 'DECIDED') {
    flash = { kind: 'success', text: `已保存，办理期限：${formatDate(updated.dueOn)}（已于 ${formatDate(updated.decidedOn)} 答复）` };
  } else {
    flash = { kind: 'success', text: `已保存，新的办理期限：暂停计算（${updated.pausedBecause || labels.status[updated.status] || ''}）` };
  }
  await renderRequest(pageEl, id, flash);
}

function actionPanel(pageEl, state, events) {
  const status = state.status;
  const open = status !== 'DECIDED';
  const actions = [];
  const supervisor = me.has('SUPERVISOR');
  if (status === 'OPEN' && !state.correction) actions.push(['correction-request', '补正', correctionRequestForm]);
  if (status === 'AWAITING_CORRECTION') actions.push(['correction', '收到补正', correctionForm]);
  if ((status === 'OPEN' || status === 'PAUSED') && !state.extension && supervisor) actions.push(['extension', '延期', extensionForm]);
  if (status === 'OPEN' || status === 'PAUSED') actions.push(['consultation', '征求意见', consultationForm]);
  const pending = (state.consultations || []).filter((c) => !c.repliedOn);
  if (pending.length) actions.push(['consultation-reply', '收到意见', consultationReplyForm]);
  if (status === 'OPEN' && !state.fee) actions.push(['fee-notice', '收费', feeNoticeForm]);
  if (status === 'AWAITING_PAYMENT') actions.push(['fee-payment', '收到缴费', feePaymentForm]);
  if (open) actions.push(['decision', '答复', decisionForm]);
  if (!open && supervisor && (labels.result[state.result] || labels.legacyResult[state.result])) actions.push(['decision-correction', '更正办理结果', decisionCorrectionForm]);
  if (supervisor) actions.push(['receipt-correction', '更正登记信息', receiptCorrectionForm({ actionForm, field, dateInput, checkDate, post, reqPath })]);
  if (!open) actions.push(['review', '复议/诉讼', reviewForm]);
  if (!open) actions.push(['review-conclusion', '复议/诉讼结果', reviewConclusionForm]);

  const formSlot = h('div', { class: 'action-form-slot', 'data-test': 'action-form' });
  const buttons = actions.map(([key, text, build]) => h('button', {
    type: 'button', class: 'btn', 'data-test': `action-${key}`,
    onclick: (e) => {
      for (const b of buttonBar.querySelectorAll('button')) b.classList.toggle('active', b === e.currentTarget);
      const cancel = () => {
        formSlot.replaceChildren();
        for (const b of buttonBar.querySelectorAll('button')) b.classList.remove('active');
      };
      formSlot.replaceChildren(build(pageEl, state, events, cancel));
      const first = formSlot.querySelector('input:not([type=hidden]), select, textarea');
      if (first) first.focus();
    },
  }, text));
  const buttonBar = h('div', { class: 'action-buttons' }, buttons);
  const initial = open ? buttons.find((b) => b.dataset.test === 'action-decision') : null;
  if (initial) {
    initial.classList.add('active');
    const index = actions.findIndex(([key]) => key === 'decision');
    formSlot.replaceChildren(actions[index][2](pageEl, state, events, () => {
      formSlot.replaceChildren();
      for (const b of buttonBar.querySelectorAll('button')) b.classList.remove('active');
    }));
  }
  return h('section', { class: 'card action-panel', 'data-test': 'actions' },
    h('h2', null, '办理'),
    actions.length ? buttonBar : h('p', { class: 'muted' }, '当前状态下没有可办理的事项。'),
    !supervisor && (status === 'OPEN' || status === 'PAUSED') && !state.extension
      ? h('p', { class: 'small muted', 'data-test': 'extension-hint' }, '延期须经负责人批准，由负责人登记。') : null,
    formSlot);
}

/** The frame of an action form: fields, submit/cancel, the server's refusal; validate() returns problems. */
function actionForm(key, title, fields, { submitText = '提交', validate, send, pageEl, state, events, cancel, intro }) {
  const submit = submitButton(key, submitText);
  const errorSlot = h('div', { class: 'form-error-slot', 'data-test': `${key}-errors` });
  const form = h('form', { class: 'form action', 'data-test': `${key}-form`, novalidate: true },
    h('h3', null, title), intro ? h('p', { class: 'small muted' }, intro) : null,
    fields,
    h('div', { class: 'form-actions' }, submit,
      h('button', { type: 'button', class: 'btn', 'data-test': `${key}-cancel`, onclick: cancel }, '取消')),
    errorSlot);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    errorSlot.replaceChildren();
    const names = [...form.querySelectorAll('[data-field]')].map((f) => f.dataset.field);
    const problems = validate();
    if (!report(form, names, problems)) return;
    perform(pageEl, state, events, send, form, submit, errorSlot);
  });
  return form;
}

const post = (path, body) => api.command('POST', path, body);
const reqPath = (state, suffix) => `/api/requests/${encodeURIComponent(state.requestId)}/${suffix}`;

function correctionRequestForm(pageEl, state, events, cancel) {
  const requestedOn = dateInput('correction-request-requested-on', today(), { max: today() });
  const dueOn = dateInput('correction-request-due-on', '');
  const items = h('textarea', { rows: '3', 'data-test': 'correction-request-items', placeholder: '每行一项' });
  return actionForm('correction-request', '告知补正（第三十条）', [
    field('correction-request-requested-on', '告知补正日期', requestedOn, { required: true, help: '应在收到申请之日起 7 个工作日内一次性告知；告知后答复期限停止计算，自收到补正之日起重新计算。' }),
    field('correction-request-due-on', '申请人补正期限', dueOn, { required: true }),
    field('correction-request-items', '需要补正的事项', items, { required: true, help: '一次性列明需要补正的全部事项，每行一项。' }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      checkDate(p, 'correction-request-requested-on', requestedOn.value, '告知补正日期', { notBefore: state.receivedOn, notBeforeWhat: '收到申请之日' });
      checkDate(p, 'correction-request-due-on', dueOn.value, '补正期限', { future: true, after: requestedOn.value, afterWhat: '告知补正日期' });
      if (!items.value.trim()) p.push({ name: 'correction-request-items', message: '请列明需要补正的事项' });
      return p;
    },
    send: () => post(reqPath(state, 'correction-request'), {
      requestedOn: requestedOn.value, dueOn: dueOn.value,
      items: items.value.split('\n').map((s) => s.trim()).filter(Boolean),
    }),
  });
}

function correctionForm(pageEl, state, events, cancel) {
  const receivedOn = dateInput('correction-received-on', today(), { max: today() });
  const since = state.correction ? state.correction.requestedOn : state.receivedOn;
  return actionForm('correction', '收到补正', [
    field('correction-received-on', '收到补正日期', receivedOn, { required: true, help: `自收到补正之日起重新计算 ${labels.periods.answerWorkingDays} 个工作日的答复期限。` }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      checkDate(p, 'correction-received-on', receivedOn.value, '收到补正日期', { notBefore: since, notBeforeWhat: '告知补正日期' });
      return p;
    },
    send: () => post(reqPath(state, 'correction'), { receivedOn: receivedOn.value }),
  });
}

function extensionForm(pageEl, state, events, cancel) {
  const grantedOn = dateInput('extension-granted-on', today(), { max: today() });
  const workingDays = h('input', { type: 'number', min: '1', max: '20', step: '1', value: '20', inputmode: 'numeric', 'data-test': 'extension-working-days' });
  const approvedBy = h('input', { type: 'text', value: me.username || '', 'data-test': 'extension-approved-by' });
  const reason = h('textarea', { rows: '2', 'data-test': 'extension-reason' });
  return actionForm('extension', '延长答复期限（第三十三条）', [
    field('extension-granted-on', '批准日期', grantedOn, { required: true }),
    field('extension-working-days', '延长工作日数', workingDays, { required: true, help: `最长不超过 ${labels.periods.maxExtensionWorkingDays} 个工作日，每件申请只能延期一次，并应告知申请人。` }),
    field('extension-approved-by', '批准人', approvedBy, { required: true, help: '政府信息公开工作机构负责人。' }),
    field('extension-reason', '延期理由', reason, { required: true }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      checkDate(p, 'extension-granted-on', grantedOn.value, '批准日期', { notBefore: state.receivedOn, notBeforeWhat: '收到申请之日' });
      const n = Number(workingDays.value);
      if (!workingDays.value) p.push({ name: 'extension-working-days', message: '请填写延长的工作日数' });
      else if (!Number.isInteger(n) || n < 1 || n > labels.periods.maxExtensionWorkingDays) {
        p.push({ name: 'extension-working-days', message: `延长期限应为 1 至 ${labels.periods.maxExtensionWorkingDays} 个工作日` });
      }
      if (!approvedBy.value.trim()) p.push({ name: 'extension-approved-by', message: '请填写批准人' });
      if (!reason.value.trim()) p.push({ name: 'extension-reason', message: '请填写延期理由' });
      return p;
    },
    send: () => post(reqPath(state, 'extension'), {
      grantedOn: grantedOn.value, workingDays: Number(workingDays.value), approvedBy: approvedBy.value.trim(), reason: reason.value.trim(),
    }),
  });
}

function consultationForm(pageEl, state, events, cancel) {
  const kind = h('select', { 'data-test': 'consultation-kind' },
    Object.entries(labels.consultationKind).map(([code, text]) => h('option', { value: code }, text)));
  const party = h('input', { type: 'text', 'data-test': 'consultation-party' });
  const sentOn = dateInput('consultation-sent-on', today(), { max: today() });
  return actionForm('consultation', '征求意见（第三十二条、第三十四条）', [
    field('consultation-kind', '征求对象类型', kind, { required: true }),
    field('consultation-party', '征求意见对象', party, { required: true, help: '第三方自收到之日起 15 个工作日内提出意见；征求意见所需时间不计算在答复期限内。' }),
    field('consultation-sent-on', '发出日期', sentOn, { required: true }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      if (!party.value.trim()) p.push({ name: 'consultation-party', message: '请填写征求意见的对象' });
      checkDate(p, 'consultation-sent-on', sentOn.value, '发出日期', { notBefore: state.receivedOn, notBeforeWhat: '收到申请之日' });
      return p;
    },
    send: () => post(reqPath(state, 'consultations'), { party: party.value.trim(), kind: kind.value, sentOn: sentOn.value }),
  });
}

function consultationReplyForm(pageEl, state, events, cancel) {
  const pending = (state.consultations || []).filter((c) => !c.repliedOn);
  const which = h('select', { 'data-test': 'consultation-reply-consultation' },
    pending.map((c) => h('option', { value: c.consultationId }, `${c.party}（${formatDate(c.sentOn)} 发出）`)));
  const repliedOn = dateInput('consultation-reply-replied-on', today(), { max: today() });
  const consents = h('select', { 'data-test': 'consultation-reply-consents' },
    h('option', { value: 'true' }, '同意公开'),
    h('option', { value: 'false' }, '不同意公开'),
    h('option', { value: '' }, '逾期未提出意见 / 不适用'));
  return actionForm('consultation-reply', '收到意见', [
    field('consultation-reply-consultation', '征求意见', which, { required: true }),
    field('consultation-reply-replied-on', '收到意见日期', repliedOn, { required: true, help: '收到意见后答复期限恢复计算。' }),
    field('consultation-reply-consents', '意见', consents),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      const c = pending.find((x) => x.consultationId === which.value);
      if (!which.value) p.push({ name: 'consultation-reply-consultation', message: '请选择征求意见' });
      checkDate(p, 'consultation-reply-replied-on', repliedOn.value, '收到意见日期', { notBefore: c ? c.sentOn : state.receivedOn, notBeforeWhat: '发出日期' });
      return p;
    },
    send: () => post(reqPath(state, `consultations/${encodeURIComponent(which.value)}/reply`), {
      repliedOn: repliedOn.value, consents: consents.value === '' ? null : consents.value === 'true',
    }),
  });
}

function feeNoticeForm(pageEl, state, events, cancel) {
  const basis = h('select', { 'data-test': 'fee-notice-basis' },
    Object.entries(labels.feeBasis).map(([code, text]) => h('option', { value: code }, text)));
  const pages = h('input', { type: 'number', min: '1', step: '1', inputmode: 'numeric', 'data-test': 'fee-notice-pages' });
  const pagesField = field('fee-notice-pages', '页数', pages, { help: '按量计收时填写提供信息的页数。' });
  pagesField.hidden = true;
  const amount = h('input', { type: 'number', min: '0.01', step: '0.01', inputmode: 'decimal', 'data-test': 'fee-notice-amount' });
  const quoteBox = h('div', { class: 'quote', 'data-test': 'fee-quote', 'aria-live': 'polite' });
  const quoteButton = h('button', { type: 'button', class: 'btn btn-small', 'data-test': 'fee-notice-quote' }, '按标准计算');
  const issuedOn = dateInput('fee-notice-issued-on', today(), { max: today() });
  const dueOn = dateInput('fee-notice-due-on', '');
  basis.addEventListener('change', () => {
    pagesField.hidden = basis.value !== 'BY_VOLUME';
    quoteBox.replaceChildren();
  });
  quoteButton.addEventListener('click', async () => {
    quoteBox.replaceChildren();
    const qs = new URLSearchParams({ basis: basis.value });
    if (basis.value === 'BY_VOLUME') {
      const n = Number(pages.value);
      if (!pages.value || !Number.isInteger(n) || n < 1) {
        setFieldError(quoteButton.form, 'fee-notice-pages', '按量计收须填写页数（正整数）');
        return;
      }
      setFieldError(quoteButton.form, 'fee-notice-pages', null);
      qs.set('pages', String(n));
    }
    try {
      busy(quoteButton, true, '计算中…');
      const quote = await api.query(`${reqPath(state, 'fee-quote')}?${qs}`);
      busy(quoteButton, false);
      amount.value = quote.amountYuan;
      quoteBox.replaceChildren(h('div', { class: 'alert alert-info' },
        h('div', null, '按标准应收：', h('strong', { 'data-test': 'fee-quote-amount' }, `${quote.amountYuan} 元`)),
        Array.isArray(quote.explanation)
          ? h('ul', { class: 'plain small' }, quote.explanation.map((l) => h('li', null, l)))
          : quote.explanation ? h('div', { class: 'small' }, quote.explanation) : null,
        quote.source ? h('div', { class: 'small muted' }, `依据：${quote.source}`) : null));
    } catch (err) {
      busy(quoteButton, false);
      showError(quoteBox, err);
    }
  });
  return actionForm('fee-notice', '发出收费通知', [
    field('fee-notice-basis', '计费方式', basis, { required: true, help: '按件计收或按量计收，只能选择其一（国办函〔2020〕109号）。' }),
    pagesField,
    h('div', { class: 'field' }, quoteButton, quoteBox),
    field('fee-notice-amount', '收费金额（元）', amount, { required: true }),
    field('fee-notice-issued-on', '通知日期', issuedOn, { required: true, help: '等待缴费期间答复期限暂停计算。' }),
    field('fee-notice-due-on', '缴费期限', dueOn, { required: true }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      const a = Number(amount.value);
      if (!amount.value) p.push({ name: 'fee-notice-amount', message: '请填写收费金额' });
      else if (!(a > 0) || !/^\d+(\.\d{1,2})?$/.test(amount.value)) p.push({ name: 'fee-notice-amount', message: '收费金额应为大于零的元数，最多两位小数' });
      checkDate(p, 'fee-notice-issued-on', issuedOn.value, '通知日期', { notBefore: state.receivedOn, notBeforeWhat: '收到申请之日' });
      checkDate(p, 'fee-notice-due-on', dueOn.value, '缴费期限', { future: true, after: issuedOn.value, afterWhat: '通知日期' });
      return p;
    },
    send: () => post(reqPath(state, 'fee-notice'), {
      issuedOn: issuedOn.value, amountYuan: Number(amount.value), basis: basis.value, dueOn: dueOn.value,
    }),
  });
}

function feePaymentForm(pageEl, state, events, cancel) {
  const paidOn = dateInput('fee-payment-paid-on', today(), { max: today() });
  return actionForm('fee-payment', '收到缴费', [
    field('fee-payment-paid-on', '缴费日期', paidOn, { required: true, help: '缴费后答复期限恢复计算。' }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      checkDate(p, 'fee-payment-paid-on', paidOn.value, '缴费日期', { notBefore: state.fee ? state.fee.issuedOn : state.receivedOn, notBeforeWhat: '收费通知日期' });
      return p;
    },
    send: () => post(reqPath(state, 'fee-payment'), { paidOn: paidOn.value }),
  });
}

/**
 * a <select> of the result codes, grouped as in table 三; with `legacy`, the results of the 2008 Regulations, which
 * answers dated up to 2018 take
 */
export function resultSelect(testName, selected, legacy = false) {
  const select = h('select', { 'data-test': testName });
  fillResults(select, selected, legacy);
  return select;
}

function fillResults(select, selected, legacy) {
  const option = (code, text) => h('option', { value: code, selected: code === selected, 'data-test': `result-option-${code}` }, text);
  const groups = legacy
    ? [h('optgroup', { label: '2008 年《条例》的办理结果（答复日期在 2018 年及以前）' },
      Object.entries(labels.legacyResult).map(([code, text]) => option(code, text)))]
    : labels.resultGroups.map((group) => h('optgroup', { label: group.printed || group.title },
      group.codes.map((code) => option(code, labels.resultItem[code] || labels.result[code]))));
  select.replaceChildren(h('option', { value: '' }, '请选择办理结果'), ...groups);
}

/** Answers dated up to the last year of the 2008 Regulations (as the service states it) were given under them. */
const under2008Regulations = (isoDate) => /^\d{4}-/.test(isoDate || '')
  && Number(isoDate.slice(0, 4)) <= labels.lastYearUnder2008Regulations;

function decisionForm(pageEl, state, events, cancel) {
  // Nothing chosen for the officer: with a correction or a fee awaited, a preselected "overdue" result and today's
  // date closed the case in one click, before its period had even run out.
  const waiting = state.status === 'AWAITING_CORRECTION' || state.status === 'AWAITING_PAYMENT';
  const result = resultSelect('decision-result', '');
  const decidedOn = dateInput('decision-decided-on', waiting ? '' : today(), { max: today() });
  const note = h('textarea', { rows: '2', 'data-test': 'decision-note' });
  const hint = h('div', { class: 'small muted', 'data-test': 'decision-result-label' });
  let legacy = false;
  const showLabel = () => {
    hint.textContent = !result.value ? ''
      : legacy ? `计入该年度的政府信息公开情况统计表：${labels.legacyResult[result.value]}`
        : `年度报告中计入：${labels.result[result.value]}`;
  };
  // an answer dated up to 2018 takes a result of the 2008 Regulations: the choices follow the date
  const followDate = () => {
    if (under2008Regulations(decidedOn.value) !== legacy) {
      legacy = !legacy;
      fillResults(result, '', legacy);
      showLabel();
    }
  };
  result.addEventListener('change', showLabel);
  decidedOn.addEventListener('change', followDate);
  followDate();
  showLabel();
  return actionForm('decision', '答复（办理结果）', [
    field('decision-result', '办理结果', result, { required: true, help: hint }),
    field('decision-decided-on', '答复日期', decidedOn, { required: true }),
    field('decision-note', '备注', note, { help: '选填。' }),
  ], {
    pageEl, state, events, cancel,
    intro: state.status === 'AWAITING_CORRECTION' ? '申请人逾期未补正的，补正期限届满后按“其他处理：申请人无正当理由逾期不补正”办结。'
      : state.status === 'AWAITING_PAYMENT' ? '申请人逾期未缴费的，缴费期限届满后按“其他处理：申请人逾期未按收费通知要求缴纳费用”办结。' : null,
    validate: () => {
      const p = [];
      if (!result.value) p.push({ name: 'decision-result', message: '请选择办理结果' });
      checkDate(p, 'decision-decided-on', decidedOn.value, '答复日期', { notBefore: state.receivedOn, notBeforeWhat: '收到申请之日' });
      return p;
    },
    send: () => post(reqPath(state, 'decision'), {
      result: result.value, decidedOn: decidedOn.value, ...(note.value.trim() ? { note: note.value.trim() } : {}),
    }),
  });
}

/** A supervisor corrects the recorded answer: both stay in the history; a reason is required. */
function decisionCorrectionForm(pageEl, state, events, cancel) {
  // an answer under the 2008 Regulations is corrected to another of that law's results, dated up to 2018
  const legacy = !labels.result[state.result];
  const result = resultSelect('decision-correction-result', state.result, legacy);
  const decidedOn = dateInput('decision-correction-decided-on', state.decidedOn, { max: legacy ? '2018-12-31' : today() });
  const reason = h('textarea', { rows: '2', 'data-test': 'decision-correction-reason' });
  return actionForm('decision-correction', '更正办理结果', [
    field('decision-correction-result', '正确的办理结果', result, { required: true }),
    field('decision-correction-decided-on', '正确的答复日期', decidedOn, { required: true }),
    field('decision-correction-reason', '更正理由', reason, { required: true, wide: true,
      help: '原记录和更正都保留在办理记录中；年度已关闭的，更正后该年度已发布的报告将显示与日志不一致。' }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      if (!result.value) p.push({ name: 'decision-correction-result', message: '请选择办理结果' });
      checkDate(p, 'decision-correction-decided-on', decidedOn.value, '答复日期', { notBefore: state.receivedOn, notBeforeWhat: '收到申请之日' });
      if (legacy && decidedOn.value > '2018-12-31') p.push({ name: 'decision-correction-decided-on', message: '按 2008 年《条例》作出的答复，答复日期须在 2018 年及以前' });
      if (!reason.value.trim()) p.push({ name: 'decision-correction-reason', message: '请填写更正理由' });
      return p;
    },
    send: () => post(reqPath(state, 'decision-correction'), {
      result: result.value, decidedOn: decidedOn.value, reason: reason.value.trim(),
    }),
  });
}

function reviewForm(pageEl, state, events, cancel) {
  const kind = h('select', { 'data-test': 'review-kind' },
    Object.entries(labels.reviewKind).map(([code, text]) => h('option', { value: code }, text)));
  const after = h('input', { type: 'checkbox', 'data-test': 'review-after-reconsideration' });
  const afterField = h('div', { class: 'field field-check', 'data-field': 'review-after-reconsideration', hidden: true },
    h('label', null, after, ' 经行政复议后提起诉讼'));
  kind.addEventListener('change', () => {
    afterField.hidden = kind.value !== 'LITIGATION';
    if (afterField.hidden) after.checked = false;
  });
  const filedOn = dateInput('review-filed-on', today(), { max: today() });
  let reviewId = null;
  return actionForm('review', '登记行政复议或行政诉讼', [
    field('review-kind', '类型', kind, { required: true }),
    afterField,
    field('review-filed-on', '提起日期', filedOn, { required: true }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      checkDate(p, 'review-filed-on', filedOn.value, '提起日期', { notBefore: state.decidedOn, notBeforeWhat: '答复日期' });
      return p;
    },
    send: async () => {
      const created = await post(reqPath(state, 'reviews'), {
        kind: kind.value, filedOn: filedOn.value, afterReconsideration: kind.value === 'LITIGATION' && after.checked,
      });
      reviewId = created && created.reviewId;
      if (reviewId) {
        rememberReview(state.requestId, {
          reviewId, kind: kind.value, afterReconsideration: kind.value === 'LITIGATION' && after.checked, filedOn: filedOn.value,
        });
      }
    },
  });
}

function reviewLabel(r) {
  const kind = r.block ? labels.reviewBlock[r.block] : r.kind === 'LITIGATION'
    ? (r.afterReconsideration ? labels.reviewBlock.LITIGATION_AFTER_RECONSIDERATION : labels.reviewBlock.LITIGATION_DIRECT)
    : labels.reviewBlock.RECONSIDERATION;
  return `${kind}（${formatDate(r.filedOn)} 提起）`;
}

function reviewConclusionForm(pageEl, state, events, cancel) {
  const known = knownReviews(state.requestId, state).filter((r) => !r.result);
  const which = h('select', { 'data-test': 'review-conclusion-review' },
    known.map((r) => h('option', { value: r.reviewId }, reviewLabel(r))),
    h('option', { value: '__other' }, '其他（填写复议或诉讼编号）'));
  const otherId = h('input', { type: 'text', class: 'mono', 'data-test': 'review-conclusion-review-id', placeholder: '登记复议或诉讼时返回的编号' });
  const otherField = field('review-conclusion-review-id', '复议或诉讼编号', otherId, { required: true });
  otherField.hidden = known.length > 0;
  which.addEventListener('change', () => { otherField.hidden = which.value !== '__other'; });
  const result = h('select', { 'data-test': 'review-conclusion-result' },
    ['UPHELD', 'CORRECTED', 'OTHER'].map((code) => h('option', { value: code }, labels.reviewResult[code])));
  const concludedOn = dateInput('review-conclusion-concluded-on', today(), { max: today() });
  const chosen = () => (which.value === '__other' || !which.value ? otherId.value.trim() : which.value);
  return actionForm('review-conclusion', '登记复议或诉讼结果', [
    field('review-conclusion-review', '复议或诉讼', which, { required: true }),
    otherField,
    field('review-conclusion-result', '结果', result, { required: true, help: '计入年度报告表四：结果维持、结果纠正或其他结果。' }),
    field('review-conclusion-concluded-on', '审结日期', concludedOn, { required: true }),
  ], {
    pageEl, state, events, cancel,
    validate: () => {
      const p = [];
      if (!chosen()) p.push({ name: 'review-conclusion-review-id', message: '请填写复议或诉讼编号' });
      const r = known.find((x) => x.reviewId === chosen());
      checkDate(p, 'review-conclusion-concluded-on', concludedOn.value, '审结日期',
        r ? { notBefore: r.filedOn, notBeforeWhat: '提起日期' } : { notBefore: state.decidedOn, notBeforeWhat: '答复日期' });
      return p;
    },
    send: async () => {
      const id = chosen();
      await post(`/api/reviews/${encodeURIComponent(id)}/conclusion`, { result: result.value, concludedOn: concludedOn.value });
      markReviewConcluded(state.requestId, id, result.value, concludedOn.value);
    },
  });
}
