// The administrator's page (agencies and users) and the entry of table 二 by an agency's officers.
import {api, h, showError, flash, route, go, state, me, acts, agencyName, refreshAgencies, renderTopbar, until} from './core.js';
import {caseNumberPattern} from './case-number.js';

const ROLES = {OFFICER: '办理人员', SUPERVISOR: '负责人（可批准延期、关闭年度）', AUDITOR: '审计人员（只读）', ADMIN: '系统管理员'};

function grantsEditor(selected, test) {
  const all = h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'all', checked: selected.includes('*'), 'data-test': test + '-all'}),
    '全部机构（仅审计人员、系统管理员）');
  return h('fieldset', {class: 'checks'}, h('legend', {}, '授权机构'), all,
    state.agencies.map(a => h('label', {class: 'check'}, h('input', {type: 'checkbox', name: 'agency', value: a.agencyId,
      checked: selected.includes(a.agencyId), 'data-test': `${test}-agency-${a.agencyId}`}), a.name)));
}

function rolesEditor(selected, test) {
  return h('fieldset', {class: 'checks'}, h('legend', {}, '角色'),
    Object.entries(ROLES).map(([code, label]) => h('label', {class: 'check'},
      h('input', {type: 'checkbox', name: 'role', value: code, checked: selected.includes(code), 'data-test': `${test}-role-${code}`}), label)));
}

function read(form) {
  const roles = [...form.querySelectorAll('input[name=role]:checked')].map(i => i.value);
  const agencies = form.querySelector('input[name=all]').checked ? ['*']
    : [...form.querySelectorAll('input[name=agency]:checked')].map(i => i.value);
  return {roles, agencies};
}

