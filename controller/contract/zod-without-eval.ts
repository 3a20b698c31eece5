/**
 * Zod compiles a fast parser with `new Function` when it may. The pages' security policy forbids that (no
 * 'unsafe-eval'), and Chromium reports even zod's caught probe as a policy violation. Zod decides when each object
 * schema is made, so every browser app imports this module before anything that defines a schema.
 */
import { z } from 'zod';

z.config({ jitless: true });
