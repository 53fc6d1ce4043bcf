/**
 * The live path of issue 13 with four simulated chairs at 1 Hz and the overview open in Chromium:
 *  - byte → painted: a Datex frame with a marker HR (100–109 /min, no alarm) is written into a chair's pty; the page
 *    stamps when the tile shows it (MutationObserver) and when that frame is painted (rAF, then a message). A marker
 *    never shown within 2 s (the next sample overtook it, or it was dropped) is counted as lost, not left out.
 *    The main process's share (pty byte → 'vitals.readings' pushed) is stamped from the event bus. Where a slow
 *    frame's time went: how long main and socat waited for a CPU (Linux schedstat), the page's long tasks, how much
 *    of the time Chromium's renderer waited for a CPU, and the load average (other work on the shared cores).
 *  - host RSS and CPU of the process running services, web host, DB worker and simulators (not Chromium) over a
 *    window (5 min, 1 min with --quick), with the page open.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { datexFrame } from '../tests/alarms/frames';
import { overviewWithFourCalmChairs, sleep } from './fourChairs';
import type { BenchRow } from './storage';

const now = () => performance.timeOrigin + performance.now();

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** In the page: per chair the marker looked for, when the tile showed it and when that frame was painted. */
const STAMPS = `(() => {
  window.__want = {}; window.__dom = {}; window.__paint = {};
  const scan = () => {
    const at = performance.timeOrigin + performance.now();
    for (const [chair, want] of Object.entries(window.__want)) {
      if (window.__dom[chair] !== undefined) continue;
      const el = document.querySelector('[data-testid="tile-' + chair + '"] [data-testid="tile-hr"] .tile-vital__value');
      if (!el || el.textContent.trim() !== String(want)) continue;
      window.__dom[chair] = at;
      requestAnimationFrame(() => {
        const c = new MessageChannel();
        c.port1.onmessage = () => { window.__paint[chair] = performance.timeOrigin + performance.now(); };
        c.port2.postMessage(0);
      });
    }
  };
  new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
  window.__longTasks = [];
  new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
})()`;

/** Processes started by this process (its descendants) whose command line holds `marker`; empty without /proc. */
function descendants(marker: string): number[] {
  try {
    const parent = new Map<number, number>();
    for (const d of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // gone meanwhile
      }
    }
    const ours = (pid: number): boolean => pid === process.pid || (parent.has(pid) && pid > 1 && ours(parent.get(pid)!));
    return [...parent.keys()].filter((pid) => pid !== process.pid && ours(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker));
  } catch {
    return [];
  }
}

/**
 * How long these threads (/proc paths) have waited, ready to run, for a CPU (Linux schedstat), ms, summed: the
 * share of a frame's time that is the machine's load (other processes on the cores), not the app's work.
 */
