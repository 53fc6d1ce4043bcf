/**
 * The one contract between main and renderer. Every call and event is declared once, with its schemas and who may
 * make it; the Electron bridge and the WebSocket host are two transports of it, and both validate against it.
 * To add a call: declare it in core/api/methods/<feature>.ts, list the table here, implement it in
 * electron/services/<feature>/handlers.ts, and call it from the renderer through the typed client.
 */
import { z } from 'zod';
import { alarmsEvents, alarmsMethods } from './methods/alarms';
import { alarmSelfTestEvents, alarmSelfTestMethods } from './methods/alarmSelfTest';
import { appEvents, appMethods } from './methods/app';
import { backupsEvents, backupsMethods } from './methods/backups';
import { devicesMethods } from './methods/devices';
import { doseRecordMethods } from './methods/doseRecord';
import { gdtEvents, gdtMethods } from './methods/gdt';
import { documentsMethods } from './methods/documents';
import { authEvents, authMethods } from './methods/auth';
import { sessionEvents, sessionMethods } from './methods/session';
import { settingsEvents, settingsMethods } from './methods/settings';
import { vitalsEvents, vitalsMethods } from './methods/vitals';
import { worklistMethods } from './methods/worklist';
import { Id, LinkStatus } from './schemas';

export const methods = {
  ...appMethods,
  ...authMethods,
  ...vitalsMethods,
  ...devicesMethods,
  ...sessionMethods,
  ...doseRecordMethods,
  ...settingsMethods,
  ...alarmsMethods,
  ...alarmSelfTestMethods,
  ...gdtMethods,
  ...documentsMethods,
  ...worklistMethods,
  ...backupsMethods,
} as const;

export const events = {
  ...appEvents,
  ...authEvents,
  ...vitalsEvents,
  ...sessionEvents,
  ...settingsEvents,
  ...alarmsEvents,
  ...alarmSelfTestEvents,
  ...gdtEvents,
  ...backupsEvents,
  'link.status': z.object({ chairId: Id, status: LinkStatus }),
} as const;

export type MethodName = keyof typeof methods;
export type EventName = keyof typeof events;
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<(typeof methods)[M]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
