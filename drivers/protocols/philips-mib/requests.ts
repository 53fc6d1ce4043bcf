/** Messages the app sends to the monitor (user data, before framing). Layouts from monitor-protocols §2a. */
import { ByteWriter, hexToBytes } from '../shared/bytes';

/**
 * Association request as VSCaptureMP sends it (frame 0 of intellivue_mib_tx_vscapturemp_6frames.bin):
 * min_poll_period 500 ms, MTU 1456, poll-profile ext options NU_1SEC | RTSA | ENUM | NU_PRIO_LIST.
 */
export const AARQ = hexToBytes(
  '0d ff 01 28 05 08 13 01 00 16 01 02 80 00 14 02 00 02 c1 ff 01 16 31 80 a0 80 80 01 01 00 00 a2 80 a0 03 00 00 01 a4 80 30 80 02 01 01 06 04 52 01 00 01 30 80 06 02 51 01 00 00 00 00 30 80 02 01 02 06 0c 2a 86 48 ce 14 02 01 00 00 00 01 01 30 80 06 0c 2a 86 48 ce 14 02 01 00 00 00 02 01 00 00 00 00 00 00 61 80 30 80 02 01 01 a0 80 60 80 a1 80 06 0c 2a 86 48 ce 14 02 01 00 00 00 03 01 00 00 be 80 28 80 06 0c 2a 86 48 ce 14 02 01 00 00 00 01 01 02 01 02 81 82 00 80 80 00 00 00 40 00 00 00 00 00 00 00 80 00 00 00 20 00 00 00 00 00 00 00 00 02 00 64 00 01 00 28 80 00 00 00 00 00 0f a0 00 00 05 b0 00 00 05 b0 ff ff ff ff 60 00 00 00 00 01 00 0c f0 01 00 08 8e 00 00 00 00 00 00 00 01 02 00 34 00 06 00 30 00 01 00 21 00 00 00 01 00 01 00 06 00 00 00 c9 00 01 00 09 00 00 00 3c 00 01 00 05 00 00 00 10 00 01 00 2a 00 00 00 01 00 01 00 36 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00',
);

export const RELEASE_REQUEST = hexToBytes('09 18 c1 16 61 80 30 80 02 01 01 a0 80 62 80 80 01 00 00 00 00 00 00 00 00 00');
export const RELEASE_RESPONSE = hexToBytes('0a 18 c1 16 61 80 30 80 02 01 01 a0 80 63 80 80 01 00 00 00 00 00 00 00 00 00');

export const SP_HEADER = [0xe1, 0x00, 0x00, 0x02] as const;
export const RO = { invoke: 1, result: 2, error: 3, linkedResult: 5 } as const;
export const CMD = { eventReport: 0, confirmedEventReport: 1, get: 3, set: 4, confirmedSet: 5, confirmedAction: 7 } as const;
export const NOM_NOTI_MDS_CREAT = 0x0d06;
export const ACT_POLL = 0x0c16;
export const ACT_POLL_EXT = 0xf13b;
export const ATTR_TIME_PD_POLL = 0xf13e;
export const MOC = { mds: 0x0021, numeric: 0x0006, wave: 0x0009, alertMonitor: 0x0036 } as const;
export const ATTR_GRP_AL_MON = 0x0811;
/** 30 s in RelativeTime ticks (125 µs): the monitor then sends numerics every ~1 s for 30 s. */
export const EXT_POLL_PERIOD_TICKS = 30 * 8000;

const MDS_OBJECT = [0x00, 0x21, 0x00, 0x00, 0x00, 0x00];

/** Answer to the MDS Create Event Report: the monitor waits for it (echoes the event's invoke id). */
export function mdsCreateResult(invokeId: number, eventTime = 0x000abd00): Uint8Array {
  return new ByteWriter()
    .bytes(SP_HEADER)
    .u16(RO.result)
    .u16(0x14)
    .u16(invokeId)
    .u16(CMD.confirmedEventReport)
    .u16(0x0e)
    .bytes(MDS_OBJECT)
    .u32(eventTime)
    .u16(NOM_NOTI_MDS_CREAT)
    .u16(0)
    .toBytes();
}

/** Extended poll of all numerics (NOM_ACT_POLL_MDIB_DATA_EXT) with a TIME_PD_POLL period. */
export function extendedPoll(invokeId: number, pollNumber: number, objCode: number = MOC.numeric, periodTicks = EXT_POLL_PERIOD_TICKS): Uint8Array {
  return new ByteWriter()
    .bytes(SP_HEADER)
    .u16(RO.invoke)
    .u16(0x28)
    .u16(invokeId)
    .u16(CMD.confirmedAction)
    .u16(0x22)
    .bytes(MDS_OBJECT)
    .u32(0) // scope
    .u16(ACT_POLL_EXT)
    .u16(0x14)
    .u16(pollNumber)
    .u16(1) // partition NOM_PART_OBJ
    .u16(objCode)
    .u16(0) // all attribute groups
    .u16(1) // attribute list: 1 AVA
    .u16(8)
    .u16(ATTR_TIME_PD_POLL)
    .u16(4)
    .u32(periodTicks)
    .toBytes();
}

/** Single poll (NOM_ACT_POLL_MDIB_DATA); of the alert monitor it is the cheap keep-alive VSCaptureMP uses. */
export function singlePoll(invokeId: number, pollNumber: number, objCode: number = MOC.alertMonitor, attrGroup = ATTR_GRP_AL_MON): Uint8Array {
  return new ByteWriter()
    .bytes(SP_HEADER)
    .u16(RO.invoke)
    .u16(0x1c)
    .u16(invokeId)
    .u16(CMD.confirmedAction)
    .u16(0x16)
    .bytes(MDS_OBJECT)
    .u32(0)
    .u16(ACT_POLL)
    .u16(0x08)
    .u16(pollNumber)
    .u16(1)
    .u16(objCode)
    .u16(attrGroup)
    .toBytes();
}
