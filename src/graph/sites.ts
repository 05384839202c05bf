// Sites: by server-relative path (`{hostname}:/sites/{path}`) or by composite id.
import type { Site } from '@microsoft/microsoft-graph-types';
import { segment } from './client';
import type { GraphClient } from './client';

/** `GET /sites/{hostname}:/sites/{path}`, e.g. ('contoso.sharepoint.com', 'governance'). */
export async function getSiteByPath(client: GraphClient, hostname: string, sitePath: string): Promise<Site> {
  const path = sitePath.replace(/^\/+/, '').replace(/^sites\//, '');
  const encoded = path.split('/').map(segment).join('/');
  return (await client.request<Site>('GET', `/sites/${segment(hostname)}:/sites/${encoded}`)).body;
}

/** `GET /sites/{site-id}`; the composite id is opaque. */
export async function getSite(client: GraphClient, siteId: string): Promise<Site> {
  return (await client.request<Site>('GET', `/sites/${segment(siteId)}`)).body;
}

/** Path prefix for a site's resources. */
export const sitePath = (siteId: string): string => `/sites/${segment(siteId)}`;
