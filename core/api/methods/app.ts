import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { AppInfo } from '../schemas';

/** What the app keeps writing in order and in memory until the disk takes it. */
export const StorageSource = z.enum(['vitals', 'alarmLog', 'chairEvents', 'database']);
export type StorageSource = z.infer<typeof StorageSource>;

export const AppHealth = z.object({
  /** Records that could not be written (kept in memory and retried); empty when all is well. */
  storageErrors: z.array(z.object({ source: StorageSource, error: z.string() })),
  /** How many records of each failing source still wait in memory; red until they are all written. */
  queued: z.array(z.object({ source: StorageSource, count: z.number().int().nonnegative() })),
});
export type AppHealth = z.infer<typeof AppHealth>;

export const appMethods = methodTable({
  'app.info': { access: 'public', input: z.strictObject({}), output: AppInfo },
  'app.health': { access: 'anyUser', input: z.strictObject({}), output: AppHealth },
});

export const appEvents = {
  'app.health': AppHealth,
};
