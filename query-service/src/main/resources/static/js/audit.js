// The auditor's pages: tables as of a past moment and the difference between two, the rebuild of every
// projection from the event log, and a published table compared cell by cell with the log.
import {api, h, showError, flash, route, go, state, me, agencyName, currentYear} from './core.js';
import {gridTable, toInstant} from './report.js';

const localNow = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().substring(0, 16);

function agencyYearControls(agency, year) {
  const years = [];
  for (let y = currentYear(); y >= currentYear() - 8; y--) years.push(y);
  return [
    h('label', {}, '机构', h('select', {name: 'agency', 'data-test': 'audit-agency'},
      state.agencies.map(a => h('option', {value: a.agencyId, selected: a.agencyId === agency}, a.name)))),
    h('label', {}, '年度', h('select', {name: 'year', 'data-test': 'audit-year'}, years.map(y => h('option', {value: y, selected: y === year}, y + ' 年')))),
  ];
}

route('/audit', async (el, params, query) => {
  const agency = query.agency || state.agency;
  const year = Number(query.year || currentYear() - 1);
  el.append(h('div', {class: 'page-head', 'data-test': 'audit-page'}, h('h1', {}, '审计：统计表的来历'),
    h('span', {class: 'muted'}, '每个数字都可追溯到计入它的申请及其事件')));

  const asOfForm = h('form', {class: 'card filters', 'data-test': 'audit-as-of-form'}, h('h2', {}, '某一时刻的统计表'),
    agencyYearControls(agency, year),
    h('label', {}, '截至', h('input', {type: 'datetime-local', name: 'asOf', value: localNow(), 'data-test': 'audit-as-of'})),
    h('button', {type: 'submit', class: 'primary', 'data-test': 'audit-as-of-submit'}, '查看当时的统计表'));
  asOfForm.addEventListener('submit', e => {
    e.preventDefault();
    go(`/report/${encodeURIComponent(asOfForm.agency.value)}/${asOfForm.year.value}?asOf=${encodeURIComponent(toInstant(asOfForm.asOf.value))}`);
  });

  const result = h('div', {'data-test': 'diff-result'});
  const yearStart = `${year + 1}-01-01T00:00`;
  const diffForm = h('form', {class: 'card filters', 'data-test': 'diff-form'}, h('h2', {}, '两个时刻之间的变化'),
    agencyYearControls(agency, year),
    // to the millisecond: two events recorded within the same minute are told apart
    h('label', {}, '自', h('input', {type: 'datetime-local', step: '0.001', name: 'from', value: query.from || yearStart, 'data-test': 'diff-from'})),
    h('label', {}, '至', h('input', {type: 'datetime-local', step: '0.001', name: 'to', value: query.to || localNow(), 'data-test': 'diff-to'})),
    h('button', {type: 'submit', class: 'primary', 'data-test': 'diff-submit'}, '比较'));
  diffForm.addEventListener('submit', async e => {
    e.preventDefault();
    result.replaceChildren();
    const a = diffForm.agency.value;
    const y = diffForm.year.value;
    try {
      const diff = await api.query(`/api/agencies/${encodeURIComponent(a)}/annual-tables/${y}/diff?from=${encodeURIComponent(toInstant(diffForm.from.value))}`
                                   + `&to=${encodeURIComponent(toInstant(diffForm.to.value))}`);
      const to = toInstant(diffForm.to.value);
      result.append(diff.changes.length === 0
        ? h('div', {class: 'alert ok', 'data-test': 'diff-none'}, '这段时间内该年度统计表没有任何变化。')
        : h('div', {class: 'scroll'}, h('table', {class: 'list', 'data-test': 'diff-changes'},
            h('thead', {}, h('tr', {}, ['单元格', '原数', '现数', ''].map(t => h('th', {}, t)))),
            h('tbody', {}, diff.changes.map(c => h('tr', {},
              h('td', {}, c.label || c.cell), h('td', {class: 'num'}, String(c.from)), h('td', {class: 'num'}, String(c.to)),
              h('td', {}, /^[A-Z_]+\/(NATURAL_PERSON|COMMERCIAL_ENTERPRISE|RESEARCH_INSTITUTION|SOCIAL_WELFARE_ORGANIZATION|LEGAL_SERVICE_INSTITUTION|OTHER_ORGANIZATION|TOTAL)$/.test(c.cell)
                ? h('a', {href: `#/cells/${encodeURIComponent(a)}/${y}/${c.cell}?asOf=${encodeURIComponent(to)}`}, '查看申请') : '')))))));
      // the requests behind the changes, each with the rows it counted in before and after
      if ((diff.requests || []).length > 0) {
        const rows = labels => labels.length === 0 ? '（未计入）' : labels.join('；');
        result.append(h('h3', {}, `变化涉及的申请（${diff.requests.length} 件）`),
          h('div', {class: 'scroll'}, h('table', {class: 'list', 'data-test': 'diff-requests'},
            h('thead', {}, h('tr', {}, ['申请', '申请人类型', '原计入', '现计入'].map(t => h('th', {}, t)))),
            h('tbody', {}, diff.requests.map(r => h('tr', {'data-test': 'diff-request'},
              h('td', {}, h('a', {href: `#/requests/${encodeURIComponent(r.requestId)}`}, r.requestId)),
              h('td', {}, r.columnLabel), h('td', {}, rows(r.fromLabels)), h('td', {}, rows(r.toLabels))))))));
      }
    } catch (err) {
      showError(result, err, 'diff-error');
    }
  });
  el.append(asOfForm, diffForm, result);
  if (query.from) diffForm.requestSubmit();
});

