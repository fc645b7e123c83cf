// The whole annual report (年度报告全文): the document as it stands, the agency's texts edited part by part with the
// generated parts marked, a preview, downloads, publication (负责人) and every publication as it was frozen.
import {api, h, showError, route, go, state, me, acts, agencyName, currentYear, until, formatInstant} from './core.js';
import {gridTable} from './report.js';

const FORMATS = {docx: 'Word (.docx)', text: '文本 (.txt)', html: '网页 (.html)'};

function headingOf(report, code) {
  const section = report.sections.find(s => s.code === code);
  return section ? section.heading : code;
}

/** A frozen or drafted document's blocks, drawn as the report prints them. */
function documentView(blocks) {
  return h('article', {class: 'report-document', 'data-test': 'report-preview'}, blocks.map(block => {
    switch (block.kind) {
      case 'TITLE': return h('h1', {class: 'report-title'}, block.text);
      case 'HEADING': return h('h2', {}, block.text);
      case 'PARAGRAPH': return h('p', {}, block.text);
      case 'BASED_ON': return h('p', {class: 'muted based-on', 'data-test': 'report-based-on'}, h('small', {}, block.text));
      default: return gridTable({
        rows: block.rows,
        merges: block.merges.map(([firstRow, lastRow, firstColumn, lastColumn]) => ({firstRow, lastRow, firstColumn, lastColumn})),
        figures: [],
      });
    }
  }));
}

function downloads(base, test) {
  return h('div', {class: 'downloads'}, h('span', {class: 'muted'}, '下载：'),
    Object.entries(FORMATS).map(([format, text]) =>
      h('a', {class: 'button', download: format === 'html' ? null : '', 'data-test': `${test}-${format}`, href: `${base}?format=${format}`,
              target: format === 'html' ? '_blank' : null}, text)));
}

route('/annual-report/:agency/:year', async (el, params, query) => {
  const agency = params.agency || state.agency;
  const year = Number(params.year);
  const base = `/api/agencies/${encodeURIComponent(agency)}/annual-reports/${year}`;
  const report = await api.query(base);
  const writes = acts(agency);
  const years = [];
  for (let y = currentYear(); y >= currentYear() - 10; y--) years.push(y);
  el.append(
    h('div', {class: 'page-head'}, h('h1', {}, report.title),
      report.closed ? h('span', {class: 'badge', 'data-test': 'report-closed'}, '年度已关闭') : h('span', {class: 'badge soon'}, '年度未关闭'),
      h('span', {class: 'badge', 'data-test': 'report-version'}, report.version ? `文本第 ${report.version} 版` : '尚未填写文本')),
    query.saved ? h('div', {class: 'alert ok', 'data-test': 'saved-note'}, `已保存，报告文本为第 ${report.version} 版。`) : '',
    query.published ? h('div', {class: 'alert ok', 'data-test': 'published-note'},
      `已发布第 ${query.published} 次，SHA-256 ${(report.published[Number(query.published) - 1] || {}).digest || ''}`) : '',
    h('div', {class: 'filters'},
      h('label', {}, '机构', h('select', {'data-test': 'annual-report-agency',
        onchange: e => go(`/annual-report/${encodeURIComponent(e.target.value)}/${year}`)},
        state.agencies.map(a => h('option', {value: a.agencyId, selected: a.agencyId === agency}, a.name)))),
      h('label', {}, '年度', h('select', {'data-test': 'annual-report-year',
        onchange: e => go(`/annual-report/${encodeURIComponent(agency)}/${e.target.value}`)},
        years.map(y => h('option', {value: y, selected: y === year}, y + ' 年'))))),
    report.layout === 'UNDER_2008_REGULATIONS'
      ? h('div', {class: 'alert', 'data-test': 'legacy-layout'},
          `${year} 年度适用 2008 年《条例》：报告正文为“一、概述”至“四、其他需要报告的事项”，附政府信息公开情况统计表（由事件统计及本机关填报的项目生成）。`)
      : '',
    h('p', {class: 'muted'}, '标有“系统生成”的内容由本系统根据记录的申请、答复、收费与复议诉讼事件生成，与统计表数字一致；',
      `在“${headingOf(report, report.layout === 'CURRENT' ? 'OVERVIEW' : 'DISCLOSURE')}”中写入 `, h('code', {}, report.markers.applications),
      ' 可将依申请公开情况段落放在该处（写了文字却没有此标记时，报告中不出现该段落），',
      `在“${headingOf(report, 'OTHER')}”中写入 `, h('code', {}, report.markers.fees), ' 可指定收费情况句子的位置（否则置于该部分开头）。'),
    downloads(base, 'report-download'));

  for (const section of report.sections) {
    const card = h('section', {class: 'card report-part', 'data-test': 'part-' + section.code},
      h('h2', {}, section.heading || '开头（发布依据、统计期限、电子版查阅方式）'));
    if (section.generated !== null && !section.editable) {
      card.append(h('div', {class: 'generated-note muted'}, '系统生成：由记录的数据得出，不能在此修改。'));
      el.append(card);
      continue;
    }
    if (section.generated) {
      card.append(h('div', {class: 'generated', 'data-test': 'generated-' + section.code},
        h('span', {class: 'badge'}, '系统生成'), ' ', section.generated));
    }
    const saved = section.agencyText === null ? '当前为默认内容（未填写）'
      : `第 ${section.savedVersion} 版，${section.savedBy || ''} 于 ${formatInstant(section.savedAt)} 保存`;
    card.append(h('div', {class: 'muted'}, saved));
    if (section.generated && section.agencyText !== null && section.code !== 'OTHER' && !section.agencyText.includes(report.markers.applications)) {
      card.append(h('div', {class: 'alert', 'data-test': 'no-marker-' + section.code},
        `本部分的文字中没有 ${report.markers.applications}，报告中不会出现上面系统生成的依申请公开段落。`));
    }
    if (section.editable && section.code !== 'OPENING' && !section.text.trim()) {
      card.append(h('div', {class: 'alert', 'data-test': 'empty-' + section.code}, '本部分尚未填写，发布的报告中此标题下将没有内容。'));
    }
    if (writes) {
      const area = h('textarea', {rows: 8, maxlength: 20000, 'data-test': 'text-' + section.code,
        placeholder: section.text}, section.agencyText || '');
      const counter = h('span', {class: 'muted'}, '');
      const count = () => { counter.textContent = `${area.value.length} / 20000 字`; };
      area.addEventListener('input', count);
      count();
      const save = h('button', {'data-test': 'save-' + section.code}, '保存此部分');
      save.addEventListener('click', async () => {
        save.disabled = true;
        try {
          const sections = {};
          sections[section.code] = area.value;
          await api.command('PUT', `/api/agencies/${encodeURIComponent(agency)}/years/${year}/report-text`, {sections});
          await until(async () => (await api.query(base)).version > report.version);
          go(`/annual-report/${encodeURIComponent(agency)}/${year}?saved=${section.code}`);
        } catch (err) {
          showError(card, err, 'save-error-' + section.code);
          save.disabled = false;
        }
      });
      const marker = section.code === 'OVERVIEW' || section.code === 'DISCLOSURE' ? report.markers.applications
        : section.code === 'OTHER' ? report.markers.fees : null;
      const insert = marker ? h('button', {'data-test': 'insert-marker-' + section.code,
        onclick: () => { area.setRangeText(marker, area.selectionStart, area.selectionEnd, 'end'); area.focus(); count(); }},
        '在光标处插入系统生成内容') : null;
      card.append(area, h('div', {class: 'actions'}, save, insert, counter));
    } else {
      card.append(h('p', {class: 'report-text'}, section.text));
    }
    el.append(card);
  }

  el.append(h('section', {class: 'card'}, h('h2', {}, '预览'), documentView(report.blocks)));
  el.append(publications(agency, year, base, report));
});

