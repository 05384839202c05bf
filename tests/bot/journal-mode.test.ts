import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunLedger, SqliteSendQueue } from '../../src/bot';

describe('SQLite journal mode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gh-journal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses WAL by default and DELETE when asked (App Service /home is a network share)', async () => {
    const wal = new RunLedger({ path: join(dir, 'wal.db') });
    expect(wal.db.pragma('journal_mode', { simple: true })).toBe('wal');
    wal.close();
    const path = join(dir, 'delete.db');
    const ledger = new RunLedger({ path, journalMode: 'DELETE' });
    const queue = new SqliteSendQueue({ path, journalMode: 'DELETE' });
    expect(ledger.db.pragma('journal_mode', { simple: true })).toBe('delete');
    await queue.close();
    ledger.close();
  });

  it('refuses a mode outside the list (never free text in a pragma)', () => {
    expect(() => new RunLedger({ path: ':memory:', journalMode: 'OFF; DROP' as never })).toThrow(
      /invalid journal mode/,
    );
  });
});