route('/admin', async el => {
  if (!me.has('ADMIN')) {
    el.append(h('div', {class: 'alert'}, '仅系统管理员可用。'));
    return;
  }
  el.append(h('div', {class: 'page-head', 'data-test': 'admin-page'}, h('h1', {}, '系统管理')));

  // agencies
  const agencyForm = h('form', {class: 'filters', novalidate: true, 'data-test': 'agency-form'},
    h('label', {}, '机构代码', h('input', {name: 'agencyId', placeholder: '如 xixia-office', 'data-test': 'agency-id'})),
    h('label', {}, '机构名称', h('input', {name: 'name', placeholder: '如 西夏区人民政府办公室', 'data-test': 'agency-name'})),
    h('button', {type: 'submit', class: 'primary', 'data-test': 'agency-submit'}, '登记机构'));
  agencyForm.addEventListener('submit', async e => {
    e.preventDefault();
    agencyForm.parentElement.querySelectorAll('.alert').forEach(a => a.remove());
    const agencyId = agencyForm.agencyId.value.trim();
    const name = agencyForm.name.value.trim();
    if (!/^[a-z0-9-]{2,64}$/.test(agencyId)) {
      showError(agencyForm.parentElement, new Error('机构代码须为 2–64 位小写字母、数字或连字符'), 'agency-error');
      return;
    }
    if (!name) {
      showError(agencyForm.parentElement, new Error('请填写机构名称'), 'agency-error');
      return;
    }
    try {
      await api.command('POST', '/api/agencies', {agencyId, name});
      await until(async () => (await api.query('/api/agencies')).some(a => a.agencyId === agencyId));
      await refreshAgencies();
      renderTopbar();
      go('/admin?saved=' + Date.now());
    } catch (err) {
      showError(agencyForm.parentElement, err, 'agency-error');
    }
  });
  el.append(h('section', {class: 'card'}, h('h2', {}, '机构'),
    h('table', {class: 'list', 'data-test': 'agency-list'}, h('thead', {}, h('tr', {}, h('th', {}, '代码'), h('th', {}, '名称'), h('th', {}, '已关闭年度'), h('th', {}, '申请编号格式'))),
      h('tbody', {}, state.agencies.map(a => h('tr', {'data-test': 'agency-row-' + a.agencyId}, h('td', {class: 'mono'}, a.agencyId), h('td', {}, a.name),
        h('td', {}, Object.keys(a.closedYears || {}).join('、') || '—'),
        h('td', {}, caseNumberPattern(a.agencyId, a.caseNumberPattern, true, () => refreshAgencies())))))),
    agencyForm));

  // users
  const users = await api.command('GET', '/api/users');
  const userForm = h('form', {class: 'card form', novalidate: true, 'data-test': 'user-form'}, h('h2', {}, '新建用户'),
    h('label', {}, '用户名', h('input', {name: 'username', placeholder: '小写字母、数字或 . _ -', 'data-test': 'user-username'})),
    h('label', {}, '显示名称（办理记录中代替用户名显示，可空）', h('input', {name: 'displayName', maxlength: 40, 'data-test': 'user-display-name'})),
    h('label', {}, '初始密码（至少 10 位，混用字母、数字或符号中的两类，不含用户名）',
      h('input', {name: 'password', type: 'password', autocomplete: 'new-password', 'data-test': 'user-password'})),
    rolesEditor(['OFFICER'], 'user'), grantsEditor([], 'user'), // grants are chosen, never pre-set
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', 'data-test': 'user-submit'}, '创建用户')));
  userForm.addEventListener('submit', async e => {
    e.preventDefault();
    userForm.querySelectorAll('.alert').forEach(a => a.remove());
    const {roles, agencies} = read(userForm);
    try {
      await api.command('POST', '/api/users', {username: userForm.username.value.trim(), password: userForm.password.value, roles, agencies,
        displayName: userForm.displayName.value.trim() || null});
      go('/admin?saved=' + Date.now());
    } catch (err) {
      showError(userForm, err, 'user-error');
    }
  });
  el.append(h('section', {class: 'card'}, h('h2', {}, '用户'),
    h('div', {class: 'scroll'}, h('table', {class: 'list', 'data-test': 'user-list'},
      h('thead', {}, h('tr', {}, ['用户名', '显示名称', '角色', '授权机构', '状态', ''].map(t => h('th', {}, t)))),
      h('tbody', {}, users.map(u => userRow(u)))))), userForm);
});

const USER_EVENT_TIME = at => new Date(at).toLocaleString('zh-CN', {hour12: false});

function userRow(user) {
  const editor = h('form', {class: 'form', novalidate: true, hidden: true, 'data-test': 'user-edit-' + user.username},
    h('label', {}, '显示名称', h('input', {name: 'displayName', maxlength: 40, value: user.displayName || ''})),
    rolesEditor(user.roles, 'edit-' + user.username), grantsEditor(user.agencies, 'edit-' + user.username),
    h('label', {}, '新密码（不改则留空）', h('input', {name: 'password', type: 'password', autocomplete: 'new-password'})),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, '保存')));
  editor.addEventListener('submit', async e => {
    e.preventDefault();
    editor.querySelectorAll('.alert').forEach(a => a.remove());
    const body = read(editor);
    body.displayName = editor.displayName.value.trim();
    if (editor.password.value) body.password = editor.password.value;
    try {
      await api.command('PUT', '/api/users/' + encodeURIComponent(user.username), body);
      go('/admin?saved=' + Date.now());
    } catch (err) {
      showError(editor, err, 'user-edit-error');
    }
  });
  const path = '/api/users/' + encodeURIComponent(user.username);
  const act = (text, test, action) => h('button', {type: 'button', class: 'link', 'data-test': `${test}-${user.username}`, onclick: async () => {
    try {
      await api.command('POST', path + '/' + action);
      go('/admin?saved=' + Date.now());
    } catch (err) {
      showError(history, err, 'user-action-error');
    }
  }}, text);
  // who did what to the account, and when: read from the event log
  const history = h('div', {hidden: true, 'data-test': 'user-history-' + user.username});
  const showHistory = async () => {
    history.hidden = !history.hidden;
    if (history.hidden) return;
    history.replaceChildren(h('p', {class: 'muted'}, '正在载入…'));
    try {
      const answer = await api.command('GET', path + '/history');
      history.replaceChildren(h('table', {class: 'list'},
        h('thead', {}, h('tr', {}, ['时间', '事项', '操作人', '内容'].map(t => h('th', {}, t)))),
        h('tbody', {}, answer.events.map(e => h('tr', {'data-test': 'user-history-entry'},
          h('td', {class: 'nowrap'}, USER_EVENT_TIME(e.at)), h('td', {}, e.label), h('td', {}, e.byName || e.by || '系统'),
          h('td', {}, [e.displayName ? `显示名称：${e.displayName}` : null,
            e.roles ? `角色：${e.roles.map(r => ROLES[r] ? ROLES[r].replace(/（.*）/, '') : r).join('、')}` : null,
            e.agencies ? `授权：${e.agencies.map(a => a === '*' ? '全部机构' : agencyName(a)).join('、')}` : null,
            e.lockedUntil ? `锁定至 ${USER_EVENT_TIME(e.lockedUntil)}` : null].filter(Boolean).join('；')))))),
        h('p', {class: 'muted'}, '记录中不含任何密码信息。'));
    } catch (err) {
      showError(history, err, 'user-history-error');
    }
  };
  return h('tr', {'data-test': 'user-row-' + user.username},
    h('td', {class: 'mono'}, user.username),
    h('td', {}, user.displayName || '—'),
    h('td', {}, user.roles.map(r => ROLES[r] ? ROLES[r].replace(/（.*）/, '') : r).join('、')),
    h('td', {}, user.agencies.map(a => a === '*' ? '全部机构' : agencyName(a)).join('、')),
    h('td', {}, user.disabled ? '已停用' : user.lockedUntil ? `已锁定至 ${USER_EVENT_TIME(user.lockedUntil)}` : '正常'),
    h('td', {},
      h('div', {class: 'row-actions'},
        h('button', {type: 'button', class: 'link', onclick: () => { editor.hidden = !editor.hidden; }}, '修改'),
        user.username === 'admin' ? null : user.disabled ? act('启用', 'user-enable', 'enable') : act('停用', 'user-disable', 'disable'),
        user.lockedUntil ? act('解除锁定', 'user-unlock', 'unlock') : null,
        h('button', {type: 'button', class: 'link', 'data-test': 'user-history-toggle-' + user.username, onclick: showHistory}, '操作记录')),
      editor, history));
}

