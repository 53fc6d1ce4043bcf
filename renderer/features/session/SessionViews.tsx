/** Issue 5's screens behind one case of the view outlet: patients, patient, course, session, review. */
import type { View } from '../../stores/navStore';
import { CourseScreen } from '../course/CourseScreen';
import { PatientScreen } from '../patients/PatientScreen';
import { PatientsScreen } from '../patients/PatientsScreen';
import { ReviewScreen } from '../review/ReviewScreen';
import { SessionScreen } from './SessionScreen';

export type SessionView = Extract<View, { name: 'patients' | 'patient' | 'course' | 'session' | 'review' }>;

export function SessionViews({ view }: { view: SessionView }) {
  switch (view.name) {
    case 'patients':
      return <PatientsScreen />;
    case 'patient':
      return <PatientScreen key={view.patientId} patientId={view.patientId} />;
    case 'course':
      return <CourseScreen key={view.courseId} courseId={view.courseId} />;
    case 'session':
      return <SessionScreen key={view.sessionId} sessionId={view.sessionId} />;
    case 'review':
      return <ReviewScreen key={view.sessionId} sessionId={view.sessionId} toSign={view.sign === true} toDocuments={view.documents === true} />;
  }
}
