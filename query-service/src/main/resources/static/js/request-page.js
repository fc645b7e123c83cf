// A request's page: its facts, due date and how it was counted, letters, attachments, history, and the actions
// (request-actions.js) its state allows.
import {
  api, me, route, go, h, showError, labels, link, formatDate, formatInstant, agencyName, renderToken, resultLabel,
} from '/js/core.js';
import { lettersSection, letterLink } from '/js/letters.js';
import { actionPanel } from '/js/request-actions.js';
import {
  sleep, takeRequestPageFlash, flashNextRequestPage, shortId, requestLink, tableWrap, busy, statusBadge, urgency,
  pageHeader,
} from '/js/forms.js';

// ---------------------------------------------------------------------------------------------
// #/requests/:id
// ---------------------------------------------------------------------------------------------

route('/requests/:id', async (el, params) => {
  const flash = takeRequestPageFlash();
  await renderRequest(el, params.id, flash);
});

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
  const actions = me.actsFor(state.agencyId) ? actionPanel(el, state, events, renderRequest) : null;
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
      flashNextRequestPage({ kind: 'success', text: `已分派给 ${select.selectedOptions[0].textContent}` });
      go(`/requests/${encodeURIComponent(state.requestId)}`);
    } catch (err) {
      showError(form, err, 'assign-error');
    }
  });
  return h('div', null, shown, ' ', open, form);
}
