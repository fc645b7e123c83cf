// What the officer's pages share: links to requests, tables, form fields with their errors, date checks, busy
// buttons, state badges, page headers, and the message a page leaves for the request page it leads to.
import { h, labels, today, formatDate } from '/js/core.js';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A message to show at the top of the next rendered request page (set by a page that leads to it). */
let pendingFlash = null;

export function flashNextRequestPage(message) {
  pendingFlash = message;
}

export function takeRequestPageFlash() {
  const message = pendingFlash;
  pendingFlash = null;
  return message;
}

export function noAgency(el) {
  el.append(h('div', { class: 'alert alert-info', 'data-test': 'no-agency' }, '没有可访问的机关。请联系系统管理员分配机关权限。'));
}

export function shortId(id) {
  return id ? id.substring(0, 8) : '';
}

/** The request's case number (文号) as a link; the first characters of its id for one registered before numbering. */
export function caseNumberLink(r, testName) {
  return requestLink(r.requestId, r.caseNumber || shortId(r.requestId), testName);
}

export function requestLink(id, text, testName) {
  return h('a', { href: `#/requests/${encodeURIComponent(id)}`, 'data-test': testName || 'request-link', 'data-request-id': id }, text);
}

export function tableWrap(table) {
  return h('div', { class: 'table-wrap' }, table);
}

/** A labelled form field with help text and a place for its validation message. */
export function field(name, label, input, { help, required, wide } = {}) {
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
export function setFieldError(form, name, message) {
  const error = form.querySelector(`[data-test="${name}-error"]`);
  const input = form.querySelector(`#f-${name}`);
  if (error) error.textContent = message || '';
  if (input) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** Runs the checks [{name, message}] of a form: shows each message next to its field; true when none. */
export function report(form, names, problems) {
  for (const name of names) setFieldError(form, name, null);
  for (const p of problems) setFieldError(form, p.name, p.message);
  if (problems.length) {
    const first = form.querySelector(`#f-${problems[0].name}`);
    if (first) first.focus();
  }
  return problems.length === 0;
}

export function dateInput(name, value, { max, min } = {}) {
  return h('input', { type: 'date', name, value: value || '', max: max || null, min: min || null, 'data-test': name });
}

export const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The checks a business date obeys: present, a date, not in the future (unless allowed), not before `notBefore`. */
export function checkDate(problems, name, value, what, { future = false, notBefore, notBeforeWhat, after, afterWhat } = {}) {
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

export function submitButton(name, text) {
  return h('button', { type: 'submit', class: 'btn btn-primary', 'data-test': `${name}-submit` }, text);
}

export function busy(button, on, text) {
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

export function statusBadge(status) {
  return h('span', { class: `badge badge-${(status || '').toLowerCase().replace(/_/g, '-')}`, 'data-test': 'status-badge', 'data-status': status },
    labels.status[status] || status || '—');
}

/** Urgency of a running deadline: {cls, text} */
export function urgency(workingDaysLeft) {
  if (workingDaysLeft === null || workingDaysLeft === undefined) return null;
  if (workingDaysLeft < 0) return { cls: 'overdue', text: `已超期 ${-workingDaysLeft} 个工作日` };
  if (workingDaysLeft === 0) return { cls: 'due-soon', text: '今日到期' };
  if (workingDaysLeft <= 3) return { cls: 'due-soon', text: `剩余 ${workingDaysLeft} 个工作日` };
  return { cls: 'on-track', text: `剩余 ${workingDaysLeft} 个工作日` };
}

export function pageHeader(title, ...extra) {
  return h('div', { class: 'page-header' }, h('h1', null, title), ...extra);
}
