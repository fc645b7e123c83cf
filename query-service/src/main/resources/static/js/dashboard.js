// A government's dashboard (政府汇总): its members in their tree with their status for a year, their figures, and the
// roll-up drawn as charts (Chart.js, vendored in js/vendor with its licence, served from the application itself).
import {api, h, route, go, state, me, labels, currentYear} from './core.js';

const MONTHS = Array.from({length: 12}, (_, i) => `${i + 1}月`);

function chart(canvas, config) {
  // window.Chart: the vendored UMD build, loaded by index.html before the modules
  return new window.Chart(canvas, {...config, options: {responsive: true, maintainAspectRatio: false, animation: false, ...config.options}});
}

function rate(m) {
  const answered = m.answeredOnTime + m.answeredLate;
  return answered === 0 ? null : Math.round(m.answeredOnTime * 1000 / answered) / 10;
}

route('/dashboard/:agency/:year', async (el, params) => {
  const agency = params.agency || state.agency;
  const year = Number(params.year);
  const roll = await api.query(`/api/agencies/${encodeURIComponent(agency)}/roll-up/${year}`);
  const years = [];
  for (let y = currentYear(); y > labels.lastYearUnder2008Regulations; y--) years.push(y);
  const tables = member => `#/report/${encodeURIComponent(member)}/${year}`;
  const onTime = roll.byMember.reduce((sum, m) => sum + m.answeredOnTime, 0);
  const late = roll.byMember.reduce((sum, m) => sum + m.answeredLate, 0);
  const overdue = roll.byMember.reduce((sum, m) => sum + m.overdueOpen, 0);
  el.append(
    h('div', {class: 'page-head'}, h('h1', {}, `${roll.name} ${year} 年政府信息公开汇总`)),
    h('div', {class: 'filters'},
      h('label', {}, '机构', h('select', {'data-test': 'dashboard-agency', onchange: e => go(`/dashboard/${encodeURIComponent(e.target.value)}/${year}`)},
        state.agencies.map(a => h('option', {value: a.agencyId, selected: a.agencyId === agency}, a.name)))),
      h('label', {}, '年度', h('select', {'data-test': 'dashboard-year', onchange: e => go(`/dashboard/${encodeURIComponent(agency)}/${e.target.value}`)},
        years.map(y => h('option', {value: y, selected: y === year}, y + ' 年'))))),
    h('div', {class: 'tiles', 'data-test': 'dashboard-tiles'},
      tile('成员机构', roll.members, `含本机关及所属各级机构`),
      tile('已关闭年度', `${roll.closed} / ${roll.members}`, '关闭后数字冻结'),
      tile('已发布年报', `${roll.published} / ${roll.members}`, '已发布本年度报告的机构'),
      tile('本年新收申请', roll.applications.NEW.TOTAL, `上年结转 ${roll.applications.CARRIED_OVER.TOTAL} 件`),
      tile('按期答复率', onTime + late === 0 ? '—' : `${Math.round(onTime * 1000 / (onTime + late)) / 10}%`, `按期 ${onTime} 件，逾期 ${late} 件`),
      tile('逾期未办结', overdue, '截至年底（本年为今日）已超过答复期限仍未答复', overdue > 0 ? 'bad' : '')),
    roll.consistent ? '' : h('div', {class: 'alert error', 'data-test': 'dashboard-inconsistent'}, '汇总表三的勾稽关系不一致，请核查各成员机构。'));

  const monthly = h('canvas', {'data-test': 'chart-monthly'});
  const groups = h('canvas', {'data-test': 'chart-results'});
  const timely = h('canvas', {'data-test': 'chart-timeliness'});
  el.append(h('div', {class: 'charts'},
    h('section', {class: 'card chart'}, h('h2', {}, '各月收到与办结的申请'), h('div', {class: 'chart-box'}, monthly)),
    h('section', {class: 'card chart'}, h('h2', {}, '办理结果（表三“本年度办理结果”各类）'), h('div', {class: 'chart-box'}, groups)),
    h('section', {class: 'card chart wide'}, h('h2', {}, '各成员机构按期答复与逾期'), h('div', {class: 'chart-box'}, timely))));

  el.append(h('section', {class: 'card'}, h('h2', {}, '成员机构'),
    h('div', {class: 'scroll'}, h('table', {class: 'list', 'data-test': 'dashboard-members'},
      h('thead', {}, h('tr', {}, ['机构', '年度', '年报', '本年新收', '本年办结', '结转下年度', '按期答复率', '逾期答复', '逾期未办结']
        .map(t => h('th', {}, t)))),
      h('tbody', {}, roll.byMember.map(m => h('tr', {'data-test': 'member-' + m.agencyId},
        h('td', {style: {paddingLeft: `${0.5 + m.depth * 1.5}rem`}}, h('a', {href: tables(m.agencyId), title: '查看该机构的统计表'}, m.name)),
        h('td', {}, h('span', {class: m.closed ? 'badge badge-decided' : 'badge badge-open'}, m.closed ? '已关闭' : '未关闭')),
        h('td', {}, m.published ? h('a', {href: `#/annual-report/${encodeURIComponent(m.agencyId)}/${year}`}, '已发布') : '未发布'),
        h('td', {class: 'num'}, h('a', {href: tables(m.agencyId)}, String(m.received))),
        h('td', {class: 'num'}, h('a', {href: tables(m.agencyId)}, String(m.handled))),
        h('td', {class: 'num'}, h('a', {href: tables(m.agencyId)}, String(m.carriedForward))),
        h('td', {class: 'num'}, rate(m) === null ? '—' : `${rate(m)}%`),
        h('td', {class: 'num'}, String(m.answeredLate)),
        h('td', {class: 'num' + (m.overdueOpen > 0 ? ' bad' : '')}, String(m.overdueOpen)))))))));

  chart(monthly, {type: 'bar', data: {labels: MONTHS, datasets: [
    {label: '收到', data: roll.byMonth.received, backgroundColor: '#2f6fb3'},
    {label: '办结', data: roll.byMonth.answered, backgroundColor: '#4a9d5b'}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}});
  const resultGroups = labels.resultGroups.map(g => ({title: g.title,
    count: g.codes.reduce((sum, code) => sum + ((roll.applications[code] || {}).TOTAL || 0), 0)}));
  chart(groups, {type: 'bar', data: {labels: resultGroups.map(g => g.title), datasets: [
    {label: '件数', data: resultGroups.map(g => g.count), backgroundColor: '#b3372f'}]},
    options: {indexAxis: 'y', plugins: {legend: {display: false}}, scales: {x: {beginAtZero: true, ticks: {precision: 0}}}}});
  chart(timely, {type: 'bar', data: {labels: roll.byMember.map(m => m.name), datasets: [
    {label: '按期答复', data: roll.byMember.map(m => m.answeredOnTime), backgroundColor: '#4a9d5b', stack: 'a'},
    {label: '逾期答复', data: roll.byMember.map(m => m.answeredLate), backgroundColor: '#d08a1f', stack: 'a'},
    {label: '逾期未办结', data: roll.byMember.map(m => m.overdueOpen), backgroundColor: '#b3372f', stack: 'b'}]},
    options: {scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}});
});

/** A figure with its title and, optionally, a line under it; {@code tone} 'bad' marks it. */
export function tile(title, value, hint, tone) {
  return h('div', {class: 'tile ' + (tone || '')}, h('div', {class: 'muted'}, title), h('div', {class: 'tile-value'}, String(value)),
    hint ? h('div', {class: 'muted small'}, hint) : null);
}
