/**
 * The display's connection to the controller, as rune state around the shared `LiveClient`: the newest snapshot,
 * what to present, when each step was done, and whether the link is up. Everything on screen is rendered from these;
 * the display holds no state of its own that the controller lacks. The client measures how far this clock is off the
 * controller's, so that a display opened mid-draw shows the same moment of the animation as the others; this adds
 * what only a display does: derive a scene while the controller has sent none, tell the controller what it shows, and
 * know whether the operator has admitted it (until then it shows its pairing code, `scenes/Pairing.svelte`).
 */
import { LiveClient, type LiveSocket } from '../../../controller/contract/live-client.ts';
import {
  DEFAULT_PRESENTATION,
  presentationAfter,
  type Presentation,
} from '../../../controller/contract/presentation.ts';
import {
  PairingCodeSchema,
  type CeremonyTimes,
  type DisplayAdmission,
  type DisplayShowing,
  type Snapshot,
} from '../../../controller/contract/protocol.ts';
import type { CeremonyEvent } from '../../../engine/ceremony/state.ts';
import { presentationOfSnapshot } from './scene-fallback.ts';

/** How long to wait, after a snapshot, for the controller's own presentation before deriving one. */
const PRESENTATION_GRACE_MS = 300;

export class Live {
  snapshot = $state.raw<Snapshot | null>(null);
  presentation = $state.raw<Presentation>(DEFAULT_PRESENTATION);
  /** Null until the controller has sent them. */
  times = $state.raw<CeremonyTimes | null>(null);
  connected = $state(false);
  /** Null until the controller has said; a pairing code while the operator has not admitted this display. */
  admission = $state.raw<DisplayAdmission | null>(null);
  private sceneKnown = $state(false);
  private clockKnown = $state(false);
  /**
   * False until the first scene and the controller's clock are known, so a fresh display neither flashes a guessed
   * scene nor starts a running animation at the wrong moment.
   */
  ready = $derived(this.sceneKnown && this.clockKnown);
  private showing: DisplayShowing | null = null;
  private presentationFromController = false;
  private readonly socket: LiveSocket;
  private readonly client: LiveClient;

  constructor(socket: LiveSocket) {
    this.socket = socket;
    this.client = new LiveClient(socket, {
      status: (status) => {
        this.connected = status === 'online';
        if (this.connected && this.showing !== null) socket.emit('display:showing', this.showing);
      },
      snapshot: (snapshot, events) => this.receiveSnapshot(snapshot, events),
      presentation: (presentation) => {
        this.presentationFromController = true;
        this.presentation = presentation;
        this.sceneKnown = true;
      },
      times: (times) => (this.times = times),
      clockMeasured: () => (this.clockKnown = true),
    });
    socket.on('display:admission', (admission) => {
      if (admission.admitted) this.admission = { admitted: true };
      else if (PairingCodeSchema.safeParse(admission.pairingCode).success) this.admission = admission;
    });
  }

  /** The code to show while the operator has not admitted this display; null once admitted (or not yet known). */
  get pairingCode(): string | null {
    return this.admission?.admitted === false ? this.admission.pairingCode : null;
  }

  /** The controller's clock now (ms since 1970), as far as this display can tell. Read in animation frames. */
  controllerNow(): number {
    return this.client.controllerNow();
  }

  /** Tells the controller what this display shows (and again after each reconnection, as the controller forgets). */
  report(showing: DisplayShowing): void {
    const last = this.showing;
    const same = (key: keyof DisplayShowing) => last !== null && last[key] === showing[key];
    if (same('scene') && same('school') && same('width') && same('height')) return;
    this.showing = showing;
    if (this.socket.connected) this.socket.emit('display:showing', showing);
  }

  /** Until the controller says what to present, the scene follows the ceremony: from its events, or its state. */
  private receiveSnapshot(snapshot: Snapshot, events: readonly CeremonyEvent[] | null): void {
    this.snapshot = snapshot;
    if (this.presentationFromController) return;
    if (events !== null) {
      this.presentation = presentationAfter(this.presentation, events, this.controllerNow());
      return;
    }
    setTimeout(() => {
      if (this.presentationFromController) return;
      this.presentation = presentationOfSnapshot(snapshot, this.presentation);
      this.sceneKnown = true;
    }, PRESENTATION_GRACE_MS);
  }
}
