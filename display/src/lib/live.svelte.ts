/**
 * The display's one connection to the controller: the newest snapshot, what to present, and whether the link is up.
 * Everything on screen is rendered from these three; the display holds no state of its own that the controller lacks.
 */
import { connectLive, type LiveSocket } from '../../../controller/live-client.ts';
import { DEFAULT_PRESENTATION, PresentationSchema, type Presentation } from '../../../controller/presentation.ts';
import type { Snapshot, Update } from '../../../controller/protocol.ts';
import { presentationAfter, presentationOfSnapshot } from './scene-fallback.ts';

/** How long to wait, after a snapshot, for the controller's own presentation before deriving one. */
const PRESENTATION_GRACE_MS = 300;

export class Live {
  snapshot = $state.raw<Snapshot | null>(null);
  presentation = $state.raw<Presentation>(DEFAULT_PRESENTATION);
  connected = $state(false);
  /** False until the first scene is known, so a fresh display does not flash a guessed scene. */
  ready = $state(false);

  private presentationFromController = false;
  private readonly socket: LiveSocket;

  constructor(socket: LiveSocket = connectLive({ role: 'display' })) {
    this.socket = socket;
    socket.on('connect', () => (this.connected = true));
    socket.on('disconnect', () => (this.connected = false));
    socket.on('ceremony:snapshot', (snapshot) => this.receiveSnapshot(snapshot));
    socket.on('ceremony:update', (update) => this.receiveUpdate(update));
    socket.on('presentation:update', (presentation) => this.receivePresentation(presentation));
  }

  close(): void {
    this.socket.close();
  }

  /** Sent on every (re)connection: authoritative even if its revision is lower (a fresh data directory). */
  private receiveSnapshot(snapshot: unknown): void {
    if (!isSnapshot(snapshot)) return;
    this.snapshot = snapshot;
    if (this.presentationFromController) return;
    setTimeout(() => {
      if (this.presentationFromController) return;
      this.presentation = presentationOfSnapshot(snapshot, this.presentation);
      this.ready = true;
    }, PRESENTATION_GRACE_MS);
  }

  private receiveUpdate(update: Update): void {
    if (!isSnapshot(update.snapshot) || !Array.isArray(update.events)) return;
    if (this.snapshot !== null && update.revision <= this.snapshot.revision) return;
    this.snapshot = update.snapshot;
    if (!this.presentationFromController) this.presentation = presentationAfter(this.presentation, update.events);
  }

  private receivePresentation(received: unknown): void {
    const parsed = PresentationSchema.safeParse(received);
    if (!parsed.success) return;
    this.presentationFromController = true;
    this.presentation = parsed.data;
    this.ready = true;
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
