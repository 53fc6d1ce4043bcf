/**
 * Texts of issue 12's day at the chair: the observation round, the guarded stop, field errors in words, the
 * earliest due item. German first; spread into renderer/i18n/de.ts and en.ts (the i18n test checks both).
 */
export const roundTextsDe = {
  round: {
    title: 'Beobachtungsrunde',
    help: 'Ziffern tippen, der Cursor springt weiter; Eingabetaste speichert die Runde.',
    pain: 'NRS',
    dissociation: 'Dissoziation',
    nausea: 'Übelkeit',
    bloodPressure: 'Blutdruck',
    systolic: 'systolisch',
    diastolic: 'diastolisch',
    fromMonitor: 'vom Monitor,',
    save: 'Runde speichern',
    saved: 'Runde gespeichert: {{count}} Einträge',
    notSaved: 'Nichts gespeichert – bitte die markierten Einträge korrigieren:',
    badScore: '„{{text}}“ ist kein Wert dieser Skala (erlaubt {{range}})',
    badNumber: '„{{text}}“ ist keine Zahl – nur Ziffern',
    bothPressures: 'Systolisch und diastolisch zusammen eintragen',
  },
  stop: {
    ask: 'Infusion beenden …',
    confirmTitle: 'Infusion wirklich beenden?',
    confirmText: 'Das Beenden kann nicht rückgängig gemacht werden. Danach beginnt die Nachbeobachtung.',
    confirm: 'Ja, Infusion beenden',
    keep: 'Nein, weiterlaufen lassen',
  },
  fieldError: {
    notNumber: '„{{text}}“ ist keine Zahl – bitte nur Ziffern und Komma eingeben',
  },
  tile: {
    finished: 'Sitzung {{status}} {{time}} – Platz nicht überwacht, keine Live-Werte',
  },
  due: {
    next: '{{kind}} in {{time}}',
    over: '{{kind}} fällig seit {{time}}',
    none: 'Nichts mehr fällig',
    kind: { bloodPressure: 'Blutdruck', pain: 'NRS', sedation: 'Sedierung', dissociation: 'Dissoziation', nausea: 'Übelkeit' },
  },
} as const;

export const roundTextsEn: Widen<typeof roundTextsDe> = {
  round: {
    title: 'Observation round',
    help: 'Type digits, the cursor moves on; Enter saves the round.',
    pain: 'NRS',
    dissociation: 'Dissociation',
    nausea: 'Nausea',
    bloodPressure: 'Blood pressure',
    systolic: 'systolic',
    diastolic: 'diastolic',
    fromMonitor: 'from the monitor,',
    save: 'Save round',
    saved: 'Round saved: {{count}} entries',
    notSaved: 'Nothing saved – please correct the marked entries:',
    badScore: '“{{text}}” is not a value of this scale (allowed {{range}})',
    badNumber: '“{{text}}” is not a number – digits only',
    bothPressures: 'Enter systolic and diastolic together',
  },
  stop: {
    ask: 'Stop infusion …',
    confirmTitle: 'Really stop the infusion?',
    confirmText: 'Stopping cannot be undone. The post-infusion observation starts.',
    confirm: 'Yes, stop the infusion',
    keep: 'No, keep it running',
  },
  fieldError: {
    notNumber: '“{{text}}” is not a number – please type digits and a decimal point only',
  },
  tile: {
    finished: 'Session {{status}} {{time}} – chair not monitored, no live values',
  },
  due: {
    next: '{{kind}} in {{time}}',
    over: '{{kind}} due for {{time}}',
    none: 'Nothing due any more',
    kind: { bloodPressure: 'BP', pain: 'NRS', sedation: 'Sedation', dissociation: 'Dissociation', nausea: 'Nausea' },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