function publications(agency, year, base, report) {
  const card = h('section', {class: 'card', 'data-test': 'publications'}, h('h2', {}, '发布'));
  if (report.published.length === 0) {
    card.append(h('p', {class: 'muted'}, '尚未发布。发布后报告内容（含统计表）冻结，并记录其 SHA-256 摘要与发布时间；已发布的报告不会再改变。'));
  }
  for (const p of report.published) {
    const check = h('span', {class: 'muted'});
    const checkButton = h('button', {'data-test': 'check-publication-' + p.publication}, '与当前记录核对');
    checkButton.addEventListener('click', async () => {
      const result = await api.query(`${p.href}/check`);
      check.textContent = result.matches
        ? `一致：${result.figures} 个数字与今日重放的结果相同，摘要与文本相符。`
        : `不一致：${result.differences.map(d => `${d.code} 发布 ${d.published}，现为 ${d.replayed}`).join('；')}`;
      check.setAttribute('data-test', 'check-result-' + p.publication);
    });
    card.append(h('div', {class: 'publication', 'data-test': 'publication-' + p.publication},
      h('b', {}, `第 ${p.publication} 次发布`), ` ${formatInstant(p.publishedAt)}，${p.publishedBy || ''}`,
      p.reason ? `，更正理由：${p.reason}` : '',
      h('div', {class: 'mono small'}, 'SHA-256 ' + p.digest),
      downloads(p.href, 'publication-' + p.publication), h('div', {class: 'actions'}, checkButton, check)));
  }
  if (me.has('SUPERVISOR') && acts(agency)) {
    if (!report.closed) {
      card.append(h('div', {class: 'alert', 'data-test': 'publish-needs-close'},
        `${year} 年度尚未关闭：关闭年度后数字不再变化，才能发布。`,
        h('a', {href: `#/report/${encodeURIComponent(agency)}/${year}`}, '前往统计表关闭年度')));
    } else {
      const reason = h('input', {type: 'text', size: 50, 'data-test': 'publish-reason',
        placeholder: report.published.length ? '再次发布（更正）须说明理由' : '首次发布可不填'});
      const button = h('button', {class: 'primary', 'data-test': 'publish'}, report.published.length ? '发布更正版本' : '发布报告');
      button.addEventListener('click', async () => {
        if (!window.confirm(`确认发布 ${agencyName(agency)} ${year} 年度报告？发布后的版本将冻结，不可修改。`)) return;
        button.disabled = true;
        try {
          const result = await api.command('POST', `/api/agencies/${encodeURIComponent(agency)}/annual-reports/${year}/publication`,
            {reason: reason.value});
          await until(async () => (await api.query(base)).published.length >= result.publication);
          go(`/annual-report/${encodeURIComponent(agency)}/${year}?published=${result.publication}`);
        } catch (err) {
          showError(card, err, 'publish-error');
          button.disabled = false;
        }
      });
      card.append(h('div', {class: 'actions'}, h('label', {}, '理由', reason), button));
    }
  }
  return card;
}
