import { IntegrityError } from '../service.ts';
import { openCeremony, type Ceremony } from '../ceremony.ts';
import type { Io } from './io.ts';

/** Opens the ceremony in `dataDir`, or explains why the stored log cannot be trusted and returns null. */
export function openOrExplain(dataDir: string, io: Io): Ceremony | null {
  try {
    return openCeremony(dataDir);
  } catch (error) {
    if (!(error instanceof IntegrityError)) throw error;
    io.err(`✗ ${error.zh}\n✗ ${error.en}`);
    return null;
  }
}
