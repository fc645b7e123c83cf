// The letters the Regulations require (受理回执, 补正告知书, 延期答复告知书, 征求意见函, 收费通知书, 答复书): on a request's page, each
// letter its steps call for, previewed on the page and downloaded as Word; and 文书模板, where a supervisor of the agency
// (or an administrator) edits the agency's templates, previews a draft filled with a request, and saves it as a new
// version. The server fills every letter from the request's events: the page never writes a letter's text itself.
import { api, h, route, go, showError, formatDate, formatInstant, agencyName, currentAgency, agencyPicker, me, resultLabel, labels } from '/js/core.js';

/** A letter laid out as printed: title, case number, paragraphs, and the agency and date at the foot. */
function paper(letter) {
  const warning = letter.provisional
    ? h('div', { class: 'alert alert-warning small', 'data-test': 'letter-provisional' },
      '文书中的期限落在节假日安排尚未发布的年度，暂按周一至周五计算；安排发布后请重新生成并核对。')
    : null;
  return h('div', null, warning, h('div', { class: 'letter-paper', 'data-test': 'letter-paper' },
    h('h3', { class: 'letter-title', 'data-test': 'letter-title' }, letter.title),
    letter.caseNumber ? h('p', { class: 'letter-number' }, letter.caseNumber) : null,
    letter.paragraphs.map((p, i) => h('p', { class: i === 0 && /[：:]$/.test(p) ? 'letter-salutation' : 'letter-paragraph',
      'data-test': 'letter-paragraph' }, p)),
    h('p', { class: 'letter-signature letter-signature-first' }, letter.agencyName),
    h('p', { class: 'letter-signature' }, letter.writtenDate || '')));
}

/** The letters of a request, for the agency's own staff (a letter names the applicant). */
export function lettersSection(state) {
  const letters = Array.isArray(state.letters) ? state.letters : [];
  const shown = h('div', { 'data-test': 'letter-preview' });
  const withGround = (href, ground) => (ground ? `${href}${href.includes('?') ? '&' : '?'}ground=${encodeURIComponent(ground)}` : href);
  const list = h('ul', { class: 'plain letters', 'data-test': 'letters' }, letters.map((l) => {
    let ground = null;
    const download = h('a', { href: l.href, download: '', 'data-test': `letter-download-${l.kind}` }, '下载 Word');
    const preview = h('button', { type: 'button', class: 'link', 'data-test': `letter-preview-${l.kind}`,
      onclick: async () => {
        shown.replaceChildren(h('p', { class: 'muted' }, '正在生成…'));
        try {
          const href = withGround(l.href, ground);
          shown.replaceChildren(paper(await api.query(`${href}${href.includes('?') ? '&' : '?'}format=json`)));
        } catch (err) {
          shown.replaceChildren();
          showError(shown, err, 'letter-error');
        }
      } }, '预览');
    const item = h('li', { 'data-test': 'letter', 'data-kind': l.kind },
      h('strong', null, l.label), h('span', { class: 'small muted' }, `　${formatDate(l.date)}　`), preview, '　', download);
    if (l.kind === 'REPLY') {
      // a result that covers two items of Art. 36: the officer says which one the answer is
      api.query(`/api/requests/${encodeURIComponent(state.requestId)}/letters`).then((answer) => {
        const grounds = answer.grounds || [];
        if (grounds.length < 2) return;
        ground = grounds[0].ground;
        const select = h('select', { 'data-test': 'letter-ground', 'aria-label': '答复情形',
          onchange: () => { ground = select.value; download.href = withGround(l.href, ground); } },
        grounds.map((g) => h('option', { value: g.ground }, g.label)));
        download.href = withGround(l.href, ground);
        item.append(h('div', { class: 'small' }, '答复情形：', select));
      }).catch(() => {});
    }
    return item;
  }));
  const editable = me.has('ADMIN') || me.has('SUPERVISOR');
  return h('section', { class: 'card', 'data-test': 'letters-section' }, h('h2', null, '文书'),
    letters.length === 0 ? h('p', { class: 'muted' }, '暂无文书。') : list,
    h('p', { class: 'small muted' }, '按本机关的文书模板，用办理记录中的日期、期限和事项生成；',
      h('a', { href: `#/letter-templates/${encodeURIComponent(state.agencyId)}`, 'data-test': 'letters-templates-link' },
        editable ? '修改文书模板' : '查看文书模板')),
    shown);
}

