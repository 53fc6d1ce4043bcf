/**
 * Texts of the physician's worklist and of what a role sees instead of a form it may not use (issue 12 item 4),
 * German first. Spread into renderer/i18n/de.ts and en.ts.
 */
export const worklistTextsDe = {
  worklist: {
    nav: 'Arbeitsliste',
    title: 'Arbeitsliste',
    intro: 'Was auf Sie wartet: überfällige Unterschriften zuerst, dann Freigaben und Verordnungen.',
    empty: 'Nichts wartet auf Sie.',
    overdueRule: 'Überfällig: Unterschrift länger als {{hours}} h offen (Quelle: {{source}})',
    awaiting: { prescription: 'Verordnung', release: 'Freigabe', signature: 'Unterschrift' },
    overdue: 'überfällig',
    since: 'seit {{time}}',
    patient: 'Patient/in',
    session: 'Sitzung {{number}}',
    chair: 'Platz',
    what: 'Wartet auf',
    open: 'Öffnen',
    sign: 'Unterschreiben',
    requestsTitle: 'Anforderungen des PVS ohne Zyklus',
    requestWaiting: 'PVS {{pvs}}, {{type}} vom {{date}}: Anforderung ohne Zyklus; die Sitzung wird geplant, sobald der Zyklus angelegt ist',
  },
  pending: {
    prescription: 'Verordnung ausstehend – durch Ärztin/Arzt',
    release: 'Ärztliche Freigabe ausstehend',
    signature: 'Unterschrift ausstehend – durch Ärztin/Arzt',
    course: 'Neue Behandlungszyklen legt die Ärztin / der Arzt an.',
    rateByPhysician: 'Rate und Bolus ordnet die Ärztin / der Arzt an.',
    finished: 'Zuletzt auf diesem Platz: {{name}}',
  },
} as const;

export const worklistTextsEn = {
  worklist: {
    nav: 'Worklist',
    title: 'Worklist',
    intro: 'What waits for you: overdue signatures first, then releases and prescriptions.',
    empty: 'Nothing waits for you.',
    overdueRule: 'Overdue: signature open for more than {{hours}} h (source: {{source}})',
    awaiting: { prescription: 'Prescription', release: 'Release', signature: 'Signature' },
    overdue: 'overdue',
    since: 'since {{time}}',
    patient: 'Patient',
    session: 'Session {{number}}',
    chair: 'Chair',
    what: 'Waiting for',
    open: 'Open',
    sign: 'Sign',
    requestsTitle: 'Requests from the PMS without a course',
    requestWaiting: 'PMS {{pvs}}, {{type}} of {{date}}: request without a course – create the course, then the session is planned',
  },
  pending: {
    prescription: 'Prescription pending – by the physician',
    release: 'Physician release pending',
    signature: 'Signature pending – by the physician',
    course: 'New courses are created by the physician.',
    rateByPhysician: 'Rate and bolus are ordered by the physician.',
    finished: 'Last on this chair: {{name}}',
  },
} as const;
