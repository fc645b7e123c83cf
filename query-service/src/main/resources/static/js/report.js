// The annual report page (tables 二, 三, 四 in the printed layout), its downloads, the year close, and the
// requests behind a figure.
import {api, h, showError, flash, labels, route, go, state, me, acts, agencyName, currentYear, until, resultLabel} from './core.js';

/** A grid of the printed layout (rows of texts + merged rectangles) as an HTML table with rowspan/colspan. */
export function gridTable(grid, figureCell, test) {
  const width = Math.max(...grid.rows.map(r => r.length), 1);
  const covered = new Set();
  const spans = new Map();
  for (const m of grid.merges) {
    spans.set(`${m.firstRow},${m.firstColumn}`, m);
    for (let r = m.firstRow; r <= m.lastRow; r++) {
      for (let c = m.firstColumn; c <= m.lastColumn; c++) {
        if (r !== m.firstRow || c !== m.firstColumn) covered.add(`${r},${c}`);
      }
    }
  }
  const figures = new Map(grid.figures.map(f => [`${f.row},${f.column}`, f.code]));
  const rows = grid.rows.map((cells, r) => {
    if (cells.length === 1 && width > 1) {
      return h('tr', {class: 'subhead'}, h('th', {colspan: width}, cells[0]));
    }
    const tds = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const m = spans.get(`${r},${c}`);
      const text = cells[c] === undefined ? '' : cells[c];
      const code = figures.get(`${r},${c}`);
      const attrs = {rowspan: m && m.lastRow > m.firstRow ? m.lastRow - m.firstRow + 1 : null,
                     colspan: m && m.lastColumn > m.firstColumn ? m.lastColumn - m.firstColumn + 1 : null};
      if (code) {
        tds.push(h('td', {...attrs, class: 'num', 'data-test': code.includes('/') ? 'cell-' + code.replace('/', '-') : 'review-' + code},
          figureCell ? figureCell(code, text) : text));
      } else {
        tds.push(h(/^[\d.\-]+$/.test(text) ? 'td' : 'th', {...attrs, class: /^[\d.\-]+$/.test(text) ? 'num' : 'label'}, text));
      }
    }
    return h('tr', {}, tds);
  });
  return h('div', {class: 'scroll'}, h('table', {class: 'grid', 'data-test': test}, h('tbody', {}, rows)));
}

function reportQuery(q) {
  const p = new URLSearchParams();
  if (q.zero === 'dash') p.set('zero', 'dash');
  if (q.asOf) p.set('asOf', q.asOf);
  return p;
}

/** datetime-local value (local time) → ISO instant the API accepts */
export function toInstant(local) {
  return local ? new Date(local).toISOString() : '';
}

