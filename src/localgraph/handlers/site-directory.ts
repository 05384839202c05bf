// Site bootstrap and the hidden User Information List. As on SharePoint, a person is listed there only once the
// site has seen them: their own (delegated) request to the site, or POST _api/web/ensureuser
// (reference/graph-lists.md §7 and §10; "Graph v1.0 has no ensureUser"; msgraph docs issue #15695 and
// msgraph-sdk-powershell#1049: the site-local LookupId exists only for users in that list).
import { randomUUID } from 'node:crypto';
import type { Principal } from '../context';
import type { FilterNode } from '../odata/ast';
import type {
  ColumnRecord,
  DirectoryUser,
  ListRecord,
  ListStore,
  SiteRecord,
} from '../persistence/list-store';
import { SHAREPOINT_APP_USERNAME, UIL_TITLE } from './common';
import { titleColumn } from './column-definitions';
import { itemFieldResolver } from './field-values';

function textColumn(listId: string, name: string, displayName: string, hidden = false): ColumnRecord {
  return { ...titleColumn(listId), id: randomUUID(), name, displayName, required: false, hidden };
}

export function createSiteWithDirectory(
  store: ListStore,
  spec: { hostname: string; path: string; displayName: string; description?: string },
  now: string,
  /** Transitional lenient mode: copy every directory user into the new site's list. */
  withDirectory = false,
): SiteRecord {
  const site = store.createSite({
    id: `${spec.hostname},${randomUUID()},${randomUUID()}`,
    hostname: spec.hostname,
    path: spec.path,
    displayName: spec.displayName,
    description: spec.description ?? '',
    createdDateTime: now,
    lastModifiedDateTime: now,
  });
  const listId = randomUUID();
  const uil = store.createList(
    {
      id: listId,
      siteId: site.id,
      name: 'users',
      displayName: UIL_TITLE,
      description: 'All people.',
      template: 'genericList',
      hidden: true,
      system: true,
      createdDateTime: now,
      lastModifiedDateTime: now,
      createdBy: null,
    },
    [
      { ...titleColumn(listId), displayName: 'Name' },
      textColumn(listId, 'EMail', 'Work email'),
      textColumn(listId, 'UserName', 'User name'),
      textColumn(listId, 'Name', 'Account', true),
      textColumn(listId, 'JobTitle', 'Job Title'),
      textColumn(listId, 'Department', 'Department'),
    ],
  );
  const system = { user: { displayName: 'System Account' } };
  // The app principal every app-only write is attributed to, as in SharePoint.
  store.createItem(uil.id, {
    fields: {
      Title: 'SharePoint App',
      UserName: SHAREPOINT_APP_USERNAME,
      Name: 'i:0i.t|00000003-0000-0ff1-ce00-000000000000|app@sharepoint',
    },
    identity: system,
    uilId: 1,
    now,
  });
  if (withDirectory) for (const u of allUsers(store)) addUserToList(store, uil, u, now);
  return site;
}

function allUsers(store: ListStore): DirectoryUser[] {
  const out: DirectoryUser[] = [];
  let after: string | undefined;
  for (;;) {
    const page = store.queryUsers({ limit: 500, afterUpn: after });
    out.push(...page);
    if (page.length < 500) return out;
    after = page[page.length - 1]?.userPrincipalName;
  }
}

export function addUserToList(store: ListStore, uil: ListRecord, u: DirectoryUser, now: string): number {
  const item = store.createItem(uil.id, {
    fields: userFields(u),
    identity: { user: { displayName: 'System Account' } },
    uilId: 1,
    now,
  });
  return item.id;
}

function userFields(u: DirectoryUser): Record<string, string> {
  const f: Record<string, string> = {
    Title: u.displayName,
    UserName: u.userPrincipalName,
    Name: `i:0#.f|membership|${u.userPrincipalName}`,
  };
  if (u.mail) f.EMail = u.mail;
  if (u.jobTitle) f.JobTitle = u.jobTitle;
  if (u.department) f.Department = u.department;
  return f;
}

export function userInformationList(store: ListStore, site: SiteRecord): ListRecord | undefined {
  return store.getList(site.id, UIL_TITLE);
}

/** The person's id in the site's User Information List, if the site has seen them. */
export function findSiteUser(store: ListStore, uil: ListRecord, userName: string): number | undefined {
  const filter: FilterNode = {
    kind: 'compare',
    op: 'eq',
    left: { kind: 'field', scope: 'fields', name: 'UserName' },
    right: { kind: 'literal', type: 'string', value: userName },
  };
  const hit = store.queryItems(uil.id, {
    filter,
    resolve: itemFieldResolver(store.getColumns(uil.id), true),
    limit: 1,
  });
  return hit[0]?.id;
}

/**
 * A person's delegated request reached the site: they are "signed in" to it, so SharePoint lists them (first
 * visit). Remembered per store so a busy site does not query its list on every request.
 */
const signedIn = new WeakMap<ListStore, Set<string>>();
export function signInToSite(store: ListStore, site: SiteRecord, p: Principal, now: string): void {
  if (p.kind !== 'user' || !p.upn) return;
  let seen = signedIn.get(store);
  if (!seen) signedIn.set(store, (seen = new Set()));
  const key = `${site.id}|${p.upn.toLowerCase()}`;
  if (seen.has(key)) return;
  ensureSiteUser(store, site, p, now);
  seen.add(key);
}

/** The caller's id in the site's User Information List (a delegated caller is added on first sight). */
export function ensureSiteUser(
  store: ListStore,
  site: SiteRecord,
  p: Principal | undefined,
  now: string,
): number {
  const uil = userInformationList(store, site);
  if (!uil) return 1;
  if (!p || p.kind === 'app') return findSiteUser(store, uil, SHAREPOINT_APP_USERNAME) ?? 1;
  const upn = p.upn ?? '';
  const existing = findSiteUser(store, uil, upn);
  if (existing !== undefined) return existing;
  const user = store.getUser(upn);
  if (!user) return 1;
  return addUserToList(store, uil, user, now);
}
