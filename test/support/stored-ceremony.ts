/** What a data directory holds, read the way the controller reads it, for the fault tests. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import type { CeremonyCommand } from '../../engine/ceremony/state.ts';
import { auditCommand } from '../../controller/cli/audit.ts';
import { checkPassphrase } from '../../controller/passphrase.ts';
import { AuditLog, type StoredResult } from '../../controller/storage/audit-log.ts';
import { PASSPHRASE } from './demo-ceremony.ts';

/** `sunshine audit verify --data DIR`, run in this process (no loader to start): its exit status and what it printed. */
export function auditVerify(dataDir: string): { readonly status: number; readonly printed: string } {
  let printed = '';
  const collect = (text: string) => void (printed += `${text}\n`);
  const status = auditCommand(['verify', '--data', dataDir], { out: collect, err: collect });
  return { status, printed };
}

export interface Stored {
  readonly chain: ChainEntry[];
  readonly results: StoredResult[];
}

/** The audit chain and the results table. Call auditVerify first: this trusts the stored JSON. */
export function readStored(dataDir: string): Stored {
  const log = AuditLog.open(dataDir);
  try {
    return { chain: log.chain(), results: log.results() };
  } finally {
    log.close();
  }
}

/**
 * The commands of a chain as two runs of the same requests must log them: the seal's passphrase hash is salted
 * afresh each time, so it is checked against the passphrase and then left out.
 */
export function comparableCommands(chain: readonly ChainEntry[]): unknown[] {
  return chain.map((entry) => {
    const { revision, command } = entry.body as { revision: number; command: CeremonyCommand };
    if (command.type !== 'ceremony:seal') return { kind: entry.kind, revision, command };
    if (!checkPassphrase(PASSPHRASE, command.operatorKey)) throw new Error('the seal lost its passphrase');
    return { kind: entry.kind, revision, command: { ...command, operatorKey: 'the passphrase' } };
  });
}

/** A copy of a data directory as it is on disk now (database, its WAL and shared memory, presentation). */
export function copyDataDir(dataDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'sunshine-copy-'));
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}