route('/rebuild', async el => {
  el.append(h('div', {class: 'page-head'}, h('h1', {}, '从事件日志重建全部投影')));
  if (!me.has('ADMIN') && !me.has('AUDITOR')) {
    el.append(h('div', {class: 'alert'}, '仅系统管理员可以重建。'));
    return;
  }
  const bar = h('progress', {max: 100, value: 0, 'data-test': 'rebuild-progress'});
  const figures = h('div', {class: 'muted', 'data-test': 'rebuild-figures'});
  const report = h('div', {'data-test': 'rebuild-report'});
  const button = h('button', {class: 'primary', 'data-test': 'rebuild-start', disabled: !me.has('ADMIN')}, '开始重建');
  el.append(h('section', {class: 'card'},
    h('p', {}, '丢弃查询端的全部投影（统计表、申请状态、待办），从事件日志的第一条事件起重新计算；完成后核对重建后的统计表与重建前是否一致。重建期间查询暂不可用。'),
    button, h('div', {class: 'progress'}, bar, figures), report));
  const render = status => {
    const percent = status.total ? Math.floor(100 * status.done / status.total) : 0;
    bar.value = status.running ? percent : status.finishedAt ? 100 : 0;
    const left = status.running && status.recordsPerSecond ? Math.ceil((status.total - status.done) / status.recordsPerSecond) : null;
    figures.textContent = status.startedAt
      ? `${status.done.toLocaleString()} / ${status.total.toLocaleString()} 条事件（${percent}%），${status.recordsPerSecond.toLocaleString()} 条/秒` + (left !== null ? `，约剩 ${left} 秒` : '')
      : status.running ? '正在准备重建…' : '尚未重建过。';
    report.replaceChildren();
    if (!status.running && status.finishedAt) {
      report.append(h('div', {class: status.tablesEqualBefore ? 'alert ok' : 'alert error', 'data-test': 'rebuild-equal', 'data-finished-at': status.finishedAt},
        `重建于 ${new Date(status.finishedAt).toLocaleString('zh-CN', {hour12: false})} 完成：` +
        (status.tablesEqualBefore ? '重建后的全部统计表与重建前逐格一致。' : '重建后的统计表与重建前不一致，请核查。')));
    }
  };
  let timer = null;
  let underWay = false; // a rebuild this page started, or saw running: keep asking until it has ended
  const poll = async () => {
    try {
      const status = await api.query('/api/admin/rebuild');
      render(status);
      button.disabled = status.running || !me.has('ADMIN');
      underWay = status.running;
      if (status.running && location.hash.startsWith('#/rebuild')) timer = setTimeout(poll, 500);
    } catch (err) {
      showError(report, err);
      // a rebuild under way still ends: one failed answer must not leave the page stale
      if (underWay && location.hash.startsWith('#/rebuild')) timer = setTimeout(poll, 2000);
    }
  };
  button.addEventListener('click', async () => {
    if (!window.confirm('确认从事件日志重建全部投影？重建期间查询暂不可用。')) return;
    button.disabled = true;
    report.replaceChildren(); // the last rebuild's outcome is not this one's
    try {
      await api.queryPost('/api/admin/rebuild');
      underWay = true;
      clearTimeout(timer);
      setTimeout(poll, 200);
    } catch (err) {
      showError(report, err, 'rebuild-error');
      button.disabled = false;
    }
  });
  await poll();
});

