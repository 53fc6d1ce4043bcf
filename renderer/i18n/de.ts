/** German is the clinic's language and the default. Every key here must exist in en.ts too (a test checks). */
import { documentTextsDe } from '../features/documents/texts';
import { alarmTextsDe } from '../features/alarms/texts';
import { roundTextsDe } from '../features/session/roundTexts';
import { sessionTextsDe } from '../features/session/texts';
import { gdtTextsDe } from '../features/gdt/texts';
import { backupTextsDe } from '../features/backup/texts';
import { dateTextsDe } from '../components/dateTexts';
import { setupTextsDe } from '../features/setup/texts';
import { deviceTextsDe } from '../features/setup/deviceTexts';
import { userTextsDe } from '../features/users/texts';
import { worklistTextsDe } from '../features/worklist/texts';
import { settingsTextsDe } from '../features/settings/texts';
import type { LinkPhase } from '../../core/devices/linkPhase';

export const de = {
  app: {
    title: 'Infusionsüberwachung',
    intendedUse:
      'Nur Dokumentation und Zweitalarme. Primäres Alarmsystem bleibt der Patientenmonitor am Platz – seine Alarme müssen eingeschaltet und hörbar bleiben.',
    simulation: 'SIMULATION – keine Patientendaten',
    connectionLost: 'Verbindung zur Anwendung unterbrochen – Werte werden nicht aktualisiert',
    storageError: 'SPEICHERFEHLER: {{what}} werden nicht gespeichert ({{error}}). Sie bleiben im Arbeitsspeicher und werden erneut geschrieben – bitte sofort die Technik informieren.',
    storage: { vitals: 'Vitalwerte', alarmLog: 'Alarmprotokoll-Einträge', chairEvents: 'Verbindungs- und Pumpenereignisse', database: 'Alle Einträge (die Datenbankdatei ist beschädigt)' },
    storageQueued: 'Im Arbeitsspeicher wartend: {{count}}',
    language: 'Sprache',
  },
  auth: {
    loginTitle: 'Anmelden',
    username: 'Benutzername',
    password: 'Passwort',
    passwordNew: 'Passwort (mindestens 10 Zeichen)',
    pin: 'PIN',
    pinOptional: 'PIN zum Entsperren (4–8 Ziffern, optional)',
    displayName: 'Name',
    login: 'Anmelden',
    logout: 'Abmelden',
    lock: 'Sperren',
    unlock: 'Entsperren',
    switchUser: 'Anderer Benutzer',
    lockedTitle: 'Arbeitsplatz gesperrt',
    lockedBy: 'Gesperrt für {{name}}. Mit PIN entsperren oder als anderer Benutzer anmelden.',
    setupTitle: 'Ersteinrichtung: Administrator anlegen',
    setupHint: 'Noch kein Konto vorhanden. Der Administrator legt danach die Konten für MFA und Ärztinnen/Ärzte an.',
    createAdmin: 'Administrator anlegen',
    auditOk: 'Protokoll ✓',
    auditOkTitle: 'Änderungsprotokoll unverändert ({{count}} Einträge geprüft)',
    auditBroken: 'Protokoll verletzt: {{problem}}',
  },
  roles: {
    mfa: 'MFA',
    physician: 'Ärztin/Arzt',
    admin: 'Administration',
  },
  users: {
    title: 'Benutzer',
    role: 'Rolle',
    status: 'Status',
    active: 'aktiv',
    inactive: 'deaktiviert',
    activate: 'Aktivieren',
    deactivate: 'Deaktivieren',
    create: 'Benutzer anlegen',
  },
  params: {
    hr: 'HF',
    pulseRate: 'PF',
    spo2: 'SpO₂',
    nibp: 'NIBD',
    nibpSys: 'NIBD sys',
    nibpDia: 'NIBD dia',
    nibpMean: 'NIBD MAD',
    respRate: 'AF',
    etco2: 'etCO₂',
    temp: 'Temp',
    pumpRate: 'Pumpe',
    pumpVolume: 'Volumen',
  },
  vitals: {
    noData: 'KEINE DATEN',
    noDataSince: 'Keine Daten vom Monitor seit {{seconds}} s',
    noDataYet: 'Noch keine Daten vom Monitor',
    ageSeconds: 'vor {{count}} s',
    ageMinutes: 'vor {{count}} min',
    invalid: 'ungültig',
    unavailable: 'nicht verfügbar',
    sensorOff: 'Sensor ab',
    questionable: 'fraglich',
    demo: 'Demo-Daten',
    trend: 'Verlauf',
    trendEmpty: 'Noch kein Verlauf',
  },
  link: {
    stopped: 'Kein Gerät',
    connecting: 'Verbinde …',
    associating: 'Verbindungsaufbau',
    receiving: 'Daten kommen',
    silent: 'Stumm seit {{time}}',
    error: 'Fehler: {{reason}}',
    rejected: '{{count}} Telegramme verworfen',
    simulated: 'Simulierter Monitor',
    // Where the device conversation stands (core/devices/linkPhase.ts), shown on the device setup screen.
    phase: {
      notStarted: 'noch nicht begonnen',
      waitingForData: 'warte auf Daten',
      receiving: 'Daten kommen',
      noData: 'keine Daten',
      displayDataRequested: 'Anzeigewerte angefordert',
      receivingDisplayedValues: 'Anzeigewerte kommen',
      waitingForAssociation: 'warte auf Anmeldung beim Monitor',
      reassociating: 'Anmeldung verloren, melde neu an',
      waitingForMds: 'angemeldet, warte auf die Gerätebeschreibung',
      associated: 'angemeldet',
      waitingForComDevice: 'warte auf das ComDevice',
      comDeviceConnected: 'mit dem ComDevice verbunden',
      comDeviceNoAnswer: 'ComDevice antwortet nicht, neuer Versuch',
    } satisfies Record<LinkPhase, string>,
  },
  // Issue 5 screens: patient, course, session, checklist, escort, infusion, obs, discharge, review
  ...sessionTextsDe,
  ...roundTextsDe,
  ...documentTextsDe,
  // Issue 4: device setup and the pump rate
  ...setupTextsDe,
  ...deviceTextsDe,
  ...settingsTextsDe,
  // Issue 6: alarm bar, alarm log, overview
  ...alarmTextsDe,
  // Issue 14: the PVS link (GDT)
  ...gdtTextsDe,
  // Issue 12: the physician's worklist, what a role sees instead of a form, user administration
  ...worklistTextsDe,
  ...userTextsDe,
  ...backupTextsDe,
  ...dateTextsDe,
} as const;
