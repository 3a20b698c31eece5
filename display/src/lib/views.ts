/** Names for the parts of a school's view that scenes receive once they are known to be present. */
import type { SchoolView } from '../../../controller/contract/protocol.ts';

export type RosterView = NonNullable<SchoolView['roster']>;
export type DrawView = NonNullable<SchoolView['draw']>;
