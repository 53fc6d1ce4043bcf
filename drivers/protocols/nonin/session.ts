/**
 * Nonin session: asks the oximeter for the configured format once on open (9560 command; other models ignore it),
 * swallows the ACK/NAK answer, then only decodes.
 */
import { emptyOutput, type DecodeOutput, type ProtocolSession } from '../../protocol';
import { ACK, NAK, selectFormatCommand } from './common';
import { NoninFormat2Decoder } from './format2';
import { NoninFormat8Decoder } from './format8';

const SILENCE_MS = 5000;

export function createNoninSession(format: 2 | 8): ProtocolSession {
  const decoder = format === 2 ? new NoninFormat2Decoder() : new NoninFormat8Decoder();
  let awaitingAck = false;
  let lastFrame: number | undefined;
  let now = 0;
  return {
    start(t) {
      now = t;
      awaitingAck = true;
      return [selectFormatCommand(format)];
    },
    receive(chunk, t): DecodeOutput {
      now = t;
      const pre = emptyOutput();
      let data = chunk;
      if (awaitingAck && data.length > 0) {
        awaitingAck = false;
        // Only the very first byte after the command can be its answer; later 06/15 bytes are data.
        if (data[0] === ACK || data[0] === NAK) {
          pre.notices.push(
            data[0] === ACK
              ? { code: 'oximeter.formatSelected', text: `format #${format} selected`, args: { format } }
              : { code: 'oximeter.formatRefused', text: `format #${format} refused by device`, args: { format } },
          );
          data = data.subarray(1);
        }
      }
      try {
        const out = decoder.receive(data);
        out.notices.unshift(...pre.notices);
        if (out.frames > 0) lastFrame = t;
        return out;
      } catch (e) {
        pre.rejected.push({ reason: 'decoderError', detail: String(e) });
        return pre;
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