const eventTypeLabel = Object.freeze({
  RequestReceived: '收到申请', OpenRequestImported: '上年结转申请导入', RequestDecided: '办理答复', CorrectionRequested: '告知补正',
  CorrectionReceived: '收到补正', ConsultationSent: '征求意见', ConsultationReplied: '收到意见', FeeNoticeIssued: '收费通知',
  FeePaid: '缴费', DeadlineExtended: '延长答复期限', AgencyRegistered: '机构登记', ReportingYearClosed: '年度关闭',
  ProactiveDisclosureRecorded: '主动公开情况（表二）', ReviewFiled: '提起复议或诉讼', ReviewConcluded: '复议或诉讼审结',
  HolidayArrangementPublished: '节假日安排载入',
});
const when = instant => instant ? new Date(instant).toLocaleString('zh-CN', {hour12: false}) : '';
const counts = c => `收到 ${c.received}，结转导入 ${c.imported}，办结 ${c.decided}`;

// Is every event of the event store counted? The query side compares its projection with the store itself.
route('/completeness', async el => {
  el.append(h('div', {class: 'page-head'}, h('h1', {}, '投影完整性核对'),
    h('span', {class: 'muted'}, '将统计表所依据的投影与事件存储逐条核对')));
  const out = h('div', {'data-test': 'completeness-result'});
  const run = h('button', {class: 'primary', 'data-test': 'completeness-run'}, '立即核对');
  el.append(h('section', {class: 'card'},
    h('p', {}, '按事件存储的全局序号，核对其中每一条事件是否都已计入查询端的投影；再按机构和年度，核对事件存储中收到、结转导入和办结的申请数与统计表是否一致。'
      + '缺少的事件在确认不是仍在传递途中后（约 10 秒），系统会自动请命令端重新发布，重复发布不会重复计数。'),
    run), out);
  const render = report => {
    out.replaceChildren();
    out.append(h('div', {class: report.complete ? 'alert ok' : 'alert error', 'data-test': 'completeness-verdict', 'data-complete': String(report.complete)},
      report.complete
        ? `完整：事件存储中的全部 ${report.storeHead.toLocaleString()} 条事件均已计入投影（核对于 ${when(report.checkedAt)}）。`
        : report.rebuilding ? '投影正在重建，重建完成后再核对。'
        : `不完整：事件存储共 ${report.storeHead.toLocaleString()} 条事件，其中 ${report.missing.toLocaleString()} 条尚未计入投影（核对于 ${when(report.checkedAt)}）。`));
    if (report.missingEvents.length) {
      out.append(h('section', {class: 'card'}, h('h2', {}, '尚未计入投影的事件'),
        h('div', {class: 'scroll'}, h('table', {class: 'list', 'data-test': 'completeness-missing'},
          h('thead', {}, h('tr', {}, ['全局序号', '事件', '机构', '业务日期', '申请或对象'].map(t => h('th', {}, t)))),
          h('tbody', {}, report.missingEvents.map(e => h('tr', {},
            h('td', {class: 'num'}, String(e.globalIndex)), h('td', {}, eventTypeLabel[e.type] || e.type),
            h('td', {}, e.agencyId ? agencyName(e.agencyId) : ''), h('td', {}, e.businessDate || ''),
            h('td', {class: 'mono'}, e.aggregateId))))))));
    }
    const behind = report.agencyYears.filter(line => line.behind);
    out.append(h('section', {class: 'card'}, h('h2', {}, '按机构和年度核对'),
      h('p', {class: 'muted'}, behind.length ? `${behind.length} 个机构年度的统计表少于事件存储。`
        : report.agencyYears.some(line => !line.equal) ? '统计表不少于事件存储；个别数字更大，是核对期间新到的事件。'
        : '各机构各年度的申请数与事件存储一致。'),
      h('div', {class: 'scroll'}, h('table', {class: 'list', 'data-test': 'completeness-agency-years'},
        h('thead', {}, h('tr', {}, ['机构', '年度', '事件存储', '统计表', '核对'].map(t => h('th', {}, t)))),
        h('tbody', {}, report.agencyYears.map(line => h('tr', {class: line.behind ? 'unequal' : ''},
          h('td', {}, agencyName(line.agencyId)), h('td', {}, `${line.year} 年`),
          h('td', {}, counts(line.stored)), h('td', {}, counts(line.projected)),
          h('td', {}, line.equal ? '一致' : line.behind ? '统计表缺少' : '核对期间有新事件'))))))));
    if (report.lastRepair) {
      out.append(h('p', {class: 'muted', 'data-test': 'completeness-last-repair'},
        `最近一次补发请求：${when(report.lastRepair.requestedAt)}，共 ${report.lastRepair.events} 条事件。`));
    }
  };
  const check = async () => {
    run.disabled = true;
    try {
      render(await api.query('/api/admin/completeness'));
    } catch (err) {
      showError(out, err, 'completeness-error');
    } finally {
      run.disabled = false;
    }
  };
  run.addEventListener('click', check);
  await check();
});

