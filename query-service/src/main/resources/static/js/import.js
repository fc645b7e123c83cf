// Bulk entry from a spreadsheet: paste the rows (Excel and WPS copy them tab-separated) or upload a .csv,
// check them in a preview, and register them through the bulk endpoint, with a result for every row.
// CSV parsing is Papa Parse (vendor/papaparse-*.min.js, MIT), loaded by index.html as window.Papa.
import {api, me, route, h, showError, labels, state, currentAgency, agencyName, today} from '/js/core.js';

const BATCH = 500; // what the bulk endpoint takes at once

/** Column headers understood, by field; the first row of the paste or file must name its columns. */
const HEADERS = {
  receivedOn: ['收到日期', '收到申请日期', '收到申请时间', '申请日期', 'receivedOn'],
  channel: ['渠道', '申请方式', '提交方式', 'channel'],
  applicantType: ['申请人类型', '申请主体类型', 'applicantType'],
  applicantName: ['申请人', '申请人姓名或名称', '申请人名称', '申请人姓名', 'applicantName'],
  subject: ['申请内容', '申请公开的信息', '所需信息', 'subject'],
  decidedOn: ['答复日期', '办结日期', 'decidedOn'],
  result: ['办理结果', '答复结果', 'result'],
  note: ['备注', 'note'],
};
const TEMPLATE = ['收到日期', '渠道', '申请人类型', '申请人', '申请内容', '答复日期', '办理结果', '备注'];

/** A label or a code to its code: the pages' own labels, the printed item texts, and the codes themselves. */
function lookup(...tables) {
  const byText = new Map();
  for (const table of tables) {
    for (const [code, text] of Object.entries(table)) {
      byText.set(code, code);
      if (text) byText.set(text.replace(/\s/g, ''), code);
    }
  }
  return (value) => byText.get(String(value || '').replace(/\s/g, ''));
}
// built on first use: the official labels arrive from the service at start, after this module is loaded
let lookups = null;
function codes() {
  if (!lookups) {
    lookups = {
      channelOf: lookup(labels.channel),
      applicantTypeOf: lookup(labels.applicantType),
      resultOf: lookup(labels.result, labels.resultItem,
        Object.fromEntries(Object.entries(labels.resultItem).map(([code, item]) => [code, item.replace(/^\d+\./, '')]))),
      // answers dated up to 2018 take the results of the 2008 Regulations (a refusal also by its reason alone)
      legacyResultOf: lookup(labels.legacyResult,
        Object.fromEntries(Object.entries(labels.legacyResult).map(([code, text]) => [code, text.replace(/^不同意公开：/, '')]))),
    };
  }
  return lookups;
}
const channelOf = (value) => codes().channelOf(value);
const applicantTypeOf = (value) => codes().applicantTypeOf(value);
const resultOf = (value, decidedOn) => decidedOn && Number(decidedOn.substring(0, 4)) <= labels.lastYearUnder2008Regulations
  ? codes().legacyResultOf(value) : codes().resultOf(value);

/** 2025-03-05, 2025/3/5, 2025.3.5 or 2025年3月5日 as 2025-03-05; null if not a real date. */
function isoDate(value) {
  const m = String(value || '').trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}

