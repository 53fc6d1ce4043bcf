import type { z } from 'zod';
import type { Access } from '../auth/roles';

/** One call of the contract: who may make it, what it takes, what it returns. */
export interface MethodSpec {
  access: Access;
  input: z.ZodType;
  output: z.ZodType;
}

/** Declares a feature's calls with their exact types kept (use: `export const fooMethods = methodTable({...})`). */
export function methodTable<T extends Record<string, MethodSpec>>(table: T): T {
  return table;
}
