/**
 * `npm run verify-audit` as a person runs it (child process): the key from --key-file or INFUSION_AUDIT_KEY (the
 * same sources as the browser host), and each problem in its own line. Bad arguments: tests/cli/badInput.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/appHarness';
import { rawClinicDb } from '../helpers/clinicFile';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

function verify(dataDir: string, args: string[], key = '') {
  const env = { ...process.env, INFUSION_AUDIT_KEY: key };
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-audit.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8', env, timeout: 120_000 });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe('npm run verify-audit', () => {
  it('checks with the key file or INFUSION_AUDIT_KEY, and names each problem in its own line', { timeout: 120_000 }, async () => {
    app = await startTestApp({ simulate: 'never' }); // admin and two users created: audited
    expect(verify(app.dataDir, ['--key-file', app.keyFile])).toMatchObject({ code: 0, out: expect.stringMatching(/^audit trail intact: [1-9]\d* entries checked/) });

    const raw = rawClinicDb(join(app.dataDir, 'clinic.sqlite'), app.auditKey);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET detail = '{"role":"admin"}' WHERE seq = 3`).run();
    raw.close();
    rmSync(join(app.dataDir, 'audit.anchor'));
    const broken = verify(app.dataDir, ['--key-file', app.keyFile]);
    expect(broken.code).toBe(1);
    expect(broken.err.split('\n')).toEqual([
      'BROKEN: schema: trigger audit_log_no_update is missing (changed outside the app)',
      'BROKEN: audit trail: entry 3 was changed after it was written',
    ]);
    const withEnv = verify(app.dataDir, [], readFileSync(app.keyFile, 'utf8').trim());
    expect(withEnv.code).toBe(1);
    expect(withEnv.err).toContain('BROKEN: audit trail: entry 3 was changed after it was written');
  });
});
