/**
 * Every German text of every catalogue (docs/texts.md) read as a clinician reads it: no English words, no code
 * names or translation keys, no developer references (§, [E], "item 3"), no ISO dates, and the glossary's terms
 * (docs/glossary.md: never "RR" for blood pressure, never "Empfang" for the link).
 */
import { describe, expect, it } from 'vitest';
import { ALARM_MESSAGES, ALARM_NOTICES, LINK_FAULT_TEXTS, PARAMETER_LABELS } from '../../core/alarms/messages';
import { ALARM_SETTINGS } from '../../core/alarms/settings';
import { CLINIC_DEFAULTS } from '../../core/clinic/defaults';
import { SETTING_LABELS, settingLabel } from '../../core/clinic/settingLabels';
import { sourceText } from '../../core/clinic/sourceText';
import { FIELD_LABELS } from '../../core/fieldLabels';
import { formatProblem, MESSAGES, problem } from '../../core/messages';
import { DOCUMENT_TEXTS } from '../../electron/services/documents/texts';
import { LINK_FAULTS } from '../../core/devices/linkFault';
import { LINK_PHASES } from '../../core/devices/linkPhase';
import { CONDITION_KINDS, DEVICE_CONDITION_CODES } from '../../core/devices/deviceAlarms';
import { NOTICE_CODES } from '../../core/devices/deviceNotice';
import { REJECT_REASONS } from '../../core/devices/rejectReason';
import { GDT_REASON_CODES } from '../../core/gdt/gdtReason';
import { de } from '../../renderer/i18n/de';
import { en } from '../../renderer/i18n/en';
import { GERMAN_TEXT_RULES, germanTextFindings } from '../helpers/germanText';

/** Every string under `value`, with where it sits; of a { de, en } pair only the German one. */
function germanStrings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => germanStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.de === 'string' && typeof o.en === 'string') return [[path, o.de]];
    return Object.entries(o).flatMap(([k, v]) => germanStrings(v, `${path}.${k}`));
  }
  return [];
}

const CATALOGUES: Record<string, unknown> = {
  'renderer/i18n (with the features’ texts.ts)': de,
  'core/messages.ts': MESSAGES,
  'core/fieldLabels.ts': FIELD_LABELS,
  'core/clinic/settingLabels.ts': SETTING_LABELS,
  'core/alarms/messages.ts': { PARAMETER_LABELS, ALARM_MESSAGES, ALARM_NOTICES, LINK_FAULT_TEXTS },
  'electron/services/documents/texts.ts': DOCUMENT_TEXTS.de,
};

