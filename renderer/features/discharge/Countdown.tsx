/** The post-infusion observation time, counting down large on screen. */
import { useTranslation } from 'react-i18next';
import { duration, hhmm } from '../../format';

export function Countdown({ endsAt, minutes, now }: { endsAt: number; minutes: number; now: number }) {
  const { t } = useTranslation();
  const left = endsAt - now;
  return (
    <div className={left > 0 ? 'countdown' : 'countdown countdown--over'} data-testid="countdown" role="timer">
      {left > 0 ? (
        <>
          <span className="countdown__label">{t('discharge.countdown')}</span>
          <span className="countdown__value" data-testid="countdown-value">
            {duration(left)}
          </span>
          <span className="countdown__sub">{t('discharge.endsAt', { time: hhmm(endsAt), min: minutes })}</span>
        </>
      ) : (
        <span className="countdown__label">✓ {t('discharge.countdownOver', { min: minutes })}</span>
      )}
    </div>
  );
}
