/**
 * Writing a result file where the PVS collects it: under the agreed name (records-out.md §1.2: <receiver><sender>
 * with '.gdt', or '.000', '.001' … first free), written whole to '<name>.tmp', flushed, then renamed, so the PVS
 * never sees half a file. A fixed name still waiting for the PVS is not overwritten: that result would be lost.
 */
import { constants } from 'node:fs';
import { access, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { GdtPartner } from '../../../db/repos/gdt';
import { GdtFailure, inFolder } from './gdtFailure';

const exists = (path: string) =>
  access(path, constants.F_OK).then(
    () => true,
    () => false,
  );

export async function resultFileName(partner: Pick<GdtPartner, 'outboxDir' | 'pvsShortId' | 'ownShortId' | 'fileNaming'>): Promise<string> {
  const stem = `${partner.pvsShortId}${partner.ownShortId}`;
  if (partner.fileNaming === 'fixed') {
    const name = `${stem}.gdt`;
    if (await exists(join(partner.outboxDir, name))) {
      throw new GdtFailure('resultNotCollected', { file: name, folder: partner.outboxDir }, `${name} from before is still in ${partner.outboxDir}: the PVS has not collected it yet, so it was not overwritten`);
    }
    return name;
  }
  for (let n = 0; n < 1000; n++) {
    const name = `${stem}.${String(n).padStart(3, '0')}`;
    if (!(await exists(join(partner.outboxDir, name)))) return name;
  }
  throw new GdtFailure('allNumbersTaken', { first: `${stem}.000`, last: `${stem}.999`, folder: partner.outboxDir }, `${stem}.000 to ${stem}.999 are all waiting in ${partner.outboxDir}: the PVS does not collect its files`);
}

/** temp file + fsync + rename: the file appears complete or not at all. A file-system error is coded with the folder. */
export async function writeAtomically(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  await writeWhole(dir, name, bytes).catch((err: unknown) => {
    throw inFolder(dir, err);
  });
}

async function writeWhole(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dir, `${name}.tmp`);
  const file = await open(tmp, 'w');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (err) {
    await file.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
  await file.close();
  await rename(tmp, join(dir, name));
}
