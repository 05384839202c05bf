// GET /sites/{id}, /sites/root, /sites/{hostname}:/sites/{path}
import type { Handler } from '../context';
import { queryOption } from '../context';
import { authorize } from './common';
import { parseSelect } from '../odata/query-options';
import { applySelect, contextUrl, resolveSite, siteJson } from './common';

export const getSite: Handler = (ctx) => {
  const site = resolveSite(ctx);
  authorize(ctx, 'read', site);
  const body = applySelect(siteJson(site), parseSelect(queryOption(ctx, 'select')));
  return { status: 200, body: { '@odata.context': contextUrl(ctx, 'sites/$entity'), ...body } };
};
