/**
 * A simulated device on a serial line, for trying the app or a driver without the real device:
 *   node --import tsx scripts/simulate.ts --protocol <id> [--port <device end>] [--replay <capture>] [options]
 *
 *   --protocol <id>     datex-s5 | philips-mib | masimo-ascii1 | nonin-2 | nonin-8 | bbraun-bcc
 *                       (may be left out with --replay of a record-format capture: its header names it)
 *   --port <path>       the device end to write into (e.g. one end of `socat pty,raw,echo=0,link=/tmp/app
 *                       pty,raw,echo=0,link=/tmp/dev`). Left out: a socat pty pair is made and the end the app
 *                       should open is printed.
 *   --replay <file>     write a capture (scripts/decode.ts formats) instead of a live patient
 *   --speed <x>         replay speed (default 1), --loop replays forever
 *   --scenario <json>   live patient: PatientScenario as JSON, e.g. '{"seed":3,"desaturateAfterMs":60000}'
 *                       or a name: calm | desaturation | artefacts | sensor-off
 *   --interval <ms>     live patient: send interval instead of the device's own
 *   --pump-rate <ml/h>  bbraun-bcc: the simulated pump's rate (default 12)
 *   --silent-after <s>  live patient: stop sending after s seconds (and --resume-after <s> later), to test silence
 * Ctrl-C stops it.
 */
import { readFileSync } from 'node:fs';
import { parseCapture } from '../drivers/link/capture';
import { openSerialPort } from '../drivers/link/port';
import { findProtocol, PROTOCOLS } from '../drivers/protocols';
import { createSimulatedDevice } from '../drivers/simulator/devices';
import { SimulatedPatient, type PatientScenario } from '../drivers/simulator/patient';
import { openPtyPair, type PtyPair } from '../drivers/simulator/ptyPair';
import { CaptureReplayer } from '../drivers/simulator/replay';
import { SimulatorRunner } from '../drivers/simulator/runner';
import { die, dieOnUnexpectedError, existingFile, numberArg, parseCommandLine } from '../electron/cli/commandLine';

const SCENARIOS: Record<string, PatientScenario> = {
  calm: { seed: 1, artefactRate: 0, sensorOffEveryMs: 0 },
  desaturation: { seed: 2, desaturateAfterMs: 60_000, artefactRate: 0, sensorOffEveryMs: 0 },
  artefacts: { seed: 3, artefactRate: 0.2 },
  'sensor-off': { seed: 4, sensorOffEveryMs: 60_000 },
};

const cli = {
  tool: 'simulate',
  usage:
    `node --import tsx scripts/simulate.ts --protocol <${PROTOCOLS.map((p) => p.id).join('|')}> [--port <path>] ` +
    `[--replay <file> [--speed x] [--loop]] [--scenario <name|json>] [--interval ms] [--pump-rate ml/h] [--silent-after s [--resume-after s]]`,
};
dieOnUnexpectedError(cli);
const text = { type: 'string' } as const;
const { values } = parseCommandLine(cli, {
  options: {
    protocol: text,
    port: text,
    replay: text,
    speed: text,
    loop: { type: 'boolean' },
    scenario: text,
    interval: text,
    'pump-rate': text,
    'silent-after': text,
    'resume-after': text,
  },
});
const num = (name: 'speed' | 'interval' | 'pump-rate' | 'silent-after' | 'resume-after') => numberArg(cli, name, values[name]);

const replayFile = values.replay === undefined ? undefined : existingFile(cli, values.replay);
const capture = replayFile ? parseCapture(new Uint8Array(readFileSync(replayFile))) : undefined;
const id = values.protocol ?? capture?.header?.protocol ?? die(cli, `missing --protocol (usage: ${cli.usage})`);
const protocol = findProtocol(id) ?? die(cli, `unknown protocol '${id}'; known: ${PROTOCOLS.map((p) => p.id).join(', ')}`);
const lineSettings = capture?.header?.lineSettings ?? protocol.lineSettings;

let pair: PtyPair | undefined;
let path = values.port;
if (!path) {
  pair = await openPtyPair();
  path = pair.devicePath;
  process.stdout.write(`pty pair ready: open ${pair.appPath} in the app (setup: port path), protocol ${protocol.id}\n`);
}
const port = await openSerialPort(path, lineSettings);
let stop: () => Promise<void>;

if (capture) {
  const replayer = new CaptureReplayer(port, capture, { speed: num('speed'), loop: values.loop ?? false });
  replayer.start();
  process.stdout.write(`replaying ${replayFile} (${capture.header ? 'record format' : 'plain bytes'}) into ${path}\n`);
  stop = () => replayer.stop();
  void replayer.done.then(async () => {
    process.stdout.write(`replay done: ${replayer.bytesWritten} bytes\n`);
    await shutdown(0);
  });
} else {
  const scenario = scenarioFrom(values.scenario);
  const device = createSimulatedDevice(protocol.id, { pumpRateMlH: num('pump-rate') });
  const runner = new SimulatorRunner(port, device, new SimulatedPatient(Date.now(), scenario), Date.now, num('interval'));
  runner.start();
  const silentAfter = num('silent-after');
  const resumeAfter = num('resume-after');
  if (silentAfter !== undefined) setTimeout(() => (runner.setSilent(true), process.stdout.write('device silent\n')), silentAfter * 1000);
  if (resumeAfter !== undefined) setTimeout(() => (runner.setSilent(false), process.stdout.write('device sending again\n')), resumeAfter * 1000);
  process.stdout.write(`simulated ${protocol.label} on ${path}\n`);
  stop = () => runner.stop();
}

function scenarioFrom(arg: string | undefined): PatientScenario {
  if (!arg) return {};
  const named = SCENARIOS[arg];
  if (named) return named;
  if (!arg.trim().startsWith('{')) die(cli, `unknown scenario '${arg}'; known: ${Object.keys(SCENARIOS).join(', ')} or a JSON object`);
  try {
    return JSON.parse(arg) as PatientScenario;
  } catch (err) {
    return die(cli, `--scenario is not valid JSON: ${(err as Error).message}`);
  }
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stop();
  pair?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
