import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { AppInfo } from '../schemas';

export const AppHealth = z.object({
  /** Records that could not be written (kept in memory and retried); empty when all is well. */
  storageErrors: z.array(z.object({ source: z.enum(['vitals', 'alarmLog']), error: z.string() })),
});

export const appMethods = methodTable({
  'app.info': { access: 'public', input: z.strictObject({}), output: AppInfo },
  'app.health': { access: 'anyUser', input: z.strictObject({}), output: AppHealth },
});

export const appEvents = {
  'app.health': AppHealth,
};
