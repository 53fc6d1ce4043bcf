import { documentTextsEn } from '../features/documents/texts';
import { roundTextsEn } from '../features/session/roundTexts';
import { sessionTextsEn } from '../features/session/textsEn';
import { alarmTextsEn } from '../features/alarms/texts';
import type { Messages } from './messages';
import { gdtTextsEn } from '../features/gdt/texts';
import { backupTextsEn } from '../features/backup/texts';
import { dateTextsEn } from '../components/dateTexts';
import { setupTextsEn } from '../features/setup/texts';
import { deviceTextsEn } from '../features/setup/deviceTexts';
import { userTextsEn } from '../features/users/texts';
import { worklistTextsEn } from '../features/worklist/texts';
import { settingsTextsEn } from '../features/settings/texts';

export const en: Messages = {
  app: {
    title: 'Infusion monitor',
    intendedUse:
      'Documentation and secondary alerts only. The bedside patient monitor remains the primary alarm system – keep its alarms on and audible.',
    simulation: 'SIMULATION – no patient data',
    connectionLost: 'Connection to the app lost – values are not updating',
    storageError: 'STORAGE ERROR: {{what}} are not being saved ({{error}}). They are kept in memory and written again – call technical support now.',
    storage: { vitals: 'Vital signs', alarmLog: 'Alarm log entries', chairEvents: 'Link and pump events', database: 'All records (the database file is damaged)' },
    storageQueued: 'Waiting in memory: {{count}}',
    language: 'Language',
  },
  auth: {
    loginTitle: 'Log in',
    username: 'User name',
    password: 'Password',
    passwordNew: 'Password (at least 10 characters)',
    pin: 'PIN',
    pinOptional: 'PIN to unlock (4–8 digits, optional)',
    displayName: 'Name',
    login: 'Log in',
    logout: 'Log out',
    lock: 'Lock',
    unlock: 'Unlock',
    switchUser: 'Other user',
    lockedTitle: 'Station locked',
    lockedBy: 'Locked for {{name}}. Unlock with the PIN or log in as another user.',
    setupTitle: 'First start: create the administrator',
    setupHint: 'No account exists yet. The administrator then creates the accounts for medical assistants and physicians.',
    createAdmin: 'Create administrator',
    auditOk: 'Audit ✓',
    auditOkTitle: 'Audit trail intact ({{count}} entries checked)',
    auditBroken: 'Audit trail broken: {{problem}}',
  },
  roles: {
    mfa: 'Medical assistant',
    physician: 'Physician',
    admin: 'Administrator',
  },
  users: {
    title: 'Users',
    role: 'Role',
    status: 'Status',
    active: 'active',
    inactive: 'deactivated',
    activate: 'Activate',
    deactivate: 'Deactivate',
    create: 'Create user',
  },
  params: {
    hr: 'HR',
    pulseRate: 'PR',
    spo2: 'SpO₂',
    nibp: 'NIBP',
    nibpSys: 'NIBP sys',
    nibpDia: 'NIBP dia',
    nibpMean: 'NIBP MAP',
    respRate: 'Resp.',
    etco2: 'EtCO₂',
    temp: 'Temp',
    pumpRate: 'Pump',
    pumpVolume: 'Volume',
  },
  vitals: {
    noData: 'NO DATA',
    noDataSince: 'No data from the monitor for {{seconds}} s',
    noDataYet: 'No data from the monitor yet',
    ageSeconds: '{{count}} s ago',
    ageMinutes: '{{count}} min ago',
    invalid: 'invalid',
    unavailable: 'unavailable',
    sensorOff: 'sensor off',
    questionable: 'questionable',
    demo: 'demo data',
    trend: 'Trend',
    trendEmpty: 'No trend yet',
  },
  link: {
    stopped: 'No device',
    connecting: 'Connecting …',
    associating: 'Establishing connection',
    receiving: 'Receiving',
    silent: 'Silent since {{time}}',
    error: 'Error: {{reason}}',
    rejected: '{{count}} frames rejected',
    simulated: 'Simulated monitor',
    phase: {
      notStarted: 'not started',
      waitingForData: 'waiting for data',
      receiving: 'receiving',
      noData: 'no data',
      displayDataRequested: 'displayed values requested',
      receivingDisplayedValues: 'receiving displayed values',
      waitingForAssociation: 'waiting for association with the monitor',
      reassociating: 'association lost, re-associating',
      waitingForMds: 'associated, waiting for the device description',
      associated: 'associated',
      waitingForComDevice: 'waiting for the ComDevice',
      comDeviceConnected: 'ComDevice connected',
      comDeviceNoAnswer: 'no answer from the ComDevice, retrying',
    },
  },
  // Issue 5 screens: patient, course, session, checklist, escort, infusion, obs, discharge, review
  ...sessionTextsEn,
  ...roundTextsEn,
  ...documentTextsEn,
  // Issue 4: device setup and the pump rate
  ...setupTextsEn,
  ...deviceTextsEn,
  ...settingsTextsEn,
  // Issue 6: alarm bar, alarm log, overview
  ...alarmTextsEn,
  // Issue 14: the PVS link (GDT)
  ...gdtTextsEn,
  // Issue 12: the physician's worklist, what a role sees instead of a form, user administration
  ...worklistTextsEn,
  ...userTextsEn,
  ...backupTextsEn,
  ...dateTextsEn,
};
