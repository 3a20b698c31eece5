/**
 * An opened ceremony: its audit log, the service rebuilt from it, the displays' presentation, and who may see and do
 * what (admitted displays, consoles' sessions), from one data directory.
 */
import { randomBytes } from 'node:crypto';
import { accessStores, type AccessStores } from './access-store.ts';
import { buildHash } from './build-hash.ts';
import { PresentationStore } from './presentation-store.ts';
import { CeremonyService, type Clock, type ServiceOptions } from './service.ts';
import { AuditLog } from './storage/audit-log.ts';

/** This machine's clock. */
export const WALL_CLOCK: Clock = { now: () => new Date() };

const SYSTEM_SERVICES: ServiceOptions = {
  clock: WALL_CLOCK,
  entropy: (bytes) => new Uint8Array(randomBytes(bytes)),
  buildHash: () => buildHash(),
};

export interface Ceremony {
  readonly service: CeremonyService;
  readonly log: AuditLog;
  readonly presentations: PresentationStore;
  /** The displays the operator admitted, the consoles' sessions. */
  readonly access: AccessStores;
}

/** Opens the data directory and rebuilds the ceremony from its log; throws IntegrityError if the log is broken. */
export function openCeremony(dataDir: string, services: ServiceOptions = SYSTEM_SERVICES): Ceremony {
  const log = AuditLog.open(dataDir);
  try {
    return {
      service: CeremonyService.open(log, services),
      log,
      presentations: new PresentationStore(dataDir),
      access: accessStores(dataDir),
    };
  } catch (error) {
    log.close();
    throw error;
  }
}
