/**
 * The hall displays connected now, for the consoles: which screens, since when, whether admitted, and what each says
 * it shows. The operator sees at a glance whether the projector is really following the ceremony.
 */
import type { DisplayPresence, DisplayShowing } from '../contract/protocol.ts';

export class DisplayPresenceList {
  private readonly displays = new Map<string, DisplayPresence>();

  list(): DisplayPresence[] {
    return [...this.displays.values()];
  }

  /** The size is unknown until the display's first report; the browser is known from the connection. */
  connect(id: string, userAgent: string | undefined, connectedAt: Date, admission: DisplayPresence['admission']): void {
    this.displays.set(id, {
      id,
      admission,
      label: browserFamily(userAgent),
      connectedAt: connectedAt.toISOString(),
      showing: null,
    });
  }

  /** False when nothing changed (a display repeating itself) or the display is not connected. */
  report(id: string, userAgent: string | undefined, showing: DisplayShowing): boolean {
    const known = this.displays.get(id);
    if (known === undefined) return false;
    const next: DisplayPresence = {
      ...known,
      label: `${showing.width}×${showing.height} · ${browserFamily(userAgent)}`,
      showing: { scene: showing.scene, school: showing.school },
    };
    const changed =
      next.label !== known.label ||
      next.showing?.scene !== known.showing?.scene ||
      next.showing?.school !== known.showing?.school;
    this.displays.set(id, next);
    return changed;
  }

  /** The operator admitted the display, or revoked its admission. */
  admission(id: string, admission: DisplayPresence['admission']): void {
    const known = this.displays.get(id);
    if (known !== undefined) this.displays.set(id, { ...known, admission });
  }

  disconnect(id: string): boolean {
    return this.displays.delete(id);
  }
}

/** Most specific first: Edge and Opera also name Chrome, Chrome also names Safari. */
const BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bFirefox\/(\d+)/, 'Firefox'],
  [/\b(?:HeadlessChrome|Chromium|Chrome)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

/** `Chrome 120`, `Firefox 128` …: enough to tell two screens apart and to spot an outdated kiosk browser. */
export function browserFamily(userAgent: string | undefined): string {
  for (const [pattern, name] of BROWSERS) {
    const version = userAgent === undefined ? undefined : pattern.exec(userAgent)?.[1];
    if (version !== undefined) return `${name} ${version}`;
  }
  return '浏览器 browser';
}