function waitOf(threads: string[]): number {
  return threads.reduce((sum, t) => {
    try {
      return sum + Number(readFileSync(`${t}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
    } catch {
      return sum;
    }
  }, 0);
}

/** The threads carrying a byte to the push that can be told apart: main and socat's relays (Node names its threads alike). */
function relayThreads(): string[] {
  return [`/proc/self/task/${process.pid}`, ...descendants('socat').map((pid) => `/proc/${pid}`)];
}

export async function benchLivePath(quick: boolean): Promise<BenchRow[]> {
  const { app, browser, page } = await overviewWithFourCalmChairs();
  try {
    await page.evaluate(STAMPS);

    const painted: number[] = [];
    const dom: number[] = [];
    const pushed: number[] = [];
    let lost = 0;
    /** Of the lost: main never pushed the marker (lost before the renderer: pty, decoder). */
    let lostInMain = 0;
    const relay = relayThreads();
    /** Per frame, how long the relay threads waited for a CPU between the byte and the push. */
    const pushedWait: number[] = [];
    /** The frames over the target, each with where its time went. */
    const slow: string[] = [];
    const wanted = new Map<number, { hr: number; cpuWait0: number; pushedAt?: number; cpuWait?: number }>();
    const off = app.services.bus.subscribe((event, payload) => {
      if (event !== 'vitals.readings') return;
      const p = payload as { chairId: number; readings: { parameter: string; value: number | null }[] };
      const w = wanted.get(p.chairId);
      if (w && w.pushedAt === undefined && p.readings.some((r) => r.parameter === 'hr' && r.value === w.hr)) {
        w.pushedAt = now();
        w.cpuWait = waitOf(relay) - w.cpuWait0;
      }
    });
    // How long the main process's event loop made ready work wait: the app's own share of the tail.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const cycles = quick ? 25 : 50;
    const chairLoop = async (chairId: number) => {
      const runner = app.services.simulators.get(chairId)!.runner;
      for (let k = 0; k < cycles; k++) {
        const hr = 100 + ((k + chairId) % 10);
        await page.evaluate(([c, v]) => {
          const w = globalThis as unknown as Record<string, Record<number, number | undefined>>;
          w.__want![c] = v;
          w.__dom![c] = undefined;
          w.__paint![c] = undefined;
        }, [chairId, hr] as const);
        // The phase against the simulator's own 1-s tick varies from one frame to the next.
        await sleep(100 + ((k * 137 + chairId * 61) % 600));
        wanted.set(chairId, { hr, cpuWait0: waitOf(relay) });
        const written = now();
        runner.inject(datexFrame({ hr, pulseRate: hr }));
        let seen: [number | undefined, number | undefined] = [undefined, undefined];
        const deadline = Date.now() + 2000;
        while (seen[1] === undefined && Date.now() < deadline) {
          await sleep(100); // the page stamps the moments itself; slow polling keeps the bench's load off them
          seen = await page.evaluate((c) => {
            const w = globalThis as unknown as Record<string, Record<number, number | undefined>>;
            return [w.__dom![c], w.__paint![c]] as [number | undefined, number | undefined];
          }, chairId);
        }
        const { pushedAt, cpuWait } = wanted.get(chairId) ?? {};
        if (seen[1] === undefined) {
          lost++;
          if (pushedAt === undefined) lostInMain++;
        } else {
          painted.push(seen[1] - written);
          dom.push(seen[0]! - written);
          if (pushedAt !== undefined) pushed.push(pushedAt - written);
          if (cpuWait !== undefined) pushedWait.push(cpuWait);
          const ms = seen[1] - written;
          if (ms > 50) slow.push(`${ms.toFixed(0)} ms (pushed after ${pushedAt === undefined ? '?' : (pushedAt - written).toFixed(0)}, waiting for a CPU ${cpuWait?.toFixed(0) ?? '?'})`);
        }
        wanted.delete(chairId);
      }
    };
    const load0 = loadavg()[0]!;
    const renderers = descendants('--type=renderer').map((pid) => `/proc/${pid}`);
    const rendererWait0 = waitOf(renderers);
    const t0Frames = performance.now();
    await Promise.all([1, 2, 3, 4].map(chairLoop));
    const rendererWaitShare = (waitOf(renderers) - rendererWait0) / (performance.now() - t0Frames);
    const load1 = loadavg()[0]!;
    const pageTasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: number[] }).__longTasks);
    off();
    loopDelay.disable();
    const loopP99 = loopDelay.percentile(99) / 1e6;
    const loopMax = loopDelay.max / 1e6;

    // Host RSS and CPU, the page open, the four chairs sending.
    const windowMs = quick ? 60_000 : 300_000;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let rssMax = 0;
    while (performance.now() - t0 < windowMs) {
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
      await sleep(2000);
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100;
    const n = painted.length + lost;
    return [
      { name: `live value byte → painted p50 (4 chairs, ${n} frames)`, value: percentile(painted, 50), unit: 'ms', target: '≤ 50 ms' },
      {
        name: 'live value byte → painted p99',
        value: percentile(painted, 99),
        unit: 'ms',
        target: '≤ 50 ms',
        detail: `${lost} of ${n} never shown within 2 s (lost, counted; ${lostInMain} of them never pushed by main); max ${Math.max(...painted).toFixed(0)} ms; byte → DOM p50 ${percentile(dom, 50).toFixed(1)} p99 ${percentile(dom, 99).toFixed(1)} ms; byte → pushed by main p50 ${percentile(pushed, 50).toFixed(1)} p99 ${percentile(pushed, 99).toFixed(1)} ms; main event-loop delay p99 ${loopP99.toFixed(1)} max ${loopMax.toFixed(1)} ms (the rest of main's share is the pty relay and the OS); byte → push waiting for a CPU (main and ${relay.length - 1} socat relays) p99 ${percentile(pushedWait, 99).toFixed(1)} max ${Math.max(...pushedWait).toFixed(1)} ms; load average ${load0.toFixed(1)} → ${load1.toFixed(1)} on ${availableParallelism()} cores; over 50 ms: ${slow.join(', ') || 'none'}; the page's long tasks meanwhile: ${pageTasks.length} (longest ${Math.max(0, ...pageTasks).toFixed(0)} ms); Chromium's renderer waited for a CPU ${(rendererWaitShare * 100).toFixed(1)} % of the time (${renderers.length} renderer process(es))`,
      },
      { name: 'live values lost (never shown within 2 s)', value: lost, unit: '', target: '0' },
      { name: `host CPU, 4 chairs at 1 Hz, overview open (${windowMs / 60_000} min)`, value: cpuPercent, unit: '%', target: '≤ 5 % of one core' },
      { name: 'host RSS, highest in that window', value: rssMax / 1024 / 1024, unit: 'MB', detail: 'the bench process: services, web host, DB worker, simulators and the bench itself; not Chromium' },
    ];
  } finally {
    await browser.close();
    await app.close();
  }
}

// `node --import tsx bench/livePath.ts [--quick]` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchLivePath(process.argv.includes('--quick'))) console.log(`${r.name.padEnd(60)} ${r.value.toFixed(2).padStart(9)} ${r.unit} ${r.target ? `(target ${r.target})` : ''}${r.detail ? `\n    ${r.detail}` : ''}`);
}
