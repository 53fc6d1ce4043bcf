import { describe, expect, it } from 'vitest';
import { CONDITION_KINDS, DEVICE_CONDITION_CODES, NOTICE_CONDITION_KIND } from '../../core/devices/deviceAlarms';
import { NOTICE_CODES } from '../../core/devices/deviceNotice';
import { LINK_PHASES } from '../../core/devices/linkPhase';
import { REJECT_REASONS } from '../../core/devices/rejectReason';
import { FOLDER_PROBLEMS, GDT_REASON_CODES, MISSING_FIELDS } from '../../core/gdt/gdtReason';
import { PROTOCOLS } from '../../drivers/protocols';
import { de } from '../../renderer/i18n/de';
import { en } from '../../renderer/i18n/en';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('translations', () => {
  it('have the same keys in German and English, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
    for (const k of keys(de)) expect(k.split('.').reduce((o: any, p) => o[p], de)).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const k of keys(de)) {
      const get = (o: object) => k.split('.').reduce((x: any, p) => x[p], o) as string;
      expect(placeholders(get(en)), k).toEqual(placeholders(get(de)));
    }
  });

  it('say every phase of a device link in German and English, and no other', () => {
    for (const messages of [de, en]) expect(Object.keys(messages.link.phase).sort()).toEqual([...LINK_PHASES].sort());
    for (const code of LINK_PHASES) {
      expect(de.link.phase[code], code).toMatch(/\S/);
      expect(en.link.phase[code], code).toMatch(/\S/);
      // The code itself is never the German text (a missing entry would show the key).
      expect(de.link.phase[code], code).not.toBe(code);
    }
  });

  it('name every protocol, device notice, device alarm or sensor message and rejection reason in German and English, and no other', () => {
    const at = (messages: object, path: string): unknown => path.split('.').reduce((o: any, k) => o?.[k], messages);
    for (const messages of [de, en]) {
      expect(Object.keys(messages.device.protocol).sort()).toEqual(PROTOCOLS.map((p) => p.id).sort());
      expect(keys(messages.device.notice).sort()).toEqual([...NOTICE_CODES].sort());
      expect(Object.keys(messages.device.reject).sort()).toEqual([...REJECT_REASONS].sort());
      expect(Object.keys(messages.device.condition).sort()).toEqual([...DEVICE_CONDITION_CODES].sort());
      expect(Object.keys(messages.device.conditionUnknown).sort()).toEqual([...CONDITION_KINDS].sort());
    }
    const texts = [
      ...PROTOCOLS.map((p) => `device.protocol.${p.id}`),
      ...NOTICE_CODES.map((code) => `device.notice.${code}`),
      ...REJECT_REASONS.map((code) => `device.reject.${code}`),
      ...DEVICE_CONDITION_CODES.map((code) => `device.condition.${code}`),
      ...CONDITION_KINDS.map((kind) => `device.conditionUnknown.${kind}`),
    ];
    for (const path of texts) {
      expect(at(de, path), path).toMatch(/\S/);
      expect(at(en, path), path).toMatch(/\S/);
    }
    // A notice naming alarms says them in its text; an unknown one says its number.
    for (const code of Object.keys(NOTICE_CONDITION_KIND)) {
      for (const messages of [de, en]) expect(at(messages, `device.notice.${code}`), code).toContain('{{conditions}}');
    }
    for (const kind of CONDITION_KINDS) for (const messages of [de, en]) expect(at(messages, `device.conditionUnknown.${kind}`)).toContain('{{number}}');
  });

  it('say every GDT reason code, lacking field and folder problem in German and English, and no other', () => {
    for (const messages of [de, en]) {
      expect(Object.keys(messages.gdt.why).sort()).toEqual([...GDT_REASON_CODES].sort());
      expect(Object.keys(messages.gdt.whyField).sort()).toEqual([...MISSING_FIELDS].sort());
      // 'other' is said by why.folderProblem with the errno.
      expect(Object.keys(messages.gdt.whyFolder).sort()).toEqual(FOLDER_PROBLEMS.filter((k) => k !== 'other').sort());
      for (const text of [...Object.values(messages.gdt.why), ...Object.values(messages.gdt.whyField), ...Object.values(messages.gdt.whyFolder)]) {
        expect(text).toMatch(/\S/);
      }
      for (const text of Object.values(messages.gdt.whyFolder)) expect(text).toContain('{{folder}}');
    }
  });
});
