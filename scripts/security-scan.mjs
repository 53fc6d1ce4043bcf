// Electronegativity gate: scans the Electron sources and the renderer's HTML with the installed Electron version
// and fails on any finding. The tool itself always exits 0, hence this script. Runs offline (the release-feed
// check is excluded: it needs the network and reports nothing about our code).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const work = '.security/input';
rmSync('.security', { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync('electron', `${work}/electron`, { recursive: true });
cpSync('renderer/index.html', `${work}/renderer/index.html`);

const report = '.security/electronegativity.sarif';
execFileSync(
  process.execPath,
  [require.resolve('@doyensec/electronegativity/dist/index.js'), '-i', work, '-e', electronVersion, '-r', '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
const findings = JSON.parse(readFileSync(report, 'utf8')).runs.flatMap((run) => run.results ?? []);
for (const f of findings) {
  const where = (f.locations ?? []).map((l) => `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region?.startLine}`).join(', ');
  console.error(`electronegativity: ${f.ruleId} (${f.level}) ${where}: ${f.message.text}`);
}
console.log(`electronegativity ${electronVersion}: ${findings.length} finding(s)`);
process.exit(findings.length === 0 ? 0 : 1);
