/** Pieces every record schema uses: bounded text, finite numbers, and who did something when. */
import { z } from 'zod';
import { EpochMs, Id } from '../schemas';

export const Text = (max: number) => z.string().max(max);
export const Finite = z.number().finite();

/** Who did something and when: every write records it. */
export const Stamp = z.object({ userId: Id, userName: z.string(), at: EpochMs });
export type Stamp = z.infer<typeof Stamp>;
