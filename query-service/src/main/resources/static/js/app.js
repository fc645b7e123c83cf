// Loads every page's module (each registers its routes) and starts the application.
import {start} from './core.js';
import './officer.js';
import './report.js';
import './audit.js';
import './admin.js';

start().catch(err => {
  document.getElementById('page').textContent = '无法启动：' + (err.detail || err.message);
});
