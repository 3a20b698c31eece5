import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idCardCheckCharacter, isCalendarDate, parseIdCard } from './idcard.ts';

describe('parseIdCard', () => {
  it.each([
    // The two worked examples printed in GB 11643-1999 itself.
    ['11010519491231002X', '11010519491231002X', '1949-12-31', 'F'],
    ['440524188001010014', '440524188001010014', '1880-01-01', 'M'],
    // From the sample rosters.
    ['361102201205190322', '361102201205190322', '2012-05-19', 'F'],
    ['361102201109010475', '361102201109010475', '2011-09-01', 'M'],
    ['36110220120806054x', '36110220120806054X', '2012-08-06', 'F'],
  ])('accepts %s', (raw, idCard, birthDate, gender) => {
    expect(parseIdCard(raw)).toEqual({ ok: true, idCard, birthDate, gender });
  });

  it.each([
    ['', 'format'],
    ['36110220120519032', 'format'],
    ['3611022012051903222', 'format'],
    ['36110220120519032A', 'format'],
    ['X61102201205190322', 'format'],
    [' 361102201205190322', 'format'],
    ['361102 01205190322', 'format'],
    ['３６１１０２２０１２０５１９０３２２', 'format'],
    ['361102201205190323', 'checksum'],
    ['110105194912310020', 'checksum'],
    ['36110220120519032X', 'checksum'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(parseIdCard(raw)).toEqual({ ok: false, reason });
  });

  it.each([
    ['20120230', 'February 30th'],
    ['20110229', 'February 29th of a common year'],
    ['19000229', 'February 29th of 1900, not a leap year'],
    ['20121301', 'month 13'],
    ['20120001', 'month 0'],
    ['20120500', 'day 0'],
    ['20120431', 'April 31st'],
  ])('rejects the embedded birth date %s (%s)', (date) => {
    const first17 = `361102${date}032`;
    expect(parseIdCard(first17 + idCardCheckCharacter(first17))).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('accepts February 29th of leap years, including 2000', () => {
    for (const date of ['20000229', '20120229']) {
      const first17 = `361102${date}031`;
      expect(parseIdCard(first17 + idCardCheckCharacter(first17))).toMatchObject({ ok: true, gender: 'M' });
    }
  });
});

describe('isCalendarDate', () => {
  it.each([
    [2012, 5, 19, true],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2012, 6, 31, false],
    [2012, 12, 31, true],
    [2012, 1.5, 1, false],
    [0, 1, 1, false],
  ])('%i-%i-%i → %s', (year, month, day, expected) => {
    expect(isCalendarDate(year, month, day)).toBe(expected);
  });
});

const validIdCard = fc
  .record({
    region: fc.integer({ min: 110000, max: 829999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, sequence }) => {
    const birthDate = birth.toISOString().slice(0, 10);
    const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
    return { idCard: first17 + idCardCheckCharacter(first17), birthDate, gender: sequence % 2 === 1 ? 'M' : 'F' };
  });

describe('parseIdCard properties', () => {
  it('round-trips every generated valid number', () => {
    fc.assert(
      fc.property(validIdCard, ({ idCard, birthDate, gender }) => {
        expect(parseIdCard(idCard)).toEqual({ ok: true, idCard, birthDate, gender });
        expect(parseIdCard(idCard.toLowerCase())).toEqual({ ok: true, idCard, birthDate, gender });
      }),
      { seed: 20240828, numRuns: 2000 },
    );
  });

  it('rejects the number when any single digit changes', () => {
    fc.assert(
      fc.property(
        validIdCard,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        ({ idCard }, position, shift) => {
          const original = idCard.charAt(position);
          const replacement = original === 'X' ? String(shift) : String((Number(original) + shift) % 10);
          const changed = idCard.slice(0, position) + replacement + idCard.slice(position + 1);
          expect(parseIdCard(changed)).toEqual({ ok: false, reason: 'checksum' });
        },
      ),
      { seed: 20240828, numRuns: 2000 },
    );
  });
});
