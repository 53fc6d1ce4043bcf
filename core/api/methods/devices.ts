/**
 * Device setup per chair: serial ports, protocols, line settings, test connection, raw capture.
 * Reading is for every logged-in user; changing a chair's device (or capturing its bytes) needs an admin or a
 * physician, because a wrong setting silences a chair's vitals.
 */
import { z } from 'zod';
import { TextArgsSchema } from '../../text';
import { methodTable } from '../methodSpec';
import { LinkPhaseSchema } from '../../devices/linkPhase';
import { EpochMs, Id, LinkStatus, MeasurementStateSchema, RejectReasons, VitalParameterSchema } from '../schemas';

const DEVICE_SETUP = ['admin', 'physician'] as const;

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

export const LineSettingsSchema = z.object({
  baudRate: z
    .number()
    .int()
    .refine((b) => (BAUD_RATES as readonly number[]).includes(b), { message: `baud rate must be one of ${BAUD_RATES.join(', ')}` }),
  dataBits: z.union([z.literal(7), z.literal(8)]),
  parity: z.enum(['none', 'even', 'odd']),
  stopBits: z.union([z.literal(1), z.literal(2)]),
  rtscts: z.boolean(),
});
export type LineSettingsValue = z.infer<typeof LineSettingsSchema>;

/** Each field null: the protocol's default. */
export const LineOverridesSchema = z.strictObject({
  baudRate: LineSettingsSchema.shape.baudRate.nullable(),
  dataBits: LineSettingsSchema.shape.dataBits.nullable(),
  parity: LineSettingsSchema.shape.parity.nullable(),
  stopBits: LineSettingsSchema.shape.stopBits.nullable(),
  rtscts: z.boolean().nullable(),
});
export type LineOverrides = z.infer<typeof LineOverridesSchema>;

export const NO_OVERRIDES: LineOverrides = { baudRate: null, dataBits: null, parity: null, stopBits: null, rtscts: null };

/** A device path as the OS names it (/dev/ttyUSB0, /dev/serial/by-id/…, COM3, \\.\COM12); null: no device. */
const PortPath = z
  .string()
  .trim()
  .min(1)
  .max(260)
  .regex(/^[^\0\n\r]+$/, 'a port path is one line of text');

export const ProtocolInfo = z.object({ id: z.string(), label: z.string(), lineSettings: LineSettingsSchema });

export const SerialPortInfo = z.object({ path: z.string(), manufacturer: z.string().optional(), serialNumber: z.string().optional() });

export const CaptureInfo = z.object({
  /** File name inside the data directory's captures folder. */
  file: z.string(),
  startedAt: EpochMs,
  bytes: z.number().int().min(0),
  records: z.number().int().min(0),
  active: z.boolean(),
});
export type CaptureInfo = z.infer<typeof CaptureInfo>;

export const ChairDevice = z.object({
  chairId: Id,
  protocolId: z.string(),
  portPath: z.string().nullable(),
  line: LineOverridesSchema,
  /** The settings the link opens the port with (overrides applied to the protocol's defaults). */
  effectiveLine: LineSettingsSchema,
  capture: z.boolean(),
  /** The syringe pump (B. Braun BCC) beside the monitor; null: none. */
  pumpPortPath: z.string().nullable(),
  updatedAt: EpochMs,
  link: LinkStatus.nullable(),
  pumpLink: LinkStatus.nullable(),
  currentCapture: CaptureInfo.nullable(),
});
export type ChairDevice = z.infer<typeof ChairDevice>;

export const DeviceChoice = z.strictObject({
  protocolId: z.string().min(1).max(40),
  portPath: PortPath.nullable(),
  line: LineOverridesSchema.default(NO_OVERRIDES),
});

export const TestReading = z.object({
  parameter: VitalParameterSchema,
  value: z.number().nullable(),
  unit: z.string(),
  state: MeasurementStateSchema,
  /** How often this parameter came in during the test. */
  count: z.number().int().min(1),
});

export const ConnectionTestResult = z.object({
  /** At least one complete, valid frame was read. */
  ok: z.boolean(),
  durationMs: z.number().int().min(0),
  portPath: z.string(),
  protocolId: z.string(),
  simulated: z.boolean(),
  /** Link state at the end, its detail (error reason, port; English, for logs) and why it failed, said in words by the screen. */
  state: LinkStatus.shape.state,
  detail: z.string(),
  fault: LinkStatus.shape.fault,
  /** The last phase the conversation reached while associating or receiving; null after an error or when none ran. */
  phase: LinkPhaseSchema.nullable(),
  bytesReceived: z.number().int().min(0),
  bytesSent: z.number().int().min(0),
  framesRead: z.number().int().min(0),
  framesRejected: z.number().int().min(0),
  rejectReasons: RejectReasons,
  /** The last value of each parameter seen. */
  readings: z.array(TestReading),
  /**
   * What the device said: code (core/devices/deviceNotice.ts, said in words by the screen; a code the screen does not
   * know is shown as it is), the driver's English text for logs, and the device data the words fill in.
   */
  notices: z.array(
    z.object({ code: z.string(), text: z.string(), args: TextArgsSchema.optional() }),
  ),
});
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;

export const devicesMethods = methodTable({
  'devices.protocols': { access: 'anyUser', input: z.strictObject({}), output: z.array(ProtocolInfo) },
  'devices.ports': { access: 'anyUser', input: z.strictObject({}), output: z.array(SerialPortInfo) },
  'devices.list': { access: 'anyUser', input: z.strictObject({}), output: z.array(ChairDevice) },
  'devices.get': { access: 'anyUser', input: z.strictObject({ chairId: Id }), output: ChairDevice },
  /** Saves the chair's device and restarts its link with it. */
  'devices.set': {
    access: DEVICE_SETUP,
    input: DeviceChoice.extend({ chairId: Id, capture: z.boolean().default(false), pumpPortPath: PortPath.nullable().default(null) }),
    output: ChairDevice,
  },
  /**
   * Opens the port with the chosen protocol for a few seconds and reports what came. The chair's own link is
   * paused meanwhile when it uses the same port (a port can be opened once), and restarted after.
   */
  'devices.test': {
    access: DEVICE_SETUP,
    input: DeviceChoice.extend({ chairId: Id, durationMs: z.number().int().min(1000).max(20_000).default(5000) }),
    output: ConnectionTestResult,
  },
  'devices.captureStart': { access: DEVICE_SETUP, input: z.strictObject({ chairId: Id }), output: CaptureInfo },
  'devices.captureStop': { access: DEVICE_SETUP, input: z.strictObject({ chairId: Id }), output: CaptureInfo.nullable() },
});
