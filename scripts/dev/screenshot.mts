// Screenshot of a running app page in Debian's Chromium, for looking at a screen while developing:
// `npx tsx scripts/dev/screenshot.mts <url-with-token> [out.png] [wait-ms]`
import { launchChromium } from '../../tests/e2e/browser';
const url = process.argv[2]!;
const out = process.argv[3] ?? '/tmp/shot.png';
const wait = Number(process.argv[4] ?? 8000);
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: 1600, height: 1000 } });
p.on('console', (m) => console.log('console:', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror:', e.message));
await p.goto(url);
await p.waitForTimeout(wait);
await p.screenshot({ path: out });
await b.close();
