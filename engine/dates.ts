const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date `YYYY-MM-DD`. */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day) / MS_PER_DAY;
}

/** The ISO date `YYYY-MM-DD` of a (possibly fractional) day number, rounded to the nearest day. */
export function isoDate(days: number): string {
  return new Date(Math.round(days) * MS_PER_DAY).toISOString().slice(0, 10);
}