// Every user changes their own password here (the link on their name at the top).
route('/account', async el => {
  const form = h('form', {class: 'card form', novalidate: true, 'data-test': 'account-form'}, h('h2', {}, '修改密码'),
    h('label', {}, '当前密码', h('input', {name: 'currentPassword', type: 'password', autocomplete: 'current-password', 'data-test': 'account-current'})),
    h('label', {}, '新密码（至少 10 位，混用字母、数字或符号中的两类，不含用户名）',
      h('input', {name: 'newPassword', type: 'password', autocomplete: 'new-password', 'data-test': 'account-new'})),
    h('label', {}, '再次输入新密码', h('input', {name: 'repeat', type: 'password', autocomplete: 'new-password', 'data-test': 'account-repeat'})),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', 'data-test': 'account-submit'}, '修改密码')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    form.querySelectorAll('.alert').forEach(a => a.remove());
    if (form.newPassword.value !== form.repeat.value) {
      form.append(h('div', {class: 'alert error', role: 'alert', 'data-test': 'account-error'}, '两次输入的新密码不一致，密码未更改'));
      return;
    }
    try {
      await api.command('PUT', '/api/account/password', {currentPassword: form.currentPassword.value, newPassword: form.newPassword.value});
      form.reset();
      form.append(h('div', {class: 'alert ok', role: 'status', 'data-test': 'account-saved'}, '密码已修改；下次登录请使用新密码。'));
    } catch (err) {
      showError(form, err, 'account-error');
    }
  });
  el.append(h('div', {class: 'page-head'}, h('h1', {}, '我的账户'), h('span', {class: 'muted'}, me.username)), form);
});

