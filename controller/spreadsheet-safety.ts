/**
 * A cell that starts like a formula (= + - @, or a tab / carriage return) would run in Excel when the exported file
 * is opened; a leading apostrophe makes Excel show it as text instead.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
