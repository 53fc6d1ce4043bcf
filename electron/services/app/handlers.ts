import type { HandlersFor } from '../../ipc/dispatcher';
import { INTENDED_USE } from '../intendedUse';
import type { StorageHealth } from '../storageHealth';

export function createAppHandlers(
  info: { version: string; transport: 'electron' | 'web-host'; startedAt: number },
  health: StorageHealth,
): HandlersFor<'app.info' | 'app.health'> {
  return {
    'app.info': () => ({ ...info, intendedUse: INTENDED_USE }),
    'app.health': () => health.status(),
  };
}
