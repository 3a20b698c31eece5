import { describe, expect, it } from 'vitest';
import { clockOffset } from './live-client.ts';

describe('clockOffset', () => {
  it('reads the controller’s answer halfway through the fastest round trip', () => {
    const controllerAhead = 3_600_000;
    const samples = [
      // A slow round trip: its answer could have been read anywhere in 400 ms.
      { sent: 1000, received: 1400, controllerNow: 1050 + controllerAhead },
      { sent: 2000, received: 2010, controllerNow: 2005 + controllerAhead },
      { sent: 3000, received: 3100, controllerNow: 3090 + controllerAhead },
    ];
    expect(clockOffset(samples)).toBe(controllerAhead);
    expect(clockOffset([{ sent: 10, received: 30, controllerNow: 5 }])).toBe(-15);
  });
});
