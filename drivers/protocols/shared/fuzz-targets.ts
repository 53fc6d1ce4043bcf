/** The fuzz target of every protocol in this folder tree, by protocol id (for scripts/fuzz.ts). */
import { bbraunFuzzTarget } from '../bbraun-bcc/fuzz';
import { datexFuzzTarget } from '../datex-s5/fuzz';
import { masimoFuzzTarget } from '../masimo-ascii1/fuzz';
import { nonin2FuzzTarget, nonin8FuzzTarget } from '../nonin/fuzz';
import { philipsFuzzTarget } from '../philips-mib/fuzz';
import type { FuzzTarget } from './fuzz';

export const FUZZ_TARGETS: readonly FuzzTarget[] = [datexFuzzTarget, philipsFuzzTarget, masimoFuzzTarget, nonin2FuzzTarget, nonin8FuzzTarget, bbraunFuzzTarget];
