/** An app with something on every screen: a signed session of a patient's course and a running infusion on chair 1. */
import { ok, runSession, startInfusion } from '../session/runThrough';
import { startTestApp, TEST_USERS, type TestApp } from '../helpers/appHarness';

export async function startRecordedApp(familyName: string): Promise<TestApp> {
  const app = await startTestApp({ simulate: 'always', widenSettingRangesForTests: { postInfusionObservationMin: { min: 0 } } });
  const mfa = await app.login('mfa');
  const physician = await app.login('physician');
  await ok(physician, 'clinicSettings.set', { key: 'postInfusionObservationMin', value: 0, reason: 'Testpraxis' });
  const patient = await ok(mfa, 'patients.create', { familyName, givenName: 'Jörg', birthDate: '1966-06-06' });
  const course = await ok(physician, 'courses.create', { patientId: patient.id, kind: 'weekly', plannedInfusions: 3, indication: 'crps', priorFailedTherapies: [{ therapy: 'Gabapentin' }] });
  const signed = await runSession({ mfa, physician }, course.id, 2, 7, 3);
  await ok(physician, 'sessions.sign', { sessionId: signed, password: TEST_USERS.physician.password });
  await startInfusion({ mfa, physician }, 1, 'Laufend');
  return app;
}
