/**
 * The prescription step as each role sees it (issue 12 item 4): the physician the form; the MFA what is pending or
 * who prescribed (the prescription itself shows in the infusion panel), never a form the API would refuse her.
 */
import { useTranslation } from 'react-i18next';
import { hhmm } from '../../format';
import { useMay } from '../auth/useMay';
import { PrescriptionForm } from './PrescriptionForm';
import type { SessionHandle } from './useSession';

export function PrescriptionStep({ handle }: { handle: SessionHandle }) {
  const { t } = useTranslation();
  const mayPrescribe = useMay('prescriptions.prescribe');
  if (mayPrescribe) return <PrescriptionForm handle={handle} />;
  const rx = handle.detail!.prescription;
  return (
    <p className="panel muted" data-testid="prescription-pending">
      {rx ? t('infusion.prescribedBy', { name: rx.prescribed.userName, time: hhmm(rx.prescribed.at) }) : t('pending.prescription')}
    </p>
  );
}
