// A supervisor corrects a request's receipt details (收到日期, 申请方式, 申请人类型, 申请内容) with a reason: the request
// page's 更正登记信息 form. Only what differs from the record is sent; the command service refuses a correction that
// changes nothing, a date after a later step of the request, or one without a reason. The form toolkit is the request
// page's own (officer.js passes it in), so the forms look and behave alike.
import { h, labels, today } from '/js/core.js';

const HELP = '原登记信息和更正都保留在办理记录中；登记编号不变。收到日期改变后，答复期限自更正后的日期重新计算；'
  + '更正涉及已关闭的年度的，该年度已发布的报告将显示与日志不一致。';

/** The form's builder, as officer.js's actionPanel takes it: (pageEl, state, events, cancel) → form. */
export function receiptCorrectionForm({ actionForm, field, dateInput, checkDate, post, reqPath }) {
  return (pageEl, state, events, cancel) => {
    const receivedOn = dateInput('receipt-correction-received-on', state.receivedOn, { max: today() });
    const channel = select('receipt-correction-channel', labels.channel, state.channel);
    const applicantType = select('receipt-correction-applicant-type', labels.applicantType, state.applicant && state.applicant.type);
    const subject = h('textarea', { rows: '3', maxlength: '2000', 'data-test': 'receipt-correction-subject' });
    subject.value = state.subject || '';
    const reason = h('textarea', { rows: '2', 'data-test': 'receipt-correction-reason' });
    const changes = () => {
      const body = {};
      if (receivedOn.value !== state.receivedOn) body.receivedOn = receivedOn.value;
      if (channel.value !== state.channel) body.channel = channel.value;
      if (applicantType.value !== (state.applicant && state.applicant.type)) body.applicantType = applicantType.value;
      if (subject.value.trim() !== (state.subject || '')) body.subject = subject.value.trim();
      return body;
    };
    return actionForm('receipt-correction', '更正登记信息', [
      field('receipt-correction-received-on', '正确的收到申请日期', receivedOn, { required: true }),
      field('receipt-correction-channel', '正确的申请方式', channel, { required: true }),
      field('receipt-correction-applicant-type', '正确的申请人类型', applicantType, { required: true }),
      field('receipt-correction-subject', '正确的申请内容', subject, { required: true, wide: true }),
      field('receipt-correction-reason', '更正理由', reason, { required: true, wide: true, help: HELP }),
    ], {
      pageEl, state, events, cancel,
      validate: () => {
        const p = [];
        checkDate(p, 'receipt-correction-received-on', receivedOn.value, '收到申请日期');
        if (!subject.value.trim()) p.push({ name: 'receipt-correction-subject', message: '请填写申请内容' });
        if (!reason.value.trim()) p.push({ name: 'receipt-correction-reason', message: '请填写更正理由' });
        if (!p.length && !Object.keys(changes()).length) {
          p.push({ name: 'receipt-correction-received-on', message: '登记信息未作改动，无需更正' });
        }
        return p;
      },
      send: () => post(reqPath(state, 'receipt-correction'), { ...changes(), reason: reason.value.trim() }),
    });
  };
}

function select(name, options, selected) {
  return h('select', { name, 'data-test': name },
    Object.entries(options).map(([code, text]) => h('option', { value: code, selected: code === selected }, text)));
}
