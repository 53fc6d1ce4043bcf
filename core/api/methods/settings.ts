/**
 * Clinic settings beyond the session table's list/set: the change history for the settings screen, and the event
 * that tells every screen and the alarm service that a value changed.
 */
import { z } from 'zod';
import { methodTable } from '../methodSpec';
import { ClinicSettingChangeRow } from './sessionSchemas';

export const settingsMethods = methodTable({
  'clinicSettings.history': { access: 'anyUser', input: z.strictObject({}), output: z.array(ClinicSettingChangeRow) },
});

export const settingsEvents = {
  /** A physician changed a clinic setting: screens reload the settings; the alarm service its clinic-wide limits. */
  'clinicSettings.changed': z.object({ key: z.string() }),
};
