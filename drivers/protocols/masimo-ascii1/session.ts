/** Masimo ASCII 1 is output only: nothing to send, the session just decodes and reports whether lines arrive. */
import type { DecodeOutput, ProtocolSession } from '../../protocol';
import { emptyOutput } from '../../protocol';
import { MasimoDecoder } from './decoder';

/** The device sends one line a second; after this much silence the link shows "no data". */
const SILENCE_MS = 5000;

export function createMasimoSession(): ProtocolSession {
  const decoder = new MasimoDecoder();
  let lastFrame: number | undefined;
  let now = 0;
  return {
    start(t) {
      now = t;
      return [];
    },
    receive(chunk, t): DecodeOutput {
      now = t;
      try {
        const out = decoder.receive(chunk);
        if (out.frames > 0) lastFrame = t;
        return out;
      } catch (e) {
        // Defensive: the decoder is written not to throw; a bug must not take the link down.
        const out = emptyOutput();
        out.rejected.push({ reason: 'decoderError', detail: String(e) });
        return out;
      }
    },
    tick(t) {
      now = t;
      return [];
    },
    phase() {
      if (lastFrame === undefined) return 'waitingForData';
      return now - lastFrame > SILENCE_MS ? 'noData' : 'receiving';
    },
  };
}
