/** Sources of settings and limits in words: kind, section and literature, never the developer's note. */
import { describe, expect, it } from 'vitest';
import { citedSourceText, patientOverrideSource, sourceText } from '../../core/clinic/sourceText';

describe('sourceText', () => {
  it('names the kind of source, the section and the literature', () => {
    expect(sourceText('clinical-requirements §2.2 [E] (S45)', 'de')).toBe('Vorschlag, von der Klinik festzulegen · Anforderungen Abschnitt 2.2 · Literatur 45');
    expect(sourceText('§1.2 [G] Cohen bolus ≤ 0.35 mg/kg racemic ÷ 2 (§2.1) [D]; 0 = no bolus', 'en')).toBe(
      'guideline or drug label · derived from it (physician to approve) · requirements section 1.2, 2.1',
    );
  });

  it('keeps the law out of the sections and calls a source without a reference technical', () => {
    expect(sourceText('§5.4 [U]: GOÄ § 5 Abs. 2 Gebührenrahmen 1,0–3,5', 'de')).toBe('Praxisvorgabe · Anforderungen Abschnitt 5.4');
    expect(sourceText('engineering: beyond 20 % a wrongly set pump would not alarm', 'de')).toBe('technische Vorgabe');
    expect(sourceText('clinic setting (default: clinical-requirements §4.1 [E])', 'de')).toBe('von der Klinik geändert');
  });

  it('says who set a patient limit, why, and the clinic value, in the language', () => {
    expect(sourceText(patientOverrideSource('Dr. Meier', 'COPD: habitually 88 %', 94), 'de')).toBe(
      'patientenbezogen von Dr. Meier: COPD: habitually 88 % (Klinikwert 94)',
    );
    expect(sourceText(patientOverrideSource('Dr. Meier', 'low baseline', 0.5), 'de')).toContain('(Klinikwert 0,5)');
    expect(sourceText(patientOverrideSource('Dr. Meier', 'new limit', null), 'en')).toBe('for this patient by Dr. Meier: new limit (clinic value none)');
  });

  it('says who changed a setting and why', () => {
    const changed = 'changed by Alex Admin: USB-Platte im Serverschrank (default: engineering: a folder outside the data folder)';
    expect(sourceText(changed, 'de')).toBe('geändert von Alex Admin: USB-Platte im Serverschrank');
    expect(sourceText(changed, 'en')).toBe('changed by Alex Admin: USB-Platte im Serverschrank');
  });
});

describe('citedSourceText (documents that leave the clinic)', () => {
  it("names the kind of source and what a reader can look up, once, without the clinic's own sections", () => {
    const rule = 'clinical-requirements §1.8 [G] (Farrar 2001, S32), §3.1, clinical-requirements §1.8 [G] (Farrar 2001, S32), §3.1';
    expect(citedSourceText(rule, 'de')).toBe('Leitlinie oder Fachinformation · Farrar 2001');
    expect(citedSourceText(rule, 'en')).toBe('guideline or drug label · Farrar 2001');
    expect(citedSourceText('§5.4 [U] GOÄ § 5 Abs. 2 Regelspanne (above 2.3 needs a written reason)', 'de')).toBe('Praxisvorgabe · GOÄ § 5 Abs. 2');
    expect(citedSourceText('Cohen et al. 2018 (RAPM) [G]', 'de')).toBe('Leitlinie oder Fachinformation · Cohen et al. 2018');
  });

  it('falls back to the words of sourceText where nothing can be cited', () => {
    expect(citedSourceText('clinical-requirements §2.2 [E] (S45)', 'de')).toBe(sourceText('clinical-requirements §2.2 [E] (S45)', 'de'));
    expect(citedSourceText('', 'de')).toBe('technische Vorgabe');
  });
});
