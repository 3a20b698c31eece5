/**
 * The display's one connection to the controller: the newest snapshot, what to present, when each step was done, and
 * whether the link is up. Everything on screen is rendered from these; the display holds no state of its own that the
 * controller lacks. It measures how far its clock is off the controller's, so that a display opened mid-draw shows
 * the same moment of the animation as the others, and it tells the controller what it shows.
 */
import { connectLive, measureClockOffset, type LiveSocket } from '../../../controller/contract/live-client.ts';
import {
  DEFAULT_PRESENTATION,
  presentationAfter,
  PresentationSchema,
  type Presentation,
} from '../../../controller/contract/presentation.ts';
import type { CeremonyTimes, DisplayShowing, Snapshot, Update } from '../../../controller/contract/protocol.ts';
import { presentationOfSnapshot } from './scene-fallback.ts';

/** How long to wait, after a snapshot, for the controller's own presentation before deriving one. */
const PRESENTATION_GRACE_MS = 300;

export class Live {
  snapshot = $state.raw<Snapshot | null>(null);
  presentation = $state.raw<Presentation>(DEFAULT_PRESENTATION);
  /** Null until the controller has sent them. */
  times = $state.raw<CeremonyTimes | null>(null);
  connected = $state(false);
  private sceneKnown = $state(false);
  private clockKnown = $state(false);
  /**
   * False until the first scene and the controller's clock are known, so a fresh display neither flashes a guessed
   * scene nor starts a running animation at the wrong moment.
   */
  ready = $derived(this.sceneKnown && this.clockKnown);
  /** Add to `Date.now()` for the controller's clock (ms). A plain field: read in animation frames. */
  private clockOffset = 0;
  private showing: DisplayShowing | null = null;
  private presentationFromController = false;
  private readonly socket: LiveSocket;

  constructor(socket: LiveSocket = connectLive({ role: 'display' })) {
    this.socket = socket;
    socket.on('connect', () => {
      this.connected = true;
      if (this.showing !== null) socket.emit('display:showing', this.showing);
      void this.syncClock();
    });
    socket.on('disconnect', () => (this.connected = false));
    socket.on('ceremony:snapshot', (snapshot) => this.receiveSnapshot(snapshot));
    socket.on('ceremony:update', (update) => this.receiveUpdate(update));
    socket.on('presentation:update', (presentation) => this.receivePresentation(presentation));
    socket.on('ceremony:times', (times) => {
      if (typeof times === 'object' && times !== null && typeof times.schools === 'object') this.times = times;
    });
  }

  close(): void {
    this.socket.close();
  }

  /** The controller's clock now (ms since 1970), as far as this display can tell. */
  controllerNow(): number {
    return Date.now() + this.clockOffset;
  }

  /** Tells the controller what this display shows (and again after each reconnection, as the controller forgets). */
  report(showing: DisplayShowing): void {
    const last = this.showing;
    const same = (key: keyof DisplayShowing) => last !== null && last[key] === showing[key];
    if (same('scene') && same('school') && same('width') && same('height')) return;
    this.showing = showing;
    if (this.socket.connected) this.socket.emit('display:showing', showing);
  }

  /** Measured again on every connection: after a restart the controller may run on another machine. */
  private async syncClock(): Promise<void> {
    const offset = await measureClockOffset(this.socket);
    if (offset !== null) this.clockOffset = offset;
    this.clockKnown = true;
  }

  /** Sent on every (re)connection: authoritative even if its revision is lower (a fresh data directory). */
  private receiveSnapshot(snapshot: unknown): void {
    if (!isSnapshot(snapshot)) return;
    this.snapshot = snapshot;
    if (this.presentationFromController) return;
    setTimeout(() => {
      if (this.presentationFromController) return;
      this.presentation = presentationOfSnapshot(snapshot, this.presentation);
      this.sceneKnown = true;
    }, PRESENTATION_GRACE_MS);
  }

  private receiveUpdate(update: Update): void {
    if (!isSnapshot(update.snapshot) || !Array.isArray(update.events)) return;
    if (this.snapshot !== null && update.revision <= this.snapshot.revision) return;
    this.snapshot = update.snapshot;
    if (!this.presentationFromController) {
      this.presentation = presentationAfter(this.presentation, update.events, this.controllerNow());
    }
  }

  private receivePresentation(received: unknown): void {
    const parsed = PresentationSchema.safeParse(received);
    if (!parsed.success) return;
    this.presentationFromController = true;
    this.presentation = parsed.data;
    this.sceneKnown = true;
  }
}

/** The wire is not trusted by its types: a payload without the basic shape is ignored, not rendered. */
function isSnapshot(value: unknown): value is Snapshot {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Snapshot>;
  return (
    typeof candidate.revision === 'number' && typeof candidate.phase === 'string' && Array.isArray(candidate.schools)
  );
}