route('/report/:agency/:year', async (el, params, query) => {
  const agency = params.agency || state.agency;
  if (!agency) {
    el.append(h('div', {class: 'alert'}, '当前用户未被授权任何机构。'));
    return;
  }
  const year = Number(params.year);
  if (year <= labels.lastYearUnder2008Regulations) {
    await legacyForm(el, agency, year, query);
    return;
  }
  const base = `/api/agencies/${encodeURIComponent(agency)}/annual-tables/${year}`;
  const p = reportQuery(query);
  const grid = await api.query(`${base}?format=grid&${p}`);
  const info = await api.query(`/api/agencies/${encodeURIComponent(agency)}`);
  const closedNow = info.closedYears && info.closedYears[String(year)];
  // a table as of a moment before the close was recorded shows the year as it was then: open
  const closed = closedNow && (!query.asOf || !closedNow.recordedAt || new Date(closedNow.recordedAt) <= new Date(query.asOf))
    ? closedNow : null;
  const cellLink = (code, text) => code.includes('/')
    ? h('a', {href: `#/cells/${encodeURIComponent(agency)}/${year}/${code}` + (query.asOf ? `?asOf=${encodeURIComponent(query.asOf)}` : ''),
              title: '查看计入此数的申请'}, text)
    : text;
  const switchTo = changes => go(`/report/${encodeURIComponent(changes.agency || agency)}/${changes.year || year}?` +
                                 new URLSearchParams(Object.entries({zero: query.zero, asOf: query.asOf, ...changes.query}).filter(([, v]) => v)));
  const years = [];
  for (let y = currentYear(); y >= currentYear() - 8; y--) years.push(y);
  const controls = h('div', {class: 'filters'},
    h('label', {}, '机构', h('select', {'data-test': 'report-agency', onchange: e => switchTo({agency: e.target.value})},
      state.agencies.map(a => h('option', {value: a.agencyId, selected: a.agencyId === agency}, a.name)))),
    h('label', {}, '年度', h('select', {'data-test': 'report-year', onchange: e => switchTo({year: e.target.value})},
      years.map(y => h('option', {value: y, selected: y === year}, y + ' 年')))),
    h('label', {}, '零值显示', h('select', {'data-test': 'report-zero', onchange: e => switchTo({query: {zero: e.target.value === 'dash' ? 'dash' : ''}})},
      h('option', {value: '0', selected: query.zero !== 'dash'}, '0'), h('option', {value: 'dash', selected: query.zero === 'dash'}, '-'))),
    h('label', {}, '截至某一时刻（审计）', h('input', {type: 'datetime-local', 'data-test': 'report-as-of',
      value: query.asOf ? new Date(query.asOf).toLocaleString('sv-SE').replace(' ', 'T').substring(0, 16) : '',
      onchange: e => switchTo({query: {asOf: toInstant(e.target.value)}})})),
    query.asOf ? h('a', {class: 'button', href: `#/report/${encodeURIComponent(agency)}/${year}` + (query.zero ? '?zero=dash' : '')}, '回到当前') : null);
  const downloads = h('div', {class: 'downloads'}, h('span', {class: 'muted'}, '下载：'),
    ['xlsx', 'docx', 'csv', 'text'].map(format => h('a', {class: 'button', download: '', 'data-test': 'download-' + format,
      href: `${base}?format=${format}&${p}`}, {xlsx: 'Excel (.xlsx)', docx: 'Word (.docx)', csv: 'CSV', text: '文本'}[format])));
  const check = h('div', {class: grid.consistent ? 'alert ok' : 'alert error', 'data-test': 'cross-check'},
    grid.consistent ? '勾稽关系核对一致：每一列第一项加第二项之和，等于第三项加第四项之和。'
                    : '勾稽关系不一致：某一列第一项加第二项之和，不等于第三项加第四项之和，请核查。');
  el.append(
    h('div', {class: 'page-head'}, h('h1', {}, `${grid.agencyName} ${year} 年政府信息公开工作年度报告（统计表）`),
      closed ? h('span', {class: 'badge', 'data-test': 'year-closed'}, `已于 ${closed.closedOn} 关闭年度`) : null),
    controls,
    grid.asOf ? h('div', {class: 'alert', 'data-test': 'as-of-note'}, `以下为截至 ${new Date(grid.asOf).toLocaleString('zh-CN', {hour12: false})} 事件日志所记录的数字（当时表格的样子）。`) : '',
    check, downloads);
  for (const [i, table] of grid.tables.entries()) {
    el.append(h('section', {class: 'card report-table'}, h('h2', {}, table.title),
      gridTable(table, i > 0 ? cellLink : null, 'table-' + ['2', '3', '4'][i])));
  }
  const links = h('div', {class: 'actions'},
    h('a', {class: 'button', href: `#/audit?agency=${encodeURIComponent(agency)}&year=${year}`, 'data-test': 'report-diff-link'}, '比较两个时刻'),
    h('a', {class: 'button', href: `#/published-check/${encodeURIComponent(agency)}/${year}`}, '核对已发布报告'),
    h('a', {class: 'button', href: `#/annual-report/${encodeURIComponent(agency)}/${year}`, 'data-test': 'report-whole'}, '报告全文'),
    acts(agency) ? h('a', {class: 'button', href: `#/proactive/${encodeURIComponent(agency)}/${year}`, 'data-test': 'report-proactive'}, '填报表二') : null);
  el.append(links);
  if (me.has('SUPERVISOR') && acts(agency) && !closedNow && !query.asOf && year < currentYear()) {
    el.append(closeYear(agency, year));
  }
});

