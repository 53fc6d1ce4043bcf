/** Who is logged in, and the buttons to lock the station or log out. */
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/ApiContext';
import { useAuth } from '../../stores/authStore';

export function UserMenu() {
  const { t } = useTranslation();
  const api = useApi();
  const { status, set } = useAuth();
  const user = status?.user;
  if (!user) return null;
  const after = () => api.call('auth.status', {}).then(set);
  return (
    <div className="user-menu">
      <span data-testid="current-user" className="user-menu__name">
        {user.displayName} · {t(`roles.${user.role}`)}
      </span>
      <button className="tab" onClick={() => void api.call('auth.lock', {}).finally(after)} data-testid="lock">
        {t('auth.lock')}
      </button>
      <button className="tab" onClick={() => void api.call('auth.logout', {}).finally(after)}>
        {t('auth.logout')}
      </button>
    </div>
  );
}
