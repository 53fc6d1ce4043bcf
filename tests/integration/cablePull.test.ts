/**
 * A pulled cable must always be reported as link loss, not only by the 10 s no-data alarm: serialport's binding
 * spun forever on the 0-byte reads of a hung-up tty (drivers/link/hangupBinding.ts). Real socat ptys.
 * Detection times and CPU are measured by bench/cablePull.ts, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { hangUpBeforeFirstRead, pullCable } from '../helpers/cablePull';

const PULLS = 50;

describe('pulled cable', () => {
  it(`is reported as link loss on each of ${PULLS} pulls while the link reads`, async () => {
    const missed: { pull: number; state: string; detail: string }[] = [];
    const times: number[] = [];
    const states = new Set<string>();
    const faults = new Set<string | undefined>();
    for (let pull = 0; pull < PULLS; pull++) {
      const r = await pullCable(pull, 10_000);
      if (r.lostAfterMs === null) missed.push({ pull, state: r.status.state, detail: r.status.detail });
      else times.push(r.lostAfterMs);
      states.add(r.status.state);
      faults.add(r.status.fault?.code);
    }
    times.sort((a, b) => a - b);
    console.log(`cable pulls reported: ${times.length}/${PULLS}, median ${times[times.length >> 1]?.toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`);
    expect(missed).toEqual([]);
    expect(times.length).toBe(PULLS);
    expect([...states]).toEqual(['error']); // what the alarm engine raises as "link lost" (alarms/alarmService engineLink)
    // Why, as a code the screen says in words: the hang-up, or a close or port error the OS reported first.
    expect([...faults].filter((f) => f !== 'deviceDisconnected' && f !== 'portClosed' && f !== 'portError')).toEqual([]);
  }, 240_000);

  it('closes a port whose device hung up before the first read, and stops reading', async () => {
    const r = await hangUpBeforeFirstRead(10_000, 500);
    expect(r.closed).toBe('device disconnected');
    expect(r.fault).toBe('deviceDisconnected'); // said in words on the screen, not the English above
    // The old binding re-read the hung-up tty without pause: hundreds of thousands of read calls a second.
    expect(r.readCalls).toBeLessThan(1000);
  });
});
