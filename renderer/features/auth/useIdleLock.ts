/** Locks the station after the clinic's idle time without a touch, click or key. */
import { useEffect } from 'react';
import { AUTO_LOCK_AFTER } from '../../../core/auth/autoLock';

export function useIdleLock(active: boolean, lock: () => void, idleMs = AUTO_LOCK_AFTER.value): void {
  useEffect(() => {
    if (!active) return;
    let timer = setTimeout(lock, idleMs);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, idleMs);
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, reset, { passive: true }));
    return () => {
      clearTimeout(timer);
      events.forEach((e) => window.removeEventListener(e, reset));
    };
  }, [active, lock, idleMs]);
}
