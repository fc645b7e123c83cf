// 办理时效 (the metrics of a year the API computes: working days to answer, on time / after extension / late, the ten
// oldest pending, the backlog at the year's end), with a chart drawn by the vendored Chart.js.
import {api, h, route, go, state, labels, currentYear, agencyName} from './core.js';
import {tile} from './dashboard.js';

route('/metrics/:agency/:year', async (el, params) => {
  const agency = params.agency || state.agency;
  const year = Number(params.year);
  const m = await api.query(`/api/agencies/${encodeURIComponent(agency)}/metrics/${year}`);
  const years = [];
  for (let y = currentYear(); y >= currentYear() - 8; y--) years.push(y);
  const t = m.answered;
  const days = v => v === null || v === undefined ? '—' : `${v} 个工作日`;
  el.append(
    h('div', {class: 'page-head'}, h('h1', {}, `${agencyName(agency)} ${year} 年办理时效`)),
    h('div', {class: 'filters'},
      h('label', {}, '机构', h('select', {'data-test': 'metrics-agency', onchange: e => go(`/metrics/${encodeURIComponent(e.target.value)}/${year}`)},
        state.agencies.map(a => h('option', {value: a.agencyId, selected: a.agencyId === agency}, a.name)))),
      h('label', {}, '年度', h('select', {'data-test': 'metrics-year', onchange: e => go(`/metrics/${encodeURIComponent(agency)}/${e.target.value}`)},
        years.map(y => h('option', {value: y, selected: y === year}, y + ' 年'))))),
    h('p', {class: 'muted'}, `统计截至 ${m.asOf}；办理用时从收到（补正后重新起算）到答复，按工作日计，不含征求意见、等待缴费等暂停期间。`),
    h('div', {class: 'tiles', 'data-test': 'metrics-tiles'},
      tile('本年答复', `${t.count} 件`),
      tile('用时中位数', days(t.medianWorkingDays)),
      tile('平均用时', days(t.meanWorkingDays)),
      tile('最短 / 最长（工作日）', t.count ? `${t.minWorkingDays} / ${t.maxWorkingDays}` : '—'),
      tile(year === currentYear() ? '目前未办结' : '年底未办结', `${m.pending} 件`),
      tile('逾期未办结', `${m.backlog.count} 件`, null, m.backlog.count > 0 ? 'bad' : '')));
  const canvas = h('canvas', {'data-test': 'chart-timeliness'});
  el.append(h('div', {class: 'charts'},
    h('section', {class: 'card chart'}, h('h2', {}, '答复是否按期'), h('div', {class: 'chart-box'}, canvas)),
    h('section', {class: 'card chart'}, h('h2', {}, `逾期未办结（${m.backlog.meaning}）`),
      m.backlog.count === 0 ? h('p', {class: 'muted', 'data-test': 'backlog-none'}, '无。')
        : h('ul', {'data-test': 'backlog'}, m.backlog.requestIds.map(id => h('li', {class: 'mono'},
            h('a', {href: '#/requests/' + encodeURIComponent(id)}, id)))))));
  el.append(h('section', {class: 'card'}, h('h2', {}, '最早收到的十件未办结申请'),
    m.oldestPending.length === 0 ? h('p', {class: 'muted'}, '无未办结的申请。') :
    h('div', {class: 'scroll'}, h('table', {class: 'list', 'data-test': 'oldest-pending'},
      h('thead', {}, h('tr', {}, ['申请编号', '收到日期', '申请人类型', '答复期限', '状态'].map(x => h('th', {}, x)))),
      h('tbody', {}, m.oldestPending.map(p => h('tr', {},
        h('td', {class: 'mono'}, h('a', {href: '#/requests/' + encodeURIComponent(p.requestId)}, p.requestId)),
        h('td', {class: 'nowrap'}, p.receivedOn),
        h('td', {}, labels.applicantType[p.applicantType] || p.applicantType),
        h('td', {class: 'nowrap'}, p.dueOn || '—'),
        h('td', {}, p.pausedBecause ? `暂停：${p.pausedBecause}` : p.overdue ? h('span', {class: 'badge overdue'}, `逾期 ${p.workingDaysOverdue} 个工作日`) : '未到期'))))))));
  const order = ['ON_TIME', 'ON_TIME_AFTER_EXTENSION', 'LATE'];
  new window.Chart(canvas, {type: 'doughnut',
    data: {labels: order.map(k => labels.answered[k]), datasets: [{data: order.map(k => m.timeliness[k] || 0),
      backgroundColor: ['#4a9d5b', '#2f6fb3', '#b3372f']}]},
    options: {responsive: true, maintainAspectRatio: false, animation: false}});
});