/** The rows of the text as requests for the bulk endpoint, each with what is wrong with it (in Chinese). */
function readRows(text, closedYears = {}) {
  const parsed = window.Papa.parse(text.replace(/^\uFEFF/, '').trim(), {skipEmptyLines: 'greedy'});
  const [header, ...rows] = parsed.data;
  if (!header || !rows.length) {
    throw new Error('未读到数据：第一行应为表头（如 ' + TEMPLATE.slice(0, 5).join('、') + '），其下每行一件申请');
  }
  const column = {};
  header.forEach((name, i) => {
    const field = Object.keys(HEADERS).find((f) => HEADERS[f].includes(String(name).trim()));
    if (field && column[field] === undefined) column[field] = i;
  });
  const missing = ['receivedOn', 'channel', 'applicantType', 'applicantName', 'subject'].filter((f) => column[f] === undefined);
  if (missing.length) {
    throw new Error('表头缺少：' + missing.map((f) => HEADERS[f][0]).join('、') + '（可用的列：' + TEMPLATE.join('、') + '）');
  }
  return rows.map((cells, i) => {
    const cell = (field) => (column[field] === undefined ? '' : String(cells[column[field]] ?? '').trim());
    const problems = [];
    // the same rules as the single form: a real date, not in the future, not in a closed year
    const receivedOn = isoDate(cell('receivedOn'));
    if (!receivedOn) problems.push(`收到日期“${cell('receivedOn')}”不是日期`);
    else if (receivedOn > today()) problems.push(`收到日期 ${receivedOn} 晚于今天`);
    else if (closedYears[receivedOn.substring(0, 4)]) problems.push(`${receivedOn.substring(0, 4)} 年度已关闭，不能再登记该年收到的申请`);
    const channel = channelOf(cell('channel'));
    if (!channel) problems.push(`渠道“${cell('channel')}”无法识别（可填：${Object.values(labels.channel).join('、')}）`);
    const applicantType = applicantTypeOf(cell('applicantType'));
    if (!applicantType) problems.push(`申请人类型“${cell('applicantType')}”无法识别（可填：${Object.values(labels.applicantType).join('、')}）`);
    const request = {receivedOn, channel, applicant: {type: applicantType, name: cell('applicantName')}, subject: cell('subject')};
    if (cell('decidedOn') || cell('result')) {
      const decidedOn = isoDate(cell('decidedOn'));
      const result = resultOf(cell('result'), decidedOn);
      if (!decidedOn) problems.push(`答复日期“${cell('decidedOn')}”不是日期`);
      else if (decidedOn > today()) problems.push(`答复日期 ${decidedOn} 晚于今天`);
      else if (receivedOn && decidedOn < receivedOn) problems.push(`答复日期 ${decidedOn} 早于收到日期 ${receivedOn}`);
      else if (closedYears[decidedOn.substring(0, 4)]) problems.push(`${decidedOn.substring(0, 4)} 年度已关闭，不能再登记该年的答复`);
      if (!result) {
        problems.push(decidedOn && Number(decidedOn.substring(0, 4)) <= labels.lastYearUnder2008Regulations
          ? `办理结果“${cell('result')}”无法识别（${decidedOn.substring(0, 4)} 年的答复适用 2008 年《条例》，填统计表的结果名称，如“同意公开”“申请信息不存在”）`
          : `办理结果“${cell('result')}”无法识别（填表三的结果名称，如“予以公开”）`);
      }
      request.decision = {result, decidedOn, ...(cell('note') ? {note: cell('note')} : {})};
    }
    return {line: i + 2, cells: {...Object.fromEntries(Object.keys(column).map((f) => [f, cell(f)]))}, request, problems};
  });
}

function templateLink() {
  const csv = '\uFEFF' + TEMPLATE.join(',') + '\n'
    + [today(), '网络', '自然人', '张三', '某路段拆迁补偿方案', '', '', ''].join(',') + '\n';
  return h('a', {class: 'button', download: '批量导入模板.csv', 'data-test': 'import-template',
    href: 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv)}, '下载模板（.csv）');
}

