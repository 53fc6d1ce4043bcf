import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../core/session/stateMachine';

export function StatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status status--${status}`} data-testid="session-status">
      {t(`sessionStatus.${status}`)}
    </span>
  );
}
