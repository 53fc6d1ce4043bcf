/** Pump data (quadruples) → readings and notices. Keeps per-pump state so drug/alarm/bolus notices fire on change. */
import { conditionsLogText, pumpAlarmCondition } from '../../../core/devices/deviceAlarms';
import type { VitalParameter } from '../../../core/vitals';
import type { DecodeOutput } from '../../protocol';
import { pushReading } from '../shared/readings';
import { pumpLabel, pumpPlace, type Quad } from './quads';

const READING_PARAMS: Record<string, VitalParameter> = { INRT: 'pumpRate', INVI: 'pumpVolume' };

const NUMBER = /^-?\d{1,7}(\.\d{1,4})?$/;
/** `_NV` no value, `_NA` not available (BCC 3.36+). */
const NO_VALUE = new Set(['_NV', '_NA']);

interface PumpState {
  drug?: string;
  alarms: Set<string>;
  bolusActive: boolean;
}

export class PumpTracker {
  private pumps = new Map<string, PumpState>();

  /** All quads of one block (one pump, or the ComDevice). */
  apply(quads: readonly Quad[], out: DecodeOutput): void {
    const bolus: { count?: number; volume?: string; rate?: string } = {};
    for (const q of quads) {
      if (q.parameter === 'GNERR') {
        out.notices.push({
          code: 'pump.error',
          text: `${pumpLabel(q.address)}: ComDevice error ${q.value}`,
          args: { pump: pumpPlace(q.address), error: q.value },
        });
        continue;
      }
      if (q.address === '50100') continue; // ComDevice's own replies (GNACK, version)
      const pump = this.pump(q.address);
      const label = pumpLabel(q.address);
      const args = { pump: pumpPlace(q.address) };
      const param = READING_PARAMS[q.parameter];
      if (param) {
        if (NO_VALUE.has(q.value)) pushReading(out, param, null, 'unavailable');
        else if (NUMBER.test(q.value)) pushReading(out, param, Number(q.value), 'valid');
        else out.rejected.push({ reason: 'malformedValue', detail: q.parameter });
        continue;
      }
      switch (q.parameter) {
        case 'GNNEW':
          out.notices.push({ code: 'pump.new', text: `${label}: pump connected`, args });
          break;
        case 'INSOL':
          if (!NO_VALUE.has(q.value) && q.value !== pump.drug) {
            pump.drug = q.value;
            out.notices.push({ code: 'pump.drug', text: `${label}: ${q.value}`, args: { ...args, drug: q.value } });
          }
          break;
        case 'INM2': {
          const active = q.value === '1';
          if (active && !pump.bolusActive) out.notices.push({ code: 'pump.bolus', text: `${label}: bolus running`, args });
          pump.bolusActive = active;
          break;
        }
        case 'INBOCNT':
          if (/^\d+$/.test(q.value)) bolus.count = Number(q.value);
          break;
        case 'INBOVAL':
          bolus.volume = q.value;
          break;
        case 'INBORT':
          bolus.rate = q.value;
          break;
        default:
          if (/^INA\d{1,2}$/.test(q.parameter)) this.alarm(pump, q.address, q.parameter, q.value === '1', out);
      }
    }
    if (bolus.count && bolus.count > 0) {
      const vol = bolus.volume && NUMBER.test(bolus.volume) ? `, last ${bolus.volume} ml` : '';
      const address = quads[0]?.address;
      out.notices.push({
        code: 'pump.bolusCount',
        text: `${address ? pumpLabel(address) : 'pump'}: ${bolus.count} bolus(es) since last read${vol}`,
        args: { pump: address ? pumpPlace(address) : '–', count: bolus.count },
      });
    }
  }

  private alarm(pump: PumpState, address: string, id: string, active: boolean, out: DecodeOutput): void {
    // The alarm by its code (core/devices/deviceAlarms.ts, monitor-protocols §2g), an unnamed one by its number.
    const condition = pumpAlarmCondition(id);
    const text = `${pumpLabel(address)}: ${conditionsLogText([condition], () => `alarm ${id}`)}`;
    const args = { pump: pumpPlace(address), alarm: id, conditions: condition };
    if (active && !pump.alarms.has(id)) {
      pump.alarms.add(id);
      out.notices.push({ code: 'pump.alarm', text, args });
    } else if (!active && pump.alarms.delete(id)) {
      out.notices.push({ code: 'pump.alarmCleared', text, args });
    }
  }

  private pump(address: string): PumpState {
    let p = this.pumps.get(address);
    if (!p) {
      p = { alarms: new Set(), bolusActive: false };
      this.pumps.set(address, p);
    }
    return p;
  }
}
