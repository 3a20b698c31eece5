/** What a data directory holds, read the way the controller reads it, for the fault tests. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import type { ChainEntry } from '../../engine/ceremony/audit-chain.ts';
import type { CeremonyCommand } from '../../engine/ceremony/state.ts';
import { auditCommand } from '../../controller/cli/audit.ts';
import type { OperatorRequest, Snapshot } from '../../controller/contract/protocol.ts';
import { checkPassphrase } from '../../controller/passphrase.ts';
import { toSnapshot } from '../../controller/snapshot.ts';
import { AuditLog, type StoredResult } from '../../controller/storage/audit-log.ts';
import { openCeremony, type Ceremony } from '../../controller/ceremony.ts';
import { FIXED_SERVICES, PASSPHRASE, tempDataDir } from './demo-ceremony.ts';

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
 * The entries of a chain as two runs of the same requests must log them: the seal's passphrase hash is salted
 * afresh each time, so it is checked against the passphrase and then left out.
 */
export async function comparableEntries(chain: readonly ChainEntry[]): Promise<unknown[]> {
  const passphraseKept = await Promise.all(
    chain.map((entry) => {
      const command = (entry.body as { command?: CeremonyCommand }).command;
      return entry.kind !== 'command' || command?.type !== 'ceremony:seal'
        ? Promise.resolve(true)
        : checkPassphrase(PASSPHRASE, command.operatorKey);
    }),
  );
  if (passphraseKept.includes(false)) throw new Error('the seal lost its passphrase');
  return chain.map((entry) => {
    if (entry.kind !== 'command') return { kind: entry.kind, body: entry.body };
    const { revision, command } = entry.body as { revision: number; command: CeremonyCommand };
    if (command.type !== 'ceremony:seal') return { kind: entry.kind, revision, command };
    return { kind: entry.kind, revision, command: { ...command, operatorKey: 'the passphrase' } };
  });
}

/** A copy of a data directory as it is on disk now (database, its WAL and shared memory, presentation). */
export function copyDataDir(dataDir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'sunshine-copy-'));
  cpSync(dataDir, copy, { recursive: true });
  return copy;
}

type SealCommand = Extract<CeremonyCommand, { type: 'ceremony:seal' }>;

/**
 * The same requests run uninterrupted in this process, with the secret and build hash the tested controller sealed
 * with (its secret is fresh randomness, learnt from its log): what its data must hold after each command.
 */
export class ReferenceCeremony {
  private seal: SealCommand | null = null;
  private readonly dataDir = tempDataDir();
  readonly ceremony: Ceremony;

  constructor(private readonly requests: readonly OperatorRequest[]) {
    const sealed = () => {
      if (this.seal === null) throw new Error('the reference seals before the tested controller did');
      return this.seal;
    };
    this.ceremony = openCeremony(this.dataDir, {
      ...FIXED_SERVICES,
      entropy: () => hexToBytes(sealed().secretHex),
      buildHash: () => Promise.resolve(sealed().buildHash),
    });
  }

  /** The reference after `revision` commands; `chain` is the tested log, read for its seal. */
  async at(revision: number, chain: readonly ChainEntry[]): Promise<Ceremony> {
    const isSeal = (command: CeremonyCommand | undefined): command is SealCommand => command?.type === 'ceremony:seal';
    this.seal ??= chain.map((entry) => (entry.body as { command?: CeremonyCommand }).command).find(isSeal) ?? null;
    while (this.ceremony.service.state.revision < revision) {
      const request = this.requests[this.ceremony.service.state.revision]!;
      const result = await this.ceremony.service.submit(request, 'reference');
      if (!result.ok) throw new Error(`the reference refused ${request.type}: ${result.error.zh}`);
    }
    return this.ceremony;
  }

  snapshot(): Snapshot {
    return toSnapshot(this.ceremony.service.state, 'hall');
  }

  close(): void {
    this.ceremony.log.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