route('/published-check/:agency/:year', async (el, params) => {
  const agency = params.agency || state.agency;
  const year = Number(params.year);
  const result = h('div', {'data-test': 'published-check-result'});
  const text = h('textarea', {name: 'published', rows: 12, 'data-test': 'published-text',
    placeholder: '粘贴已发布年度报告中的表三（可含表四），数字为 0 时印作“-”的也可以。'});
  const file = h('input', {type: 'file', accept: '.txt,text/plain', 'data-test': 'published-file'});
  file.addEventListener('change', async () => {
    if (file.files[0]) text.value = await file.files[0].text();
  });
  const form = h('form', {class: 'card', 'data-test': 'published-check-form'},
    h('div', {class: 'filters'}, agencyYearControls(agency, year)),
    h('label', {}, '已发布的表三（文本）', text), h('label', {}, '或上传文本文件', file),
    h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary', 'data-test': 'published-check-submit'}, '逐格核对')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    result.replaceChildren();
    const a = form.agency.value;
    const y = form.year.value;
    if (!text.value.trim()) {
      showError(result, new Error('请粘贴或上传已发布的表三'));
      return;
    }
    try {
      const check = await api.queryPost(`/api/agencies/${encodeURIComponent(a)}/annual-tables/${y}/published-check`, text.value, 'text/plain;charset=UTF-8');
      const byCell = new Map(check.cells.map(c => [c.cell, c]));
      const grid = await api.query(`/api/agencies/${encodeURIComponent(a)}/annual-tables/${y}?format=grid`);
      result.append(h('div', {class: check.equal ? 'alert ok' : 'alert error', 'data-test': 'published-check-summary'}, check.summary));
      for (const table of grid.tables.slice(1)) {
        result.append(h('section', {class: 'card report-table'}, h('h2', {}, table.title),
          gridTable(table, (code, replayed) => {
            const c = byCell.get(code);
            if (!c || c.equal) return replayed;
            const link = code.includes('/') ? `#/cells/${encodeURIComponent(a)}/${y}/${code}` : null;
            return h('span', {class: 'differs', 'data-test': 'differs-' + code.replace('/', '-'), title: '已发布 → 事件日志'},
              h('s', {}, String(c.published)), ' → ', link ? h('a', {href: link}, String(c.replayed)) : String(c.replayed));
          }, 'published-grid-' + table.title.substring(0, 1))));
      }
    } catch (err) {
      showError(result, err, 'published-check-error');
    }
  });
  el.append(h('div', {class: 'page-head', 'data-test': 'published-check-page'}, h('h1', {}, '核对已发布的年度报告'),
    h('span', {class: 'muted'}, agencyName(agency))), form, result);
});

