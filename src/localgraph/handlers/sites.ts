// GET /sites/{id}, /sites/root, /sites/{hostname}:/sites/{path}
import type { Handler } from '../context';
import { queryOption } from '../context';
import { requireAccess } from '../auth/permissions';
import { parseSelect } from '../odata/query-options';
import { applySelect, contextUrl, resolveSite, siteJson } from './common';

export const getSite: Handler = (ctx) => {
  const site = resolveSite(ctx);
  requireAccess(ctx, 'read', site);
  const body = applySelect(siteJson(site), parseSelect(queryOption(ctx, 'select')));
  return { status: 200, body: { '@odata.context': contextUrl(ctx, 'sites/$entity'), ...body } };
};
