// Grants an application (the reminder bot) a role on ONE SharePoint site through Microsoft Graph:
// the admin half of the Sites.Selected model. The app holds the application permission Sites.Selected
// (admin-consented), which by itself opens no site; this POST opens the governance site alone.
//   POST /v1.0/sites/{site-id}/permissions
//   { "roles": ["write"], "grantedToIdentities": [{ "application": { "id": "<app id>", "displayName": "..." } }] }
// The caller's token needs Sites.FullControl.All (delegated from a SharePoint/Global admin, or application).
import type { JsonClient } from './http';
import { HttpError } from './http';

export type SiteRole = 'read' | 'write' | 'manage' | 'fullcontrol';

export interface SitePermission {
  readonly id: string;
  readonly roles?: readonly string[];
  readonly grantedToIdentitiesV2?: readonly { application?: { id?: string; displayName?: string } }[];
  readonly grantedToIdentities?: readonly { application?: { id?: string; displayName?: string } }[];
}

export interface GrantSitePermissionOptions {
  readonly graph: JsonClient;
  /** e.g. https://graph.microsoft.com */
  readonly graphBaseUrl: string;
  /** contoso.sharepoint.com */
  readonly siteHostname: string;
  /** /sites/governance */
  readonly sitePath: string;
  /** Client id of the app to grant (BOT_ID). */
  readonly appId: string;
  readonly displayName: string;
  readonly role: SiteRole;
}

export interface GrantResult {
  readonly siteId: string;
  readonly permissionId: string;
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly roles: readonly string[];
}

const appIdOf = (p: SitePermission): string[] =>
  [...(p.grantedToIdentitiesV2 ?? []), ...(p.grantedToIdentities ?? [])]
    .map((i) => i.application?.id?.toLowerCase())
    .filter((id): id is string => id !== undefined);

/** Idempotent: creates the grant, or updates its role, or leaves it as it is. */
export async function grantSitePermission(options: GrantSitePermissionOptions): Promise<GrantResult> {
  const base = `${options.graphBaseUrl.replace(/\/+$/, '')}/v1.0`;
  const path = options.sitePath.startsWith('/') ? options.sitePath : `/${options.sitePath}`;
  const site = await options.graph.request<{ id: string }>(
    'GET',
    `${base}/sites/${options.siteHostname}:${path}?$select=id`,
  );
  const permissionsUrl = `${base}/sites/${site.id}/permissions`;
  const existing = await options.graph.request<{ value: SitePermission[] }>('GET', permissionsUrl);
  const appId = options.appId.toLowerCase();
  const mine = existing.value.find((p) => appIdOf(p).includes(appId));
  if (mine) {
    // Listing may omit roles: read the permission itself.
    const current = await options.graph.request<SitePermission>('GET', `${permissionsUrl}/${mine.id}`);
    const roles = current.roles ?? [];
    if (roles.length === 1 && roles[0]?.toLowerCase() === options.role) {
      return { siteId: site.id, permissionId: mine.id, action: 'unchanged', roles };
    }
    const updated = await options.graph.request<SitePermission>('PATCH', `${permissionsUrl}/${mine.id}`, {
      roles: [options.role],
    });
    return {
      siteId: site.id,
      permissionId: mine.id,
      action: 'updated',
      roles: updated.roles ?? [options.role],
    };
  }
  const body = (role: SiteRole): unknown => ({
    roles: [role],
    grantedToIdentities: [{ application: { id: options.appId, displayName: options.displayName } }],
  });
  try {
    const created = await options.graph.request<SitePermission>('POST', permissionsUrl, body(options.role));
    return {
      siteId: site.id,
      permissionId: created.id,
      action: 'created',
      roles: created.roles ?? [options.role],
    };
  } catch (error) {
    // Some tenants accept only read/write on creation; manage/fullcontrol are then set by a PATCH.
    if (
      !(error instanceof HttpError) ||
      error.status !== 400 ||
      options.role === 'read' ||
      options.role === 'write'
    ) {
      throw error;
    }
    const created = await options.graph.request<SitePermission>('POST', permissionsUrl, body('write'));
    const updated = await options.graph.request<SitePermission>('PATCH', `${permissionsUrl}/${created.id}`, {
      roles: [options.role],
    });
    return {
      siteId: site.id,
      permissionId: created.id,
      action: 'created',
      roles: updated.roles ?? [options.role],
    };
  }
}
