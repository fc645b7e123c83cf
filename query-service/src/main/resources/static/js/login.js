// The sign-in form (a file of its own: the pages' Content-Security-Policy allows no inline script).
const message = document.getElementById('login-message');
const form = document.getElementById('login-form');
const submit = document.getElementById('login-submit');
const params = new URLSearchParams(location.search);

function show(text, kind) {
  message.replaceChildren();
  const box = document.createElement('div');
  box.className = 'alert ' + (kind === 'error' ? 'alert-error' : 'alert-info');
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  box.dataset.test = kind === 'error' ? 'login-error' : 'login-info';
  box.textContent = text;
  message.appendChild(box);
}

function token() {
  for (const part of document.cookie.split(';')) {
    const c = part.trim();
    if (c.startsWith('XSRF-TOKEN=')) return decodeURIComponent(c.substring('XSRF-TOKEN='.length));
  }
  return null;
}

if (params.has('error')) show('用户名或密码错误', 'error');
else if (params.has('logout')) show('已退出登录', 'info');
else if (params.has('expired')) show('登录已失效，请重新登录', 'info');
else if (params.has('disabled')) show('该账户已停用，请联系系统管理员', 'error');
else if (params.has('locked')) show('连续 5 次密码错误，账户已锁定 15 分钟；届时自动解锁，也可请系统管理员提前解锁', 'error');

const ready = fetch('/api/csrf', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
  .catch(() => null);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = document.getElementById('username');
  const password = document.getElementById('password');
  document.getElementById('username-error').textContent = username.value.trim() ? '' : '请输入用户名';
  document.getElementById('password-error').textContent = password.value ? '' : '请输入密码';
  if (!username.value.trim() || !password.value) return;
  submit.disabled = true;
  submit.textContent = '正在登录…';
  await ready;
  let csrf = token();
  if (!csrf) {
    await fetch('/api/csrf', { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } }).catch(() => null);
    csrf = token();
  }
  if (!csrf) {
    show('无法连接服务器，请稍后重试', 'error');
    submit.disabled = false;
    submit.textContent = '登录';
    return;
  }
  document.getElementById('csrf').value = csrf;
  form.submit();
});
document.getElementById('username').focus();
