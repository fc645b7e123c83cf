// The actions of a request's page (补正, 延期, 征求意见, 收费, 答复, corrections, 复议/诉讼): a form each, sent to the
// command service, then the page drawn again once the query side has the new event.
import {
  api, ApiError, me, h, showError, labels, today, formatDate,
} from '/js/core.js';
import { receiptCorrectionForm } from '/js/receipt-correction.js';
import {
  sleep, field, setFieldError, report, dateInput, checkDate, submitButton, busy,
} from '/js/forms.js';

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
    flash = { kind: 'success', text: `已保存，新的办理期限：${formatDate(updated.dueOn)}${updated.dueDateProvisional ? '（暂定）' : ''}` };
  } else if (updated.status === 'DECIDED') {
    flash = { kind: 'success', text: `已保存，办理期限：${formatDate(updated.dueOn)}（已于 ${formatDate(updated.decidedOn)} 答复）` };
  } else {
    flash = { kind: 'success', text: `已保存，新的办理期限：暂停计算（${updated.pausedBecause || labels.status[updated.status] || ''}）` };
  }
  await renderRequest(pageEl, id, flash);
}

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

/** Draws the request's page again after an action (request-page.js's renderRequest, given with the panel). */
let renderRequest = null;

export function actionPanel(pageEl, state, events, render) {
  renderRequest = render;
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

