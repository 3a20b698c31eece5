import { IntegrityError } from '../service.ts';
import { DamagedDatabaseError } from '../storage/database.ts';
import { openCeremony, type Ceremony } from '../ceremony.ts';
import type { Io } from './io.ts';

/** Opens the ceremony in `dataDir`, or explains why the stored data cannot be trusted and returns null. */
export function openOrExplain(dataDir: string, io: Io): Ceremony | null {
  try {
    return openCeremony(dataDir);
  } catch (error) {
    if (!explainUntrusted(error, io)) throw error;
    return null;
  }
}

/** For an error saying the stored data cannot be trusted (broken log, damaged file): prints why, and returns true. */
export function explainUntrusted(error: unknown, io: Io): boolean {
  if (!(error instanceof IntegrityError || error instanceof DamagedDatabaseError)) return false;
  io.err(`✗ ${error.zh}\n✗ ${error.en}`);
  return true;
}
