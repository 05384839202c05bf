// The task pane's access to Graph: one client for the signed-in person, the governance site, and one repository per
// register (with the client key field). Everything is a call into src/graph; the pane never builds a URL.
import { AI_REGISTRY, DATA_INVENTORY } from '../../domain/registers';
import type { RegisterSchema } from '../../domain/schema/types';
import {
  createGraphClient,
  createRegisterRepository,
  findList,
  getSiteByPath,
  siteUserDirectory,
} from '../../graph';
import type { RegisterGateway } from '../sync/engine';
import type { AddinConfig } from './runtime-config';

export type AddinRegisterId = 'dataInventory' | 'aiRegistry';

export const ADDIN_REGISTERS: Readonly<Record<AddinRegisterId, RegisterSchema>> = {
  dataInventory: DATA_INVENTORY,
  aiRegistry: AI_REGISTRY,
};

export interface AddinServices {
  gateway(register: AddinRegisterId): Promise<RegisterGateway>;
}

export const createAddinServices = (config: AddinConfig, getToken: () => Promise<string>): AddinServices => {
  const client = createGraphClient({ baseUrl: config.graphBaseUrl, getToken });
  let site: Promise<string> | undefined;
  const siteId = (): Promise<string> => {
    site ??= getSiteByPath(client, config.siteHostname, config.sitePath).then((s) => String(s.id));
    return site;
  };
  const gateways = new Map<AddinRegisterId, Promise<RegisterGateway>>();
  return {
    gateway(register) {
      let gateway = gateways.get(register);
      if (!gateway) {
        gateway = (async () => {
          const id = await siteId();
          const schema = ADDIN_REGISTERS[register];
          const list = await findList(client, id, schema.listName);
          if (!list?.id) throw new Error(`The list ${schema.listName} does not exist on the governance site`);
          return createRegisterRepository({
            client,
            siteId: id,
            listId: String(list.id),
            schema,
            people: siteUserDirectory(client, id),
          });
        })();
        gateway.catch(() => gateways.delete(register));
        gateways.set(register, gateway);
      }
      return gateway;
    },
  };
};