/**
 * A reporting year up to 2018: its statistics form (政府信息公开情况统计表) instead of tables 二–四, counted from the
 * events and the figures the agency recorded, with its downloads and the form of those figures.
 */
async function legacyForm(el, agency, year, query) {
  const base = `/api/agencies/${encodeURIComponent(agency)}/legacy-statistics/${year}`;
  const form = await api.query(base);
  const info = await api.query(`/api/agencies/${encodeURIComponent(agency)}`);
  const closed = info.closedYears && info.closedYears[String(year)];
  const years = [];
  for (let y = currentYear(); y >= currentYear() - 10; y--) years.push(y);
  el.append(
    h('div', {class: 'page-head'}, h('h1', {}, `${form.agencyName} ${year} 年政府信息公开情况统计表`),
      closed ? h('span', {class: 'badge', 'data-test': 'year-closed'}, `已于 ${closed.closedOn} 关闭年度`) : null),
    h('div', {class: 'filters'},
      h('label', {}, '机构', h('select', {'data-test': 'report-agency', onchange: e => go(`/report/${encodeURIComponent(e.target.value)}/${year}`)},
        state.agencies.map(a => h('option', {value: a.agencyId, selected: a.agencyId === agency}, a.name)))),
      h('label', {}, '年度', h('select', {'data-test': 'report-year', onchange: e => go(`/report/${encodeURIComponent(agency)}/${e.target.value}`)},
        years.map(y => h('option', {value: y, selected: y === year}, y + ' 年'))))),
    query.saved ? h('div', {class: 'alert ok', 'data-test': 'legacy-saved'}, `已保存本机关填报的项目（第 ${form.recordedFiguresVersion} 版）。`) : '',
    h('div', {class: 'alert', 'data-test': 'legacy-form-note'},
      `${year} 年度适用 2008 年《条例》，年度报告附政府信息公开情况统计表，不使用表二至表四。标“本机关填报”的项目由本机关按年度填写，其余由记录的申请、答复、收费与复议诉讼事件统计得出。`),
    h('div', {class: 'downloads'}, h('span', {class: 'muted'}, '下载：'),
      [['xlsx', 'Excel (.xlsx)'], ['docx', 'Word (.docx)'], ['text', '文本']].map(([format, text]) =>
        h('a', {class: 'button', download: '', 'data-test': 'legacy-download-' + format, href: `${base}?format=${format}`}, text))));
  const editable = acts(agency) && !closed;
  const inputs = new Map();
  const rows = labels.legacyItems.map(item => {
    const value = form.items[item.code];
    let cell = h('td', {class: 'num', 'data-test': 'legacy-' + item.code}, String(value));
    if (editable && item.source === 'AGENCY' && item.code !== 'STAFF') {
      const input = h('input', {type: 'number', min: 0, step: item.unit === '万元' ? '0.0001' : '1', value, 'data-test': 'legacy-input-' + item.code});
      inputs.set(item.code, input);
      cell = h('td', {class: 'num'}, input);
    }
    return h('tr', {}, h('th', {class: 'label'}, item.label), h('td', {}, item.unit), cell,
      h('td', {class: 'muted'}, item.source === 'AGENCY' ? '本机关填报' : '事件统计'));
  });
  const card = h('section', {class: 'card'}, h('div', {class: 'scroll'}, h('table', {class: 'grid', 'data-test': 'legacy-form'},
    h('thead', {}, h('tr', {}, ['统计指标', '单位', '统计数', '来源'].map(t => h('th', {}, t)))), h('tbody', {}, rows))));
  el.append(card);
  if (editable) {
    const save = h('button', {class: 'primary', 'data-test': 'legacy-save'}, '保存本机关填报的项目');
    save.addEventListener('click', async () => {
      save.disabled = true;
      try {
        const figures = {};
        inputs.forEach((input, code) => { figures[code] = input.value === '' ? 0 : Number(input.value); });
        await api.command('PUT', `/api/agencies/${encodeURIComponent(agency)}/years/${year}/legacy-figures`, figures);
        await until(async () => (await api.query(base)).recordedFiguresVersion > form.recordedFiguresVersion);
        go(`/report/${encodeURIComponent(agency)}/${year}?saved=1`);
      } catch (err) {
        showError(card, err, 'legacy-save-error');
        save.disabled = false;
      }
    });
    card.append(h('div', {class: 'actions'}, save, h('span', {class: 'muted'},
      form.recordedFiguresVersion ? `已填报第 ${form.recordedFiguresVersion} 版` : '尚未填报')));
  }
  el.append(h('div', {class: 'actions'},
    h('a', {class: 'button', href: `#/annual-report/${encodeURIComponent(agency)}/${year}`, 'data-test': 'report-whole'}, '报告全文')));
  if (me.has('SUPERVISOR') && acts(agency) && !closed && year < currentYear()) {
    el.append(closeYear(agency, year));
  }
}

