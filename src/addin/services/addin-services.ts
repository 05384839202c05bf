// The task pane's access to Graph: the signed-in person's Graph session (src/client: one client, the governance
// site, one repository per register, with the client key field). The pane never builds a URL.
import type { GraphSession } from '../../client/graph-session';
import { AI_REGISTRY, DATA_INVENTORY } from '../../domain/registers';
import type { RegisterSchema } from '../../domain/schema/types';
import type { RegisterGateway } from '../sync/engine';

export type AddinRegisterId = 'dataInventory' | 'aiRegistry';

export const ADDIN_REGISTERS: Readonly<Record<AddinRegisterId, RegisterSchema>> = {
  dataInventory: DATA_INVENTORY,
  aiRegistry: AI_REGISTRY,
};

export interface AddinServices {
  gateway(register: AddinRegisterId): Promise<RegisterGateway>;
}

export const createAddinServices = (session: GraphSession): AddinServices => ({
  gateway: (register) => session.repository(ADDIN_REGISTERS[register]),
});
