/** One panel's commands and the last refusal it got, for the panel to show beside its controls. */
import type { PresentationChange } from '../../../controller/contract/presentation.ts';
import type { OperatorRequest } from '../../../controller/contract/protocol.ts';
import type { ConsoleError } from './errors.ts';
import { live } from './live.svelte.ts';

export class PanelAction {
  refusal = $state.raw<ConsoleError | null>(null);

  /** True when the controller accepted the command. */
  async run(request: OperatorRequest): Promise<boolean> {
    const result = await live.run(request);
    this.refusal = result.ok ? null : result.error;
    return result.ok;
  }

  async present(change: PresentationChange): Promise<boolean> {
    this.refusal = await live.present(change);
    return this.refusal === null;
  }

  clear(): void {
    this.refusal = null;
  }
}
