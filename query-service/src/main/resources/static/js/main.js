// The application's pages, each registering its routes (a file of its own: the Content-Security-Policy allows no
// inline script).
import { start } from './core.js';
import './officer.js';
import './request-page.js';
import './report.js';
import './annual-report.js';
import './dashboard.js';
import './metrics.js';
import './audit.js';
import './admin.js';
import './import.js';
import './letters.js';
start();