describe('German texts', () => {
  for (const [name, catalogue] of Object.entries(CATALOGUES)) {
    it(`of ${name} are German and clinician-readable`, () => {
      const strings = germanStrings(catalogue, '');
      expect(strings.length).toBeGreaterThan(5);
      const findings = strings.flatMap(([path, text]) => germanTextFindings(text).map((f) => `${path}: ${f} in „${text}“`));
      expect(findings).toEqual([]);
    });
  }

  const settings = { ...CLINIC_DEFAULTS, ...ALARM_SETTINGS } as Record<string, { source: string; range?: { source: string } }>;

  it('name every clinic setting in words, with its source in words', () => {
    const shown = Object.entries(settings).flatMap(([key, d]) => [
      settingLabel(key, 'de'),
      sourceText(d.source, 'de'),
      ...(d.range ? [sourceText(d.range.source, 'de')] : []),
    ]);
    expect(shown.flatMap((text) => germanTextFindings(text).map((f) => `${f} in „${text}“`))).toEqual([]);
    expect(Object.keys(settings).filter((key) => settingLabel(key, 'de') === key)).toEqual([]);
  });

  it('say refusals with their fields, settings and alarm conditions in words', () => {
    const said = [
      formatProblem({ code: 'invalidField', message: 'password: too short', params: { field: 'password' } }, 'de'),
      formatProblem({ code: 'invalidField', message: 'x', params: { field: 'limits.0.someInternalName' } }, 'de'),
      formatProblem(problem('user.nameTaken', { username: 'schmidt' }), 'de'),
      formatProblem({ code: 'override.outOfBounds', message: 'x', params: { code: 'respRate.low', priority: 'mittel', min: 4, max: 12 } }, 'de'),
      formatProblem(problem('setting.mustBeBelow', { key: 'alarm.noDataMediumMs', value: 10000, other: 'alarm.noDataHighMs', otherValue: 5000 }), 'de'),
      formatProblem({ code: 'api.NOT_FOUND', message: 'there is no session 7' }, 'de'),
    ];
    expect(said.slice(0, 4)).toEqual([
      'Eingabe ungültig: Passwort',
      'Eine Eingabe ist ungültig',
      'Den Benutzernamen „schmidt“ gibt es schon',
      'Atemfrequenz niedrig (mittel): Der Grenzwert liegt außerhalb der klinischen Grenzen 4–12.',
    ]);
    expect(said.flatMap((text) => germanTextFindings(text).map((f) => `${f} in „${text}“`))).toEqual([]);
  });

  it('the scan finds what it is for (each rule catches its example)', () => {
    for (const rule of GERMAN_TEXT_RULES) expect(germanTextFindings(rule.example), rule.name).not.toEqual([]);
    expect(germanTextFindings('Blutdruck (NIBD) 120/80 mmHg um 14:05 am 03.12.2026, z. B. 0,15 mg/kg/h; Atemfrequenz (AF)')).toEqual([]);
    expect(germanTextFindings('Anschluss /tmp/infusion-pty-29671.3431043-xtlagT/app, Dosis 0.15 mg')).toEqual(['decimal point in a German number: 0.15']);
    expect(germanTextFindings('Anschluss nicht gefunden (/tmp/infusion-pty-29671.3431043-xtlagT/app), Dosis 0.15 mg')).toEqual(['decimal point in a German number: 0.15']);
  });

  it('would catch a device link phase shown as its code or in English on a German screen', () => {
    const missed = LINK_PHASES.flatMap((code) => [code, en.link.phase[code]]).filter((text) => germanTextFindings(text).length === 0);
    // One-word codes ("receiving", "associated") are English words: the word list has them.
    expect(missed).toEqual([]);
  });

  it('would catch why a link failed shown as its code, in English or as the drivers and the OS say it', () => {
    const drivers = [
      'cannot open /dev/ttyUSB0: Error: No such file or directory, cannot open /dev/ttyUSB0',
      'cannot open COM3: Opening COM3: Access denied',
      'cannot open /dev/ttyS0: Error Resource temporarily unavailable Cannot lock port',
      'Error: Permission denied, cannot open /dev/ttyS0',
      'Error: Device or resource busy, cannot open /dev/ttyS0',
      'device disconnected',
      'port closed',
      'port error: EIO',
      'no data for 31 s, reopening the port',
    ];
    const missed = [...LINK_FAULTS.flatMap((code) => [code, LINK_FAULT_TEXTS[code].en]), ...drivers].filter((text) => germanTextFindings(text).length === 0);
    expect(missed).toEqual([]);
  });

  it('would catch a rejection reason, device notice or device alarm shown as its code or in English on a German screen', () => {
    const english = (path: string) => path.split('.').reduce((o: any, k) => o[k], en.device) as string;
    const missed = [
      ...REJECT_REASONS.flatMap((code) => [code, english(`reject.${code}`)]),
      ...NOTICE_CODES.flatMap((code) => [code, english(`notice.${code}`)]),
      ...DEVICE_CONDITION_CODES.flatMap((code) => [code, english(`condition.${code}`)]),
      ...CONDITION_KINDS.flatMap((kind) => [kind, english(`conditionUnknown.${kind}`)]),
    ].filter((text) => germanTextFindings(text).length === 0);
    expect(missed).toEqual([]);
  });

  it('would catch a GDT reason shown as its code or in English on a German screen', () => {
    const english = [...Object.values(en.gdt.why), ...Object.values(en.gdt.whyField), ...Object.values(en.gdt.whyFolder), en.gdt.whyBirthDateFound];
    const missed = [...GDT_REASON_CODES, ...english].filter((text) => germanTextFindings(text).length === 0);
    expect(missed).toEqual([]);
  });
});