// Is the event log as it was written? Every digest recomputed from the stored events, with progress; and whether an
// export's or a report's 数据出处 (its basedOn) names this log.
route('/verification', async (el, params, query) => {
  el.append(h('div', {class: 'page-head', 'data-test': 'verification-page'}, h('h1', {}, '事件日志校验'),
    h('span', {class: 'muted'}, '证明事件日志自写入后未被改动')));
  const form = h('form', {class: 'card', 'data-test': 'verification-form'},
    h('p', {}, '每条事件写入时都记下了摘要（SHA-256，覆盖事件内容和同一案卷前一条事件的摘要），日志另有按写入顺序逐条累积的日志头摘要。'
      + '校验从头重算全部摘要：任何一条事件被改动、删除或调换顺序，都会在此指出第一处不符。'),
    h('p', {class: 'muted'}, '核对出处（可选）：统计表、汇总表和年度报告的末尾都写有“数据出处”（全局序号和日志头摘要）；填入后，校验同时核对该文件是否出自这份日志。'),
    h('div', {class: 'filters'},
      h('label', {}, '全局序号', h('input', {name: 'globalIndex', inputmode: 'numeric', value: query.globalIndex || '', 'data-test': 'verification-index'})),
      h('label', {class: 'wide'}, '日志头摘要', h('input', {name: 'head', size: 70, class: 'mono', value: query.head || '', 'data-test': 'verification-head'}))),
    h('button', {type: 'submit', class: 'primary', 'data-test': 'verification-run'}, '开始校验'));
  const progress = h('div', {'data-test': 'verification-progress'});
  const out = h('div', {'data-test': 'verification-result'});
  el.append(form, progress, out);

  const showProgress = p => {
    progress.replaceChildren();
    if (!p.running) return;
    progress.append(h('section', {class: 'card'},
      h('progress', {max: Math.max(p.storedEvents, 1), value: p.verifiedEvents}),
      h('p', {class: 'muted'}, `已校验 ${p.verifiedEvents.toLocaleString()} / ${p.storedEvents.toLocaleString()} 条事件`)));
  };
  const render = v => {
    out.replaceChildren();
    const m = v.firstMismatch;
    out.append(h('div', {class: v.verified ? 'alert ok' : 'alert error', 'data-test': 'verification-verdict', 'data-verified': String(v.verified)},
      v.verified
        ? `完好：全部 ${v.events.toLocaleString()} 条事件（涉及 ${v.aggregates.toLocaleString()} 个申请、复议案件或机构）的摘要均与存储内容一致，用时 ${v.seconds} 秒（校验于 ${when(v.checkedAt)}）。`
        : `不符：全局序号 ${m.globalIndex} 处的事件与日志的摘要不一致。在它之前的 ${v.events.toLocaleString()} 条事件完好。`));
    out.append(h('section', {class: 'card'}, h('h2', {}, '日志头摘要'),
      h('p', {class: 'mono', 'data-test': 'verification-head-digest'}, v.head),
      h('p', {class: 'muted'}, v.verified ? '这是日志末尾的摘要。记下它：将来任何人改动此前的任一事件，重算的摘要都将不同。' : '这是最后一条完好事件之后的摘要。')));
    if (m) {
      out.append(h('section', {class: 'card'}, h('h2', {}, '第一处不符'),
        h('table', {class: 'list', 'data-test': 'verification-mismatch'}, h('tbody', {},
          h('tr', {}, h('th', {}, '全局序号'), h('td', {class: 'num'}, String(m.globalIndex))),
          h('tr', {}, h('th', {}, '所属对象（申请、复议、机构或账户）'), h('td', {class: 'mono'}, m.aggregateId || '—')),
          h('tr', {}, h('th', {}, '对象内序号'), h('td', {}, m.sequenceNumber == null ? '—' : String(m.sequenceNumber))),
          h('tr', {}, h('th', {}, '说明'), h('td', {'data-test': 'verification-detail'}, m.detail)))),
        // a request's id is a UUID: only then is there a 办理记录 to open
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(m.aggregateId || '')
          ? h('p', {}, h('a', {href: `#/requests/${encodeURIComponent(m.aggregateId)}`}, '查看该申请的办理记录')) : null));
    }
    if (v.basedOn) {
      const b = v.basedOn;
      out.append(h('div', {class: b.matches ? 'alert ok' : 'alert error', 'data-test': 'verification-based-on', 'data-matches': String(b.matches)},
        b.matches ? `出处一致：该文件出自这份日志，全局序号 ${b.globalIndex} 之后的日志头摘要与文件所写相同。`
        : b.logHead ? `出处不符：日志在全局序号 ${b.globalIndex} 之后的摘要是 ${b.logHead}，与文件所写不同。该文件不是由这份日志生成的，或文件中的数字已被改动。`
        : `无法核对出处：日志未能校验到全局序号 ${b.globalIndex}。`));
    }
  };
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const index = form.globalIndex.value.trim();
    const head = form.head.value.trim();
    const params = index || head ? `?globalIndex=${encodeURIComponent(index)}&head=${encodeURIComponent(head)}` : '';
    form.querySelector('button').disabled = true;
    out.replaceChildren();
    const poll = setInterval(async () => {
      try { showProgress(await api.query('/api/audit/verification/progress')); } catch (err) { /* the result says what went wrong */ }
    }, 500);
    try {
      render(await api.query('/api/audit/verification' + params));
    } catch (err) {
      showError(out, err, 'verification-error');
    } finally {
      clearInterval(poll);
      progress.replaceChildren();
      form.querySelector('button').disabled = false;
    }
  });
});
