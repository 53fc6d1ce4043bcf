/**
 * Why a link failed, as the drivers report it: a code with data (core/devices/linkFault.ts) beside the English text
 * for logs. Real serialport opens, a real socat pty that goes away, and the in-process simulator pipe.
 */
import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../../core/api/schemas';
import { openFault, PortOpenError } from '../../../drivers/link/openFault';
import { openSerialPort } from '../../../drivers/link/port';
import { SerialLink } from '../../../drivers/link/serialLink';
import { datexS5 } from '../../../drivers/protocols/datex-s5';
import { masimoAscii1 } from '../../../drivers/protocols/masimo-ascii1';
import { createMemoryPortPair } from '../../../drivers/simulator/memoryPort';
import { openPtyPair } from '../../../drivers/simulator/ptyPair';
import { waitFor } from '../../helpers/wsClient';

const MISSING = '/tmp/infusion-no-such-port/app';

async function errorOf(link: SerialLink): Promise<LinkStatus> {
  try {
    link.start();
    return await waitFor(() => link.status().state === 'error' && link.status(), 15_000, 'the link to report an error');
  } finally {
    await link.stop();
  }
}

describe('opening a port', () => {
  it('that does not exist fails as portMissing with the path, the OS text kept for the log', async () => {
    const err = await openSerialPort(MISSING, datexS5.lineSettings).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PortOpenError);
    expect((err as PortOpenError).fault).toEqual({ code: 'portMissing', args: { path: MISSING, errno: 'ENOENT' } });
    expect((err as PortOpenError).message).toMatch(/^cannot open .*No such file or directory/);
  });

  it('reads each OS refusal serialport words (Linux, macOS, Windows) as its fault', () => {
    const said = (message: string) => openFault('/dev/ttyS0', message);
    // The texts of @serialport/bindings-cpp serialport_unix.cpp and serialport_win.cpp around strerror().
    expect(said('Error: No such file or directory, cannot open /dev/ttyS0')).toEqual({ code: 'portMissing', args: { path: '/dev/ttyS0', errno: 'ENOENT' } });
    expect(said('Error: No such device, cannot open /dev/ttyS0').code).toBe('portMissing');
    expect(said('Opening COM3: File not found').code).toBe('portMissing');
    expect(said('Error: Permission denied, cannot open /dev/ttyS0')).toEqual({ code: 'portDenied', args: { path: '/dev/ttyS0', errno: 'EACCES' } });
    expect(said('Error: Operation not permitted, cannot open /dev/ttyS0').code).toBe('portDenied');
    expect(said('Error: Device or resource busy, cannot open /dev/ttyS0').code).toBe('portBusy');
    expect(said('Error Resource temporarily unavailable Cannot lock port').code).toBe('portBusy');
    expect(said('Opening COM3: Access denied').code).toBe('portBusy');
    // Anything else: the port did not open, and the words stay in the log only.
    expect(said('Error: Inappropriate ioctl for device setting custom baud rate of 9600')).toEqual({ code: 'portOpenFailed', args: { path: '/dev/ttyS0' } });
  });

  it('that is no serial port fails as portOpenFailed', async () => {
    // /dev/null opens but refuses the line settings (serialport sets the baud rate by ioctl).
    const err = await openSerialPort('/dev/null', datexS5.lineSettings).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as PortOpenError).fault).toEqual({ code: 'portOpenFailed', args: { path: '/dev/null' } });
  });
});

describe('a link', () => {
  it('on a missing port is in error with portMissing and the path', async () => {
    const status = await errorOf(new SerialLink({ path: MISSING, protocol: datexS5, openPort: openSerialPort }));
    expect(status.fault).toEqual({ code: 'portMissing', args: { path: MISSING, errno: 'ENOENT' } });
    expect(status.detail).toMatch(/^cannot open/);
  });

  it('whose pty goes away while open reports the hang-up or close as a code', async () => {
    const pair = await openPtyPair();
    const link = new SerialLink({ path: pair.appPath, protocol: datexS5, openPort: openSerialPort, silenceMs: 600_000, reopenAfterMs: 600_000 });
    try {
      link.start();
      await waitFor(() => link.status().state === 'associating', 15_000, 'the port to open');
      pair.stop();
      const status = await waitFor(() => link.status().state === 'error' && link.status(), 15_000, 'the link to report the loss');
      expect(['deviceDisconnected', 'portClosed', 'portError']).toContain(status.fault?.code);
    } finally {
      await link.stop();
      pair.stop();
    }
  });

  it('whose simulated device closes its end reports deviceDisconnected', async () => {
    const pipe = createMemoryPortPair();
    const link = new SerialLink({ path: 'simulated', protocol: masimoAscii1, openPort: pipe.openAppPort, simulated: true, silenceMs: 600_000, reopenAfterMs: 600_000 });
    try {
      link.start();
      await waitFor(() => link.status().state === 'associating', 15_000, 'the pipe to open');
      await pipe.devicePort.close();
      const status = await waitFor(() => link.status().state === 'error' && link.status(), 15_000, 'the link to report the loss');
      expect(status.fault).toEqual({ code: 'deviceDisconnected', args: {} });
    } finally {
      await link.stop();
    }
  });

  it('that hears nothing reopens the port and says so as silentReopen with the seconds', async () => {
    const pipe = createMemoryPortPair();
    const link = new SerialLink({ path: 'simulated', protocol: masimoAscii1, openPort: pipe.openAppPort, simulated: true, silenceMs: 0, reopenAfterMs: 0 });
    const status = await errorOf(link);
    expect(status.fault?.code).toBe('silentReopen');
    expect(status.fault?.args.seconds).toEqual(expect.any(Number));
    expect(status.detail).toMatch(/reopening the port/);
  });

  it('clears the fault once it is no longer in error', async () => {
    const pipe = createMemoryPortPair();
    const link = new SerialLink({ path: 'simulated', protocol: masimoAscii1, openPort: pipe.openAppPort, simulated: true, silenceMs: 600_000, reopenAfterMs: 600_000 });
    const seen: LinkStatus[] = [];
    link.subscribe({ status: (s) => seen.push(s) });
    try {
      link.start();
      await waitFor(() => link.status().state === 'associating', 15_000, 'the pipe to open');
      await pipe.devicePort.close();
      // The link retries after its backoff and opens a fresh pipe end.
      await waitFor(() => seen.some((s) => s.state === 'error') && link.status().state === 'associating', 15_000, 'the reopen');
      expect(link.status().fault).toBeNull();
      expect(seen.filter((s) => s.state !== 'error').every((s) => s.fault === null)).toBe(true);
    } finally {
      await link.stop();
    }
  });
});
