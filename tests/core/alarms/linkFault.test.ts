/**
 * Why a link failed reaches the clinician in her language: each fault code has a German and an English text with
 * the same placeholders, the 'link.lost' alarm says the code (not the driver's English), and a row stored before
 * faults were codes, or with a code this build does not know, still says its stored text, never a blank.
 */
import { describe, expect, it } from 'vitest';
import { alarmMessage, LINK_FAULT_TEXTS, linkFaultText } from '../../../core/alarms/messages';
import { LINK_FAULTS } from '../../../core/devices/linkFault';
import { alarm, SEC, T0, runningEngine } from './fixtures';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('link fault texts', () => {
  it('exist in German and English for every fault code, with the same placeholders', () => {
    expect(Object.keys(LINK_FAULT_TEXTS).sort()).toEqual([...LINK_FAULTS].sort());
    for (const code of LINK_FAULTS) {
      const text = LINK_FAULT_TEXTS[code];
      expect(text.de.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
      expect(text.de, code).not.toBe(text.en);
      expect(placeholders(text.de), code).toEqual(placeholders(text.en));
    }
  });

  it('fill in the port path and the seconds, the local way', () => {
    expect(linkFaultText('portMissing', { path: '/dev/ttyUSB0', errno: 'ENOENT' })).toBe('Anschluss nicht gefunden (/dev/ttyUSB0)');
    expect(linkFaultText('portMissing', { path: '/dev/ttyUSB0' }, 'en')).toBe('port not found (/dev/ttyUSB0)');
    expect(linkFaultText('silentReopen', { seconds: 30 })).toBe('seit 30 s keine Daten – Anschluss wird neu geöffnet');
  });
});

describe("the 'link.lost' alarm", () => {
  it('says the fault the link reported in words, and keeps the English text for the log', () => {
    const engine = runningEngine();
    engine.link(T0 + SEC, 'error', 'cannot open /dev/ttyUSB0: Error: No such file or directory, cannot open /dev/ttyUSB0', {
      code: 'portMissing',
      args: { path: '/dev/ttyUSB0', errno: 'ENOENT' },
    });
    const raised = alarm(engine, 'link.lost')!;
    expect(raised.params).toMatchObject({ fault: 'portMissing', path: '/dev/ttyUSB0', errno: 'ENOENT', reason: expect.stringMatching(/^cannot open/) });
    expect(alarmMessage('link.lost', raised.params)).toBe('Geräteverbindung unterbrochen: Anschluss nicht gefunden (/dev/ttyUSB0)');
    expect(alarmMessage('link.lost', raised.params, 'en')).toBe('Device link lost: port not found (/dev/ttyUSB0)');
  });

  it('says each fault without the English text or the code', () => {
    for (const code of LINK_FAULTS) {
      const text = alarmMessage('link.lost', { fault: code, path: '/dev/ttyS0', seconds: 31, reason: 'port closed: cannot open' });
      expect(text, code).not.toMatch(/cannot|closed|port\b/);
      expect(text, code).not.toContain(code);
    }
  });

  it('shows a row stored before faults were codes, or with a fault this build does not know, as it was stored', () => {
    expect(alarmMessage('link.lost', { reason: 'cannot open /tmp/x: No such file' })).toBe('Geräteverbindung unterbrochen: cannot open /tmp/x: No such file');
    expect(alarmMessage('link.lost', { fault: 'portVanished', reason: 'port vanished' })).toBe('Geräteverbindung unterbrochen: port vanished');
  });
});