/** The letter of a history entry's step, as a link beside it. */
export function letterLink(entry) {
  return entry.letter
    ? h('a', { href: entry.letter.href, download: '', class: 'small', 'data-test': 'history-letter' }, ` ${entry.letter.label}（Word）`)
    : null;
}

// ----- 文书模板 -----------------------------------------------------------------------------------

route('/letter-templates', () => go(`/letter-templates/${encodeURIComponent(currentAgency() || '_')}`));

route('/letter-templates/:agency', async (el, params) => {
  const agencyId = params.agency;
  const answer = await api.query(`/api/agencies/${encodeURIComponent(agencyId)}/letter-templates`);
  const canEdit = me.has('ADMIN') || (me.has('SUPERVISOR') && me.actsFor(agencyId));
  let chosen = answer.templates[0];
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'data-test': 'template-tabs' });
  const editor = h('div', { 'data-test': 'template-editor' });
  const drawTabs = () => tabs.replaceChildren(...answer.templates.map((t) => h('button', {
    type: 'button', role: 'tab', class: t.kind === chosen.kind ? 'tab active' : 'tab', 'aria-selected': String(t.kind === chosen.kind),
    'data-test': `template-tab-${t.kind}`, onclick: () => { chosen = t; drawTabs(); drawEditor(); } },
  t.label, t.version > 0 ? h('span', { class: 'small muted' }, ` 第${t.version}版`) : h('span', { class: 'small muted' }, ' 默认'))));

  const drawEditor = () => {
    const t = chosen;
    const title = h('input', { name: 'title', value: t.title, maxlength: '60', 'data-test': 'template-title', 'aria-label': '标题', disabled: !canEdit });
    const body = h('textarea', { name: 'body', rows: '14', 'data-test': 'template-body', 'aria-label': '正文', disabled: !canEdit }, t.body);
    const requestId = h('input', { name: 'requestId', placeholder: '申请的登记编号（留空则用示例申请）', 'data-test': 'template-request',
      'aria-label': '用于预览的申请' });
    const result = h('select', { name: 'result', 'data-test': 'template-result', 'aria-label': '示例申请的办理结果' },
      Object.keys(labels.result).map((code) => h('option', { value: code }, resultLabel(code))));
    const preview = h('div', { 'data-test': 'template-preview' });
    const status = h('div', { 'data-test': 'template-status' });
    const draft = () => ({ title: title.value, body: body.value, requestId: requestId.value.trim() || null,
      result: t.kind === 'REPLY' ? result.value : null });
    const previewPath = `/api/agencies/${encodeURIComponent(agencyId)}/letter-templates/${t.kind}/preview`;
    const insert = (name) => {
      const at = body.selectionStart ?? body.value.length;
      body.value = body.value.substring(0, at) + `{{${name}}}` + body.value.substring(body.selectionEnd ?? at);
      body.focus();
    };
    const show = async () => {
      status.replaceChildren();
      try {
        preview.replaceChildren(paper(await api.queryPost(`${previewPath}?format=json`, draft())));
      } catch (err) {
        preview.replaceChildren();
        showError(status, err, 'template-error');
      }
    };
    const buttons = h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'btn', 'data-test': 'template-preview-button', onclick: show }, '预览'),
      h('button', { type: 'button', class: 'btn', 'data-test': 'template-download', onclick: async () => {
        status.replaceChildren();
        try {
          await api.saveAs(previewPath, draft(), `${t.label}（预览）.docx`);
        } catch (err) {
          showError(status, err, 'template-error');
        }
      } }, '下载预览（Word）'),
      canEdit ? h('button', { type: 'button', class: 'link', 'data-test': 'template-standard', onclick: () => {
        title.value = t.standard.title;
        body.value = t.standard.body;
      } }, '填入系统默认模板') : null,
      canEdit ? h('button', { type: 'button', class: 'primary', 'data-test': 'template-save', onclick: async () => {
        status.replaceChildren();
        try {
          const saved = await api.command('PUT', `/api/agencies/${encodeURIComponent(agencyId)}/letter-templates/${t.kind}`,
            { title: title.value, body: body.value });
          // the saved text is the command's answer: shown at once, whatever the list below knows yet
          const savedVersion = { kind: t.kind, version: saved.version, title: saved.title, body: saved.body, recordedAt: null, recordedBy: me.username };
          chosen = { ...t, version: saved.version, title: saved.title, body: saved.body,
            versions: t.versions.some((v) => v.version === saved.version) ? t.versions : [...t.versions, savedVersion] };
          answer.templates = answer.templates.map((x) => (x.kind === t.kind ? chosen : x));
          drawTabs();
          drawEditor();
          editor.querySelector('[data-test="template-status"]').replaceChildren(h('div', { class: 'alert alert-success', role: 'status',
            'data-test': 'template-saved' }, `已保存为第 ${saved.version} 版；此后生成的${t.label}使用这一版。`));
        } catch (err) {
          showError(status, err, 'template-error');
        }
      } }, '保存为新版本') : null);
    editor.replaceChildren(
      h('div', { class: 'columns' },
        h('section', { class: 'card' },
          h('h2', null, `${t.label}模板`, h('span', { class: 'small muted', 'data-test': 'template-version' },
            t.version > 0 ? `　现行第 ${t.version} 版` : '　系统默认模板')),
          h('label', { class: 'field' }, '标题', title),
          h('label', { class: 'field' }, '正文（每行一段；{{字段}} 处按申请的记录填写）', body),
          h('label', { class: 'field' }, '预览用的申请', requestId),
          t.kind === 'REPLY' ? h('label', { class: 'field' }, '示例申请的办理结果', result) : null,
          buttons, status),
        h('section', { class: 'card' },
          h('h2', null, '可用字段'),
          h('ul', { class: 'plain small', 'data-test': 'template-fields' }, t.fields.map((f) => h('li', null,
            canEdit ? h('button', { type: 'button', class: 'link mono', 'data-test': 'template-field', onclick: () => insert(f.name) }, `{{${f.name}}}`)
              : h('span', { class: 'mono' }, `{{${f.name}}}`),
            `　${f.description}`))),
          h('h2', null, '版本'),
          t.versions.length === 0 ? h('p', { class: 'muted small' }, '尚未保存过，使用系统默认模板。')
            : h('table', { class: 'table', 'data-test': 'template-versions' },
              h('thead', null, h('tr', null, h('th', null, '版本'), h('th', null, '标题'), h('th', null, '保存时间'), h('th', null, '保存人'))),
              h('tbody', null, [...t.versions].reverse().map((v) => h('tr', null, h('td', { class: 'num' }, v.version), h('td', null, v.title),
                h('td', { class: 'small' }, formatInstant(v.recordedAt)), h('td', null, v.recordedBy || '—'))))))),
      h('section', { class: 'card' }, h('h2', null, '预览'), preview));
  };

  el.append(h('div', { class: 'page-header' }, h('div', null, h('h1', null, '文书模板'),
    h('div', { class: 'muted small' }, `${agencyName(agencyId)}：模板每次保存为新版本，已发出的文书可按原版本重新生成。`)),
  agencyPicker(agencyId, (id) => go(`/letter-templates/${encodeURIComponent(id)}`))));
  if (!canEdit) {
    el.append(h('p', { class: 'alert alert-info' }, '只有本机关的负责人或系统管理员可以修改模板；您可以查看和预览。'));
  }
  el.append(tabs, editor);
  drawTabs();
  drawEditor();
});