function closeYear(agency, year) {
  const box = h('section', {class: 'card danger'}, h('h2', {}, '关闭年度'),
    h('p', {}, `关闭 ${year} 年度后：截至 ${year} 年 12 月 31 日仍未办结的申请结转下年度继续办理；该年度的数字冻结，此后日期在该年度内的登记或答复将被拒绝。此操作不可撤销。`));
  const button = h('button', {class: 'danger', 'data-test': 'close-year'}, `关闭 ${year} 年度`);
  button.addEventListener('click', async () => {
    if (!window.confirm(`确认关闭 ${agencyName(agency)} ${year} 年度？未办结的申请将结转下年度，年度数字将冻结，且不可撤销。`)) return;
    button.disabled = true;
    try {
      const result = await api.command('POST', `/api/agencies/${encodeURIComponent(agency)}/years/${year}/close`);
      await until(async () => {
        const info = await api.query(`/api/agencies/${encodeURIComponent(agency)}`);
        return info.closedYears && info.closedYears[String(year)];
      });
      flash(box, `已关闭 ${year} 年度，结转下年度 ${result.carriedForward} 件。`, 'close-year-result');
      button.remove();
    } catch (err) {
      showError(box, err, 'close-year-error');
      button.disabled = false;
    }
  });
  box.append(button);
  return box;
}

route('/cells/:agency/:year/:row/:column', async (el, params, query) => {
  const asOf = query.asOf ? `?asOf=${encodeURIComponent(query.asOf)}` : '';
  const cell = await api.query(`/api/agencies/${encodeURIComponent(params.agency)}/annual-tables/${params.year}/cells/${params.row}/${params.column}${asOf}`);
  el.append(
    h('div', {class: 'page-head'}, h('h1', {}, '计入此数的申请'),
      h('a', {class: 'button', href: `#/report/${encodeURIComponent(params.agency)}/${params.year}${query.asOf ? '?asOf=' + encodeURIComponent(query.asOf) : ''}`}, '返回统计表')),
    h('p', {}, `${agencyName(params.agency)} ${params.year} 年 · ${cell.rowLabel} · ${cell.columnLabel}：`,
      h('b', {'data-test': 'cell-count'}, cell.count), ' 件', cell.asOf ? `（截至 ${new Date(cell.asOf).toLocaleString('zh-CN', {hour12: false})}）` : ''),
    h('div', {class: 'scroll'}, h('table', {class: 'list', 'data-test': 'cell-requests'},
      h('thead', {}, h('tr', {}, ['申请编号', '收到日期', '申请人类型', '答复结果', '答复日期', '上年结转'].map(t => h('th', {}, t)))),
      h('tbody', {}, cell.requests.map(r => h('tr', {},
        h('td', {class: 'mono'}, h('a', {href: '#/requests/' + encodeURIComponent(r.requestId), 'data-test': 'cell-request'}, r.requestId)),
        h('td', {class: 'nowrap'}, r.receivedOn),
        h('td', {}, labels.applicantType[r.applicantType] || r.applicantType),
        h('td', {}, r.result ? resultLabel(r.result) : '办理中'),
        h('td', {class: 'nowrap'}, r.decidedOn || ''),
        h('td', {}, r.carriedOverInto ? `结转入 ${r.carriedOverInto} 年` : '')))))));
});
