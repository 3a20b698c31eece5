import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESENTATION } from '../contract/presentation.ts';
import { documentContext } from '../print/context.ts';
import { ceremonyTimes, NO_TIMES, timesAfter } from './ceremony-times.ts';
import { chainEntry as entry } from '../../test/support/chain-entry.ts';

describe('timesAfter', () => {
  it('marks each accepted step with its entry’s time, and nothing for refusals or the plan', () => {
    const entries = [
      entry(1, 'command', { revision: 1, command: { type: 'plan:set' } }),
      entry(2, 'command', { revision: 2, command: { type: 'ceremony:seal' } }),
      entry(3, 'refusal', { request: { type: 'school:draw', school: '甲' }, refusal: {} }),
      entry(4, 'command', { revision: 3, command: { type: 'school:import', school: '甲' } }),
      entry(5, 'command', { revision: 4, command: { type: 'school:draw', school: '甲' } }),
    ];
    expect(entries.reduce(timesAfter, NO_TIMES)).toEqual({
      ...NO_TIMES,
      sealedAt: entries[1]!.at,
      schools: {
        甲: { importedAt: entries[3]!.at, drawnAt: entries[4]!.at, publishedAt: null, teachersDrawnAt: null },
      },
    });
  });
});

describe('ceremonyTimes', () => {
  it('reads the times from the whole log, and gives the printed documents theirs', () => {
    const log = [
      entry(1, 'command', { revision: 1, command: { type: 'ceremony:seal' } }),
      entry(2, 'command', { revision: 2, command: { type: 'school:import', school: '甲' } }),
      entry(3, 'refusal', { request: { type: 'ceremony:close' }, refusal: {} }),
      entry(4, 'command', { revision: 3, command: { type: 'ceremony:close' } }),
    ];
    const fromLog = ceremonyTimes({ chain: (fromSeq = 1) => log.filter((found) => found.seq >= fromSeq) });
    expect(fromLog).toEqual({
      ...NO_TIMES,
      sealedAt: log[0]!.at,
      closedAt: log[3]!.at,
      schools: { 甲: { importedAt: log[1]!.at, drawnAt: null, publishedAt: null, teachersDrawnAt: null } },
    });
    expect(documentContext(DEFAULT_PRESENTATION.event, fromLog)).toEqual({
      event: DEFAULT_PRESENTATION.event,
      sealedAt: log[0]!.at,
      closedAt: log[3]!.at,
    });
  });
});
