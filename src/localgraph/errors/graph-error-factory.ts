// One function per Graph error code. Handlers throw only these; server.ts serialises them.
import { GraphError } from './graph-error';

export function invalidRequest(message = 'Invalid request'): GraphError {
  return new GraphError(400, 'invalidRequest', message);
}

export function itemNotFound(message = 'The specified list item was not found.'): GraphError {
  return new GraphError(404, 'itemNotFound', message);
}

export function listNotFound(): GraphError {
  return itemNotFound('The specified list was not found');
}

export function siteNotFound(): GraphError {
  return itemNotFound('Requested site could not be found');
}

export function routeNotFound(path: string): GraphError {
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`);
}

export function methodNotAllowed(): GraphError {
  return new GraphError(
    405,
    'Request_BadRequest',
    'Specified HTTP method is not allowed for the request target.',
  );
}

export function accessDenied(message = 'Access denied'): GraphError {
  return new GraphError(403, 'accessDenied', message);
}

export function authorizationDenied(): GraphError {
  return new GraphError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );
}

export function unauthenticated(message = 'Access token is empty.'): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate':
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
  });
}

export function preconditionFailed(): GraphError {
  return new GraphError(412, 'resourceModified', "ETag does not match current item's value");
}

export function nameAlreadyExists(message: string): GraphError {
  return new GraphError(409, 'nameAlreadyExists', message);
}

export function throttled(retryAfterSeconds: number): GraphError {
  return new GraphError(
    429,
    'activityLimitReached',
    'The request has been throttled',
    { 'Retry-After': String(retryAfterSeconds) },
    ['throttledRequest', 'quota'],
  );
}

export function serviceNotAvailable(retryAfterSeconds: number): GraphError {
  return new GraphError(
    503,
    'serviceNotAvailable',
    'The service is temporarily unavailable. Please retry later.',
    {
      'Retry-After': String(retryAfterSeconds),
    },
  );
}

export function generalException(message = 'General exception while processing'): GraphError {
  return new GraphError(500, 'generalException', message);
}

/** 410 for a stale or invalid delta token; Location carries a fresh enumeration link. */
export function resyncRequired(location: string): GraphError {
  return new GraphError(
    410,
    'resyncChangesApplyDifferences',
    "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
    { Location: location },
    ['resyncRequired'],
  );
}

export function notSupported(message: string): GraphError {
  return new GraphError(400, 'notSupported', message);
}

export function failedDependency(): GraphError {
  return new GraphError(424, 'FailedDependency', 'The request failed due to failure of a previous request.');
}

export function directoryNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function directoryBadRequest(message: string): GraphError {
  return new GraphError(400, 'Request_BadRequest', message);
}

export function directoryUnsupportedQuery(message: string): GraphError {
  return new GraphError(400, 'Request_UnsupportedQuery', message);
}

export function meAppOnly(): GraphError {
  return new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
}

export function nonIndexedField(name: string): GraphError {
  return invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

/** A person id not in the site's User Information List (SharePoint's SPException text, SharePoint/sp-dev-docs#10163). */
export function userNotInSite(): GraphError {
  return invalidRequest('The user does not exist or is not unique.');
}

/** hyperlinkOrPicture values cannot be written through Graph (microsoft-graph-docs#1965, #7536, #12638). */
export function hyperlinkWriteRefused(): GraphError {
  return invalidRequest('The request is malformed or incorrect.');
}

/** Non-indexed filter/sort on a list over the list view threshold (SPQueryThrottledException, pnp/pnpjs#3149). */
export function listViewThresholdExceeded(): GraphError {
  return new GraphError(
    400,
    'invalidRequest',
    'The attempted operation is prohibited because it exceeds the list view threshold.',
    {},
    ['SPQueryThrottledException'],
  );
}

/** More than 12 lookup columns projected in one query (SharePoint's lookup column threshold). */
export function lookupThresholdExceeded(): GraphError {
  return new GraphError(
    400,
    'invalidRequest',
    'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold enforced by the administrator.',
    {},
    ['SPQueryThrottledException'],
  );
}

export function fieldNotRecognized(name: string): GraphError {
  return invalidRequest(`Field '${name}' is not recognized`);
}

export function requestTooLarge(limitBytes: number): GraphError {
  return new GraphError(
    413,
    'requestEntityTooLarge',
    `The request body is larger than ${Math.round(limitBytes / (1024 * 1024))} MB; send fewer or smaller requests.`,
  );
}

/** A Host header that does not name this loopback server (DNS-rebinding defence). */
export function misdirectedHost(): GraphError {
  return new GraphError(
    421,
    'invalidRequest',
    'The request was sent to a host name this server does not answer for.',
  );
}

export function uriTooLong(limit: number): GraphError {
  return new GraphError(414, 'invalidRequest', `The request URL is longer than ${limit} characters.`);
}

export function headersTooLarge(limit: number): GraphError {
  return new GraphError(
    431,
    'invalidRequest',
    `The request headers (URL included) are larger than ${limit} bytes.`,
  );
}

export function malformedJson(): GraphError {
  return invalidRequest('Invalid request body: the JSON could not be parsed.');
}
