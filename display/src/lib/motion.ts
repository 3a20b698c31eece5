/** Honour the operating system's reduced-motion setting: no flights, no cross-fades, slow digit changes. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Cross-fade between scenes (400–600 ms in the design brief), none when motion is reduced. */
export const sceneFadeMs = () => (prefersReducedMotion() ? 0 : 500);
