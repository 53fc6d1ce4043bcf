import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { AppInfo } from '../schemas';

export const appMethods = methodTable({
  'app.info': { access: 'public', input: z.strictObject({}), output: AppInfo },
});
