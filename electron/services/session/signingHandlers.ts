/**
 * Sign-off and amendments (issue 5, issue 9): the physician signs with the password again, after the chair's buffered
 * vitals and alarms are written (the signature's content hash covers them); corrections of a signed record are
 * amendments, signed the same way. After a signature the result goes to the PVS (failures shown, never undoing it).
 */
import { AppError } from '../../../core/api/envelope';
import { problem } from '../../../core/messages';
import { userOf, type HandlersFor } from '../../ipc/dispatcher';
import type { SessionCallDeps } from './callDeps';
import { guarded, refused } from './guarded';

export type SigningMethods = 'sessions.sign' | 'sessions.amend';

export interface SigningDeps extends SessionCallDeps {
  verifyPassword: (userId: number, password: string) => Promise<boolean>;
  flushVitals?: ((chairId: number, upTo: number) => Promise<void>) | undefined;
  flushAlarms?: (() => Promise<void>) | undefined;
  onSigned?: ((sessionId: number) => Promise<unknown>) | undefined;
  onAmended?: ((sessionId: number, amendmentId: number) => Promise<unknown>) | undefined;
}

/** The corrected result goes to the PVS after an amendment; its failure is stored and shown there, never undoing the amendment. */
export function announceAmendment(onAmended: SigningDeps['onAmended'], sessionId: number, amendmentId: number): void {
  onAmended?.(sessionId, amendmentId).catch((err: Error) => console.error(`the corrected result of session ${sessionId} was not sent to the PVS: ${err.message}`));
}

export function createSigningHandlers(deps: SigningDeps): HandlersFor<SigningMethods> {
  const { db, actorOf, bundleOf, notSigned, changed } = deps;
  return {
    'sessions.sign': async ({ sessionId, password }, ctx) => {
      const user = userOf(ctx);
      const b = await bundleOf(sessionId);
      notSigned(b);
      if (b.session.state !== 'discharged' && b.session.state !== 'cancelled' && b.session.state !== 'transferred') {
        throw refused('only a discharged, transferred or cancelled session can be signed', [problem('session.notFinished', { status: b.session.state })]);
      }
      if (!(await deps.verifyPassword(user.id, password))) {
        throw refused('the password is not correct', [problem('signature.passwordWrong')]);
      }
      // The signature covers the chair's vitals and alarm log: what is still buffered is written first.
      // Refused (STORAGE) while readings of the record's time cannot be written: once signed, the lock would shut them out.
      await deps.flushVitals?.(b.session.chairId, deps.now());
      await deps.flushAlarms?.();
      await guarded(db.call('signSession', actorOf(user), sessionId));
      deps.onSigned?.(sessionId).catch((err: Error) => console.error(`the result of session ${sessionId} was not sent to the PVS: ${err.message}`));
      return changed(sessionId);
    },
    'sessions.amend': async ({ sessionId, target, targetId, correction, reason, password }, ctx) => {
      const user = userOf(ctx);
      const b = await bundleOf(sessionId);
      const rows: Partial<Record<typeof target, number[]>> = {
        observation: b.observations.map((o) => o.id),
        doseEvent: b.doseEvents.map((e) => e.id),
        prescription: b.prescriptions.map((p) => p.id),
      };
      const known = rows[target];
      if (targetId !== undefined && known !== undefined && !known.includes(targetId)) {
        throw new AppError('NOT_FOUND', `session ${sessionId} has no ${target} ${targetId}`);
      }
      const problems = [
        ...(correction.trim() ? [] : [problem('amendment.correctionMissing')]),
        ...(reason.trim() ? [] : [problem('amendment.reasonMissing')]),
      ];
      if (problems.length > 0) throw new AppError('BAD_INPUT', problems.map((p) => p.message).join('; '), problems);
      if (!(await deps.verifyPassword(user.id, password))) {
        throw refused('the password is not correct', [problem('signature.passwordWrong')]);
      }
      const amendmentId = await guarded(
        db.call('amendSession', actorOf(user), sessionId, { target, targetId: targetId ?? null, correction: correction.trim(), reason: reason.trim() }),
      );
      announceAmendment(deps.onAmended, sessionId, amendmentId);
      return changed(sessionId);
    },
  };
}
