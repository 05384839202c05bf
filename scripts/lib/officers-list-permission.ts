// The officers-only verification permission: a list in the governance site with unique permissions, which
// only the governance officers' group may write. Graph v1.0 cannot set list permissions, so this speaks
// SharePoint REST (token audience https://<tenant>.sharepoint.com, delegated, from a site owner):
//   POST {site}/_api/web/lists(guid'{id}')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)
//   POST {site}/_api/web/lists(guid'{id}')/roleassignments/addroleassignment(principalid={p},roledefid={r})
//   POST {site}/_api/web/lists(guid'{id}')/roleassignments/removeroleassignment(principalid={p},roledefid={r})
// Result: site owners Full Control, officers Contribute, site members and visitors Read. Idempotent.
// App-only Sites.Selected grants (the bot) are site-level and not affected; the bot checks the clicking
// person's role before it writes (src/bot).
import type { JsonClient } from './http';
import { HttpError } from './http';

/** SharePoint RoleTypeKind values of the built-in role definitions. */
export const ROLE_TYPE = {
  guest: 1,
  reader: 2,
  contributor: 3,
  webDesigner: 4,
  administrator: 5,
  editor: 6,
} as const;

export type OfficersPrincipal =
  /** An Entra ID security group (object id), added to the site with ensureuser. */
  | { readonly kind: 'entraGroup'; readonly objectId: string }
  /** A SharePoint site group by name. */
  | { readonly kind: 'spGroup'; readonly name: string };

export interface OfficersListOptions {
  /** SharePoint REST client with Accept: application/json;odata=nometadata. */
  readonly sp: JsonClient;
  /** https://contoso.sharepoint.com/sites/governance */
  readonly siteUrl: string;
  /** The list's URL name under /Lists/ (as provisioned, e.g. AiRegistry). */
  readonly listName: string;
  readonly officers: OfficersPrincipal;
}

export interface AssignmentChange {
  readonly principal: string;
  readonly principalId: number;
  readonly role: string;
  readonly action: 'added' | 'removed' | 'unchanged';
}

export interface OfficersListResult {
  readonly listId: string;
  readonly brokeInheritance: boolean;
  readonly changes: readonly AssignmentChange[];
  /** Other principals that can still write to the list (e.g. the admin who ran this); review them. */
  readonly otherWriters: readonly string[];
}

interface RoleDefinition {
  readonly Id: number;
  readonly Name: string;
  readonly RoleTypeKind: number;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

export async function setOfficersListPermission(options: OfficersListOptions): Promise<OfficersListResult> {
  const site = options.siteUrl.replace(/\/+$/, '');
  const api = `${site}/_api/web`;
  const sitePath = new URL(site).pathname.replace(/\/+$/, '');
  const list = await options.sp.request<{ Id: string; Title: string; HasUniqueRoleAssignments: boolean }>(
    'GET',
    `${api}/GetList(${quote(`${sitePath}/Lists/${options.listName}`)})?$select=Id,Title,HasUniqueRoleAssignments`,
  );
  const listApi = `${api}/lists(guid'${list.Id}')`;

  const roleDef = (kind: number): Promise<RoleDefinition> =>
    options.sp.request<RoleDefinition>(
      'GET',
      `${api}/roledefinitions/getbytype(${kind})?$select=Id,Name,RoleTypeKind`,
    );
  const [reader, contributor, administrator] = await Promise.all([
    roleDef(ROLE_TYPE.reader),
    roleDef(ROLE_TYPE.contributor),
    roleDef(ROLE_TYPE.administrator),
  ]);

  const group = (which: string): Promise<{ Id: number; Title: string }> =>
    options.sp.request('GET', `${api}/${which}?$select=Id,Title`);
  const [owners, members, visitors] = await Promise.all([
    group('associatedownergroup'),
    group('associatedmembergroup'),
    group('associatedvisitorgroup'),
  ]);
  const officers =
    options.officers.kind === 'entraGroup'
      ? await options.sp.request<{ Id: number; Title: string }>('POST', `${api}/ensureuser`, {
          logonName: `c:0t.c|tenant|${options.officers.objectId}`,
        })
      : await options.sp.request<{ Id: number; Title: string }>(
          'GET',
          `${api}/sitegroups/getbyname(${quote(options.officers.name)})?$select=Id,Title`,
        );

  let brokeInheritance = false;
  if (!list.HasUniqueRoleAssignments) {
    await options.sp.request(
      'POST',
      `${listApi}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`,
    );
    brokeInheritance = true;
  }

  const desired: { who: { Id: number; Title: string }; role: RoleDefinition }[] = [
    { who: owners, role: administrator },
    { who: officers, role: contributor },
    { who: members, role: reader },
    { who: visitors, role: reader },
  ];
  const changes: AssignmentChange[] = [];
  for (const { who, role } of desired) {
    let bindings: RoleDefinition[] = [];
    try {
      const found = await options.sp.request<{ value: RoleDefinition[] }>(
        'GET',
        `${listApi}/roleassignments/GetByPrincipalId(${who.Id})/RoleDefinitionBindings?$select=Id,Name,RoleTypeKind`,
      );
      bindings = found.value;
    } catch (error) {
      if (!(error instanceof HttpError) || (error.status !== 404 && error.status !== 400)) throw error;
    }
    for (const b of bindings) {
      if (b.Id === role.Id || b.RoleTypeKind === ROLE_TYPE.guest) continue;
      await options.sp.request(
        'POST',
        `${listApi}/roleassignments/removeroleassignment(principalid=${who.Id},roledefid=${b.Id})`,
      );
      changes.push({ principal: who.Title, principalId: who.Id, role: b.Name, action: 'removed' });
    }
    if (bindings.some((b) => b.Id === role.Id)) {
      changes.push({ principal: who.Title, principalId: who.Id, role: role.Name, action: 'unchanged' });
    } else {
      await options.sp.request(
        'POST',
        `${listApi}/roleassignments/addroleassignment(principalid=${who.Id},roledefid=${role.Id})`,
      );
      changes.push({ principal: who.Title, principalId: who.Id, role: role.Name, action: 'added' });
    }
  }

  const all = await options.sp.request<{
    value: { PrincipalId: number; Member: { Title: string }; RoleDefinitionBindings: RoleDefinition[] }[];
  }>('GET', `${listApi}/roleassignments?$expand=Member,RoleDefinitionBindings`);
  const known = new Set(desired.map((d) => d.who.Id));
  const writeKinds = new Set<number>([
    ROLE_TYPE.contributor,
    ROLE_TYPE.webDesigner,
    ROLE_TYPE.administrator,
    ROLE_TYPE.editor,
  ]);
  const otherWriters = all.value
    .filter(
      (a) =>
        !known.has(a.PrincipalId) && a.RoleDefinitionBindings.some((b) => writeKinds.has(b.RoleTypeKind)),
    )
    .map((a) => `${a.Member.Title} (${a.RoleDefinitionBindings.map((b) => b.Name).join(', ')})`);

  return { listId: list.Id, brokeInheritance, changes, otherWriters };
}
