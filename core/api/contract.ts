/**
 * The one contract between main and renderer. Every call and event is declared here once, with its schemas;
 * the Electron bridge and the WebSocket host are two transports of it, and both validate against it.
 * Add a call here, implement it in electron/services, call it from the renderer through the typed client.
 */
import { z } from 'zod';
import { AppInfo, Chair, EpochMs, Id, LinkStatus, StoredReading, TrendSeries, VitalParameterSchema } from './schemas';

export const methods = {
  'app.info': {
    input: z.strictObject({}),
    output: AppInfo,
  },
  'chairs.list': {
    input: z.strictObject({}),
    output: z.array(Chair),
  },
  'vitals.latest': {
    input: z.strictObject({ chairId: Id }),
    output: z.array(StoredReading),
  },
  'vitals.trend': {
    input: z
      .strictObject({ chairId: Id, from: EpochMs, to: EpochMs, parameters: z.array(VitalParameterSchema).max(16).optional() })
      .refine((r) => r.to >= r.from, { message: '"to" must not be before "from"' })
      .refine((r) => r.to - r.from <= 24 * 3600_000, { message: 'a trend covers at most 24 h' }),
    output: z.array(TrendSeries),
  },
} as const;

export const events = {
  'vitals.readings': z.object({ chairId: Id, readings: z.array(StoredReading) }),
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
