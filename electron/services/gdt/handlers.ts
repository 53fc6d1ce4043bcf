/** The GDT calls: partner settings (admin), exchanged files, open PVS requests, sending a result again. */
import { AppError } from '../../../core/api/envelope';
import { problem } from '../../../core/messages';
import type { DbClient } from '../../../db/client';
import type { GdtPartner } from '../../../db/repos/gdt';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { GdtLink } from './gdtLink';

export type GdtMethods = 'gdt.partners' | 'gdt.savePartner' | 'gdt.files' | 'gdt.requests' | 'gdt.unsent' | 'gdt.sent' | 'gdt.sendResult';

export function createGdtHandlers(db: DbClient, link: GdtLink, now: () => number = Date.now): HandlersFor<GdtMethods> {
  const view = (p: GdtPartner) => {
    const { updatedBy: _by, ...rest } = p;
    return { ...rest, link: link.state(p.id) };
  };
  return {
    'gdt.partners': async () => (await db.call('listGdtPartners')).map(view),
    'gdt.savePartner': async ({ id, ...settings }, ctx) => {
      if (settings.pvsShortId === settings.ownShortId) {
        throw new AppError('BAD_INPUT', 'the two short GDT ids must differ: they make the file names of both directions', [
          problem('gdt.shortIdsEqual'),
        ]);
      }
      if (id !== undefined && !(await db.call('getGdtPartner', id))) throw new AppError('NOT_FOUND', `there is no GDT partner ${id}`);
      const saved = await db.call('saveGdtPartner', { userId: userOf(ctx).id, at: now() }, id ?? null, settings);
      await link.restart(saved);
      return view(saved);
    },
    'gdt.files': ({ partnerId, limit }) => db.call('listGdtFiles', partnerId ?? null, limit),
    'gdt.requests': () => db.call('openGdtRequests'),
    'gdt.unsent': () => db.call('unsentGdtResults'),
    'gdt.sent': (owner) => db.call('sentToPvs', owner),
    'gdt.sendResult': async ({ sessionId, pdf }) => {
      const b = await db.call('sessionBundle', sessionId);
      if (!b) throw new AppError('NOT_FOUND', `there is no session ${sessionId}`);
      if (!b.session.signed) throw new AppError('REFUSED', 'only a signed session is sent to the PVS', [problem('gdt.sessionNotSigned')]);
      return link.writeResult6310(sessionId, pdf);
    },
  };
}
