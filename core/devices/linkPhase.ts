/**
 * Where a device conversation stands, as a closed list of codes: the drivers report a code, the screen says it in
 * the user's language (renderer/i18n `link.phase.*`), so no English driver words reach a German screen.
 */
import { z } from 'zod';

export const LINK_PHASES = [
  /** The port is open, nothing sent yet. */
  'notStarted',
  // Oximeters that just talk (Masimo ASCII 1, Nonin).
  'waitingForData',
  'receiving',
  'noData',
  // GE/Datex S/5: displayed values on request.
  'displayDataRequested',
  'receivingDisplayedValues',
  // Philips MIB/RS232: association, then the device description (MDS), then polling.
  'waitingForAssociation',
  'reassociating',
  'waitingForMds',
  'associated',
  // B. Braun BCC via the SpaceCom ComDevice.
  'waitingForComDevice',
  'comDeviceConnected',
  'comDeviceNoAnswer',
] as const;

export const LinkPhaseSchema = z.enum(LINK_PHASES);
export type LinkPhase = z.infer<typeof LinkPhaseSchema>;