// ---------------------------------------------------------------- table 二

const PROACTIVE = [
  ['第二十条第（一）项', [['RULES', '规章'], ['NORMATIVE_DOCUMENTS', '行政规范性文件']], [['MADE', '本年制发件数'], ['REPEALED', '本年废止件数'], ['IN_FORCE', '现行有效件数']]],
  ['第二十条第（五）项', [['LICENSING', '行政许可']], [['DECISIONS', '本年处理决定数量']]],
  ['第二十条第（六）项', [['PENALTIES', '行政处罚'], ['COERCIVE_MEASURES', '行政强制']], [['DECISIONS', '本年处理决定数量']]],
  ['第二十条第（八）项', [['ADMINISTRATIVE_FEES', '行政事业性收费']], [['AMOUNT_10K_YUAN', '本年收费金额（单位：万元）']]],
];

route('/proactive/:agency/:year', async (el, params) => {
  const agency = params.agency;
  const year = Number(params.year);
  const table = await api.query(`/api/agencies/${encodeURIComponent(agency)}/annual-tables/${year}`);
  const editable = acts(agency);
  const form = h('form', {class: 'card', novalidate: true, 'data-test': 'proactive-form'});
  for (const [article, rows, columns] of PROACTIVE) {
    form.append(h('h3', {}, article), h('div', {class: 'scroll'}, h('table', {class: 'grid'},
      h('thead', {}, h('tr', {}, h('th', {}, '信息内容'), columns.map(([, label]) => h('th', {}, label)))),
      h('tbody', {}, rows.map(([row, label]) => h('tr', {}, h('th', {class: 'label'}, label),
        columns.map(([column]) => h('td', {}, h('input', {type: 'number', min: 0, step: column === 'AMOUNT_10K_YUAN' ? '0.0001' : '1',
          name: `${row}.${column}`, value: table.proactive && table.proactive[row] ? table.proactive[row][column] : 0,
          disabled: !editable, 'data-test': `proactive-${row}-${column}`})))))))));
  }
  if (editable) {
    form.append(h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', 'data-test': 'proactive-submit'}, '保存表二')));
  }
  form.addEventListener('submit', async e => {
    e.preventDefault();
    form.querySelectorAll('.alert').forEach(a => a.remove());
    const body = {};
    for (const inputEl of form.querySelectorAll('input')) {
      const [row, column] = inputEl.name.split('.');
      body[row] = body[row] || {};
      body[row][column] = column === 'AMOUNT_10K_YUAN' ? Number(inputEl.value || 0) : Math.trunc(Number(inputEl.value || 0));
      if (Number(inputEl.value) < 0 || (column !== 'AMOUNT_10K_YUAN' && !Number.isInteger(Number(inputEl.value || 0)))) {
        showError(form, new Error('表二各项须为非负整数（收费金额可有小数）'), 'proactive-error');
        return;
      }
    }
    try {
      await api.command('PUT', `/api/agencies/${encodeURIComponent(agency)}/years/${year}/proactive-disclosure`, body);
      await until(async () => {
        const now = await api.query(`/api/agencies/${encodeURIComponent(agency)}/annual-tables/${year}`);
        return Object.entries(body).every(([row, columns]) => Object.entries(columns).every(([c, v]) => Number(now.proactive[row][c]) === v));
      });
      flash(form, '表二已保存。', 'proactive-saved');
    } catch (err) {
      showError(form, err, 'proactive-error');
    }
  });
  el.append(h('div', {class: 'page-head'}, h('h1', {}, `表二 主动公开政府信息情况 · ${year} 年`), h('span', {class: 'muted'}, agencyName(agency)),
    h('a', {class: 'button', href: `#/report/${encodeURIComponent(agency)}/${year}`}, '返回统计表')), form);
});
