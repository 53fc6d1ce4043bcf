/**
 * A simulated GE/Datex S/5 monitor: waits for a displayed-values request, then sends one basic
 * physiological record every interval, as the real monitor does.
 */
import { DatexFramer, encodeFrame } from '../../protocols/datex-s5/framing';
import { FIELD, GROUP, HEADER_LENGTH, MARKER, NIBP_OLDER_THAN_60S, PHYSDATA_OFFSET, SUBRECORD_LENGTH } from '../../protocols/datex-s5/layout';
import { MIN_INTERVAL_S, parseDisplayRequest } from '../../protocols/datex-s5/request';
import type { SimulatedDevice, VitalsSnapshot } from '../device';

const AMBIENT_PRESSURE = 7600; // 0.1 mmHg: 760 mmHg at sea level
const EXISTS_ACTIVE = 0b11;

export function buildDisplayRecord(snapshot: VitalsSnapshot): Uint8Array {
  const length = HEADER_LENGTH + SUBRECORD_LENGTH;
  const record = new Uint8Array(length);
  const view = new DataView(record.buffer);
  const seconds = Math.floor(snapshot.time / 1000);
  view.setInt16(0, length, true);
  record[3] = 11; // dri_level '15
  view.setUint32(6, seconds, true);
  view.setInt16(14, 0, true);
  view.setInt16(16, 0, true);
  record[18] = 1; // sr_desc[0] = displayed values at offset 0
  record[21] = 0xff;
  const start = HEADER_LENGTH;
  view.setUint32(start, seconds, true);
  const phys = start + PHYSDATA_OFFSET;
  const v = snapshot.values;
  const put = (offset: number, value: number | undefined, scale: number, sensor = false) => {
    const raw = value === undefined || (sensor && snapshot.sensorOff) ? MARKER.invalid : Math.round(value / scale);
    view.setInt16(phys + offset, raw, true);
  };
  const group = (offset: number, present: boolean) => view.setUint32(phys + offset, present ? EXISTS_ACTIVE : 0, true);

  group(GROUP.ecg, v.hr !== undefined);
  put(FIELD.hr, v.hr, 1, true);
  group(GROUP.nibp, v.nibpSys !== undefined);
  const nibpOld = snapshot.nibpMeasuredAt !== undefined && snapshot.time - snapshot.nibpMeasuredAt > 60_000;
  view.setUint16(phys + FIELD.nibpLabel, nibpOld ? NIBP_OLDER_THAN_60S : 0, true);
  put(FIELD.nibpSys, v.nibpSys, 0.01);
  put(FIELD.nibpDia, v.nibpDia, 0.01);
  put(FIELD.nibpMean, v.nibpMean, 0.01);
  group(GROUP.t1, v.temp !== undefined);
  put(FIELD.temp1, v.temp, 0.01);
  group(GROUP.spo2, v.spo2 !== undefined);
  put(FIELD.spo2, v.spo2, 0.01, true);
  put(FIELD.pulseRate, v.pulseRate, 1, true);
  group(GROUP.co2, v.etco2 !== undefined || v.respRate !== undefined);
  view.setInt16(phys + FIELD.ambientPressure, AMBIENT_PRESSURE, true);
  // et is 0.01 % of ambient: mmHg / (ambient mmHg) * 100 %.
  const et = v.etco2 === undefined ? undefined : (v.etco2 / (AMBIENT_PRESSURE / 10)) * 100;
  put(FIELD.etco2, et, 0.01);
  put(FIELD.co2RespRate, v.respRate, 1);
  return record;
}

export function createDatexS5Device(): SimulatedDevice & { requested(): boolean } {
  const framer = new DatexFramer();
  let intervalS = 0;
  return {
    get intervalMs() {
      return Math.max(intervalS, MIN_INTERVAL_S) * 1000;
    },
    requested: () => intervalS > 0,
    receive(chunk) {
      for (const frame of framer.push(chunk)) {
        if (!frame.ok) continue;
        const request = parseDisplayRequest(frame.record);
        if (request) intervalS = request.intervalS > 0 ? Math.max(request.intervalS, MIN_INTERVAL_S) : 0;
      }
      return [];
    },
    tick(snapshot) {
      return intervalS > 0 ? [encodeFrame(buildDisplayRecord(snapshot))] : [];
    },
  };
}
