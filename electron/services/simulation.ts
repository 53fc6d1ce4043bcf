/**
 * The built-in simulated monitor of a chair. With socat present it runs over a real pty pair, so the app reads
 * it through serialport exactly as a device; without socat it uses an in-process pipe.
 */
import { openSerialPort, type PortOpener } from '../../drivers/link/port';
import type { ProtocolDefinition } from '../../drivers/protocol';
import { createSimulatedDevice } from '../../drivers/simulator/devices';
import { createMemoryPortPair } from '../../drivers/simulator/memoryPort';
import { SimulatedPatient, type PatientScenario } from '../../drivers/simulator/patient';
import { openPtyPair, socatAvailable } from '../../drivers/simulator/ptyPair';
import { SimulatorRunner } from '../../drivers/simulator/runner';

export interface SimulatedMonitor {
  path: string;
  openPort: PortOpener;
  runner: SimulatorRunner;
  stop(): Promise<void>;
}

export async function startSimulatedMonitor(
  protocol: ProtocolDefinition,
  scenario: PatientScenario,
  intervalMs?: number,
): Promise<SimulatedMonitor> {
  const patient = new SimulatedPatient(Date.now(), scenario);
  const device = createSimulatedDevice(protocol.id); // the chair's protocol, spoken by the matching simulated device
  if (socatAvailable()) {
    const pair = await openPtyPair();
    const devicePort = await openSerialPort(pair.devicePath, protocol.lineSettings);
    const runner = new SimulatorRunner(devicePort, device, patient, Date.now, intervalMs);
    runner.start();
    return {
      path: pair.appPath,
      openPort: openSerialPort,
      runner,
      stop: async () => {
        await runner.stop();
        pair.stop();
      },
    };
  }
  const pipe = createMemoryPortPair();
  const runner = new SimulatorRunner(pipe.devicePort, device, patient, Date.now, intervalMs);
  runner.start();
  return { path: 'simulated (in-process)', openPort: pipe.openAppPort, runner, stop: () => runner.stop() };
}
