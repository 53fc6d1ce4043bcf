/** Device setup per chair (issue 4): thin; the links are run by ChairLinks, settings stored by db/repos/chairDevices. */
import { listSerialPorts } from '../../../drivers/link/port';
import { PROTOCOLS } from '../../../drivers/protocols';
import { userOf, type CallContext, type HandlersFor } from '../../ipc/dispatcher';
import type { ChairLinks } from './chairLinks';

type DevicesMethods =
  | 'devices.protocols'
  | 'devices.ports'
  | 'devices.list'
  | 'devices.get'
  | 'devices.set'
  | 'devices.test'
  | 'devices.captureStart'
  | 'devices.captureStop';

const actorOf = (ctx: CallContext) => ({ userId: userOf(ctx).id, at: Date.now() });

export function createDevicesHandlers(links: ChairLinks): HandlersFor<DevicesMethods> {
  return {
    'devices.protocols': () => PROTOCOLS.map((p) => ({ id: p.id, label: p.label, lineSettings: p.lineSettings })),
    'devices.ports': async () => {
      try {
        return await listSerialPorts();
      } catch {
        return []; // no listing on this system: the path can still be typed
      }
    },
    'devices.list': () => links.describeAll(),
    'devices.get': ({ chairId }) => links.describe(chairId),
    'devices.set': ({ chairId, protocolId, portPath, line, capture, pumpPortPath }, ctx) =>
      links.apply(actorOf(ctx), chairId, { protocolId, portPath, line, capture, pumpPortPath }),
    'devices.test': ({ chairId, protocolId, portPath, line, durationMs }) => links.test(chairId, { protocolId, portPath, line }, durationMs),
    'devices.captureStart': ({ chairId }, ctx) => links.captureStart(actorOf(ctx), chairId),
    'devices.captureStop': ({ chairId }, ctx) => links.captureStop(actorOf(ctx), chairId),
  };
}