route('/import', async (el) => {
  const agency = currentAgency();
  el.append(h('div', {class: 'page-head'}, h('h1', {}, '批量导入申请'), h('span', {class: 'muted'}, agency ? agencyName(agency) : '')));
  if (!agency || !me.actsFor(agency)) {
    el.append(h('div', {class: 'alert', 'data-test': 'import-not-allowed'}, '您没有在本机关登记申请的权限（须为本机关的经办人或负责人）。'));
    return;
  }
  const text = h('textarea', {rows: 8, class: 'mono', 'data-test': 'import-text',
    placeholder: '从电子表格复制含表头的各行后粘贴到此处，或选择 .csv 文件'});
  const file = h('input', {type: 'file', accept: '.csv,.txt,text/csv,text/plain', 'data-test': 'import-file'});
  file.addEventListener('change', async () => {
    if (file.files[0]) text.value = await file.files[0].text();
  });
  const preview = h('div', {'data-test': 'import-preview-area'});
  const previewButton = h('button', {type: 'button', class: 'primary', 'data-test': 'import-preview'}, '预览');
  el.append(h('section', {class: 'card'},
    h('p', {}, `第一行为表头，其下每行一件申请。列：${TEMPLATE.join('、')}（答复日期、办理结果、备注可空；填了答复即同时登记答复）。`
      + '渠道、申请人类型、办理结果填中文名称（与登记页面相同）；日期可写 2025-03-05、2025/3/5 或 2025年3月5日。每件申请的办理规则与逐件登记相同。'),
    text, h('div', {class: 'actions'}, file, templateLink(), previewButton), preview));

  previewButton.addEventListener('click', () => {
    preview.replaceChildren();
    let rows;
    try {
      const known = state.agencies.find((a) => a.agencyId === agency);
      rows = readRows(text.value, (known && known.closedYears) || {});
    } catch (err) {
      showError(preview, err, 'import-error');
      return;
    }
    const ready = rows.filter((r) => !r.problems.length);
    const resultCells = new Map();
    const table = h('table', {class: 'list', 'data-test': 'import-rows'},
      h('thead', {}, h('tr', {}, ['行', '收到日期', '渠道', '申请人类型', '申请人', '申请内容', '答复', '检查与结果'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.map((row) => {
        const outcome = h('td', {'data-test': `import-row-${row.line}`},
          row.problems.length ? h('span', {class: 'error'}, '不导入：' + row.problems.join('；')) : h('span', {class: 'muted'}, '待导入'));
        resultCells.set(row, outcome);
        return h('tr', {class: row.problems.length ? 'row-error' : ''}, h('td', {}, String(row.line)),
          h('td', {}, row.cells.receivedOn || ''), h('td', {}, row.cells.channel || ''), h('td', {}, row.cells.applicantType || ''),
          h('td', {}, row.cells.applicantName || ''), h('td', {}, row.cells.subject || ''),
          h('td', {}, [row.cells.decidedOn, row.cells.result].filter(Boolean).join(' ')), outcome);
      })));
    const submit = h('button', {type: 'button', class: 'primary', 'data-test': 'import-submit', disabled: !ready.length},
      `导入 ${ready.length} 件` + (rows.length > ready.length ? `（另有 ${rows.length - ready.length} 行有误，不导入）` : ''));
    const summary = h('div', {'data-test': 'import-summary-area'});
    preview.append(h('div', {class: 'scroll'}, table), h('div', {class: 'actions'}, submit), summary);

    submit.addEventListener('click', async () => {
      submit.disabled = true;
      previewButton.disabled = true;
      let accepted = 0;
      let refused = rows.length - ready.length;
      try {
        for (let from = 0; from < ready.length; from += BATCH) {
          const chunk = ready.slice(from, from + BATCH);
          submit.textContent = `正在导入 ${from + 1}–${from + chunk.length} / ${ready.length}…`;
          const answer = await api.command('POST', `/api/agencies/${encodeURIComponent(agency)}/requests/batch`,
            {requests: chunk.map((r) => r.request)});
          answer.results.forEach((result, i) => {
            const cell = resultCells.get(chunk[i]);
            cell.replaceChildren();
            if (result.status === 201) {
              accepted++;
              cell.append(h('a', {href: `#/requests/${encodeURIComponent(result.requestId)}`}, '已登记' + (chunk[i].request.decision ? '并答复' : '')));
            } else { // a row is all or nothing: nothing of it was registered
              refused++;
              cell.append(h('span', {class: 'error'}, '未登记：' + result.detail));
            }
          });
        }
        submit.textContent = '导入完成';
        summary.append(h('div', {class: refused ? 'alert' : 'alert ok', 'data-test': 'import-summary'},
          `已登记 ${accepted} 件，未登记 ${refused} 件。` + (refused ? '未登记的行（整行均未登记）可更正后重新粘贴导入；已登记的行请勿重复导入。' : '')));
      } catch (err) {
        showError(summary, err, 'import-error');
        submit.textContent = '导入中断';
        previewButton.disabled = false;
      }
    });
  });
});
