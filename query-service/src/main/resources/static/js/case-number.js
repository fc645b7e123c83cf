// An agency's case-number pattern (编号格式): shown where requests are registered and on the administration page,
// changed by a supervisor of the agency or an administrator. The command service checks the pattern and answers an
// example written with it: the page never writes numbers itself.
import { api, h, showError } from '/js/core.js';

const HELP = '{year} 为收到申请的年度，{seq} 为本机关当年的顺序号（{seq:3} 写作 007）；已发出的编号不变。'
  + '导入往年未办结申请前，如该年度曾另行编号，请先改用可区分的格式（如“补录〔{year}〕{seq}号”）。';

/** The pattern and, when {@code canEdit}, a form to change it; {@code onSaved} is told the new pattern. */
export function caseNumberPattern(agencyId, pattern, canEdit, onSaved) {
  const shown = h('code', { 'data-test': 'case-number-pattern' }, pattern);
  const example = h('span', { class: 'muted small', 'data-test': 'case-number-example' });
  const input = h('input', { name: 'pattern', value: pattern, maxlength: '60', 'data-test': 'case-number-pattern-input',
    'aria-label': '编号格式' });
  const form = h('form', { class: 'filters', novalidate: true, hidden: true, 'data-test': 'case-number-pattern-form' },
    h('label', {}, '编号格式', input),
    h('button', { type: 'submit', class: 'primary', 'data-test': 'case-number-pattern-save' }, '保存'),
    h('p', { class: 'muted small' }, HELP));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    form.querySelectorAll('.alert').forEach((a) => a.remove());
    try {
      const saved = await api.command('PUT', `/api/agencies/${encodeURIComponent(agencyId)}/case-number-pattern`,
        { pattern: input.value });
      shown.textContent = saved.pattern;
      example.textContent = `（例：${saved.example}）`;
      form.hidden = true;
      if (onSaved) onSaved(saved.pattern);
    } catch (err) {
      showError(form, err, 'case-number-pattern-error');
    }
  });
  const edit = canEdit
    ? h('button', { type: 'button', class: 'link', 'data-test': 'case-number-pattern-edit',
      onclick: () => { form.hidden = !form.hidden; if (!form.hidden) input.focus(); } }, '修改')
    : null;
  return h('div', { class: 'case-number-pattern', 'data-test': 'case-number-pattern-box' },
    h('span', {}, '申请编号格式：'), shown, ' ', example, ' ', edit, form);
}
