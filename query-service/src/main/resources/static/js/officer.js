// The officer's pages: the worklist, search and registering a request (the request page is request-page.js).
import {
  api, ApiError, me, route, go, h, showError, labels, link, today, formatDate, currentAgency, agencyName,
  renderToken, resultLabel,
} from '/js/core.js';
import { caseNumberPattern } from '/js/case-number.js';
import {
  sleep, ISO, flashNextRequestPage, noAgency, caseNumberLink, requestLink, tableWrap, field, report, dateInput,
  checkDate, submitButton, busy, statusBadge, urgency, pageHeader,
} from '/js/forms.js';

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
      flashNextRequestPage(state
        ? { kind: 'success', text: `已登记${state.caseNumber ? `，编号 ${state.caseNumber}` : ''}，办理期限：${formatDate(state.dueOn)}${state.dueDateProvisional ? '（暂定）' : ''}` }
        : { kind: 'info', text: '已登记；查询端尚未更新，请稍后刷新本页。' });
      go(`/requests/${encodeURIComponent(id)}`);
    } catch (err) {
      busy(submit, false);
      showError(errorSlot, err);
    }
  });
});

