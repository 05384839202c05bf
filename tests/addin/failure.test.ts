// Every failure of a pane action becomes a kind a person can act on, with a message in each language.
import { AuthRequiredError } from '../../src/client/auth';
import { GraphError } from '../../src/graph/errors';
import { ExcelApiError } from '../../src/addin/excel/workbook-port';
import { catalogues } from '../../src/addin/i18n';
import { NotPulledError } from '../../src/addin/sync/engine';
import { classifyFailure, NoMissionError } from '../../src/addin/taskpane/failure';

const graph = (status: number) => new GraphError({ status, code: 'x', message: `HTTP ${status}` });

describe('pane failures', () => {
  it.each([
    [graph(401), 'unauthenticated'],
    [new AuthRequiredError(), 'unauthenticated'],
    [graph(403), 'forbidden'],
    [graph(429), 'throttled'],
    [graph(503), 'server'],
    [new TypeError('Failed to fetch'), 'server'],
    [new NotPulledError(), 'notPulled'],
    [new NoMissionError(), 'chooseMission'],
    // Excel's own errors, by code (Excel.ErrorCodes), whatever language Office words them in.
    [new ExcelApiError('InvalidOperationInCellEditMode', 'Excel est en mode édition'), 'excelEditing'],
    [new ExcelApiError('RequestPayloadSizeLimitExceeded', '…'), 'excelTooLarge'],
    [new ExcelApiError('ResponsePayloadSizeLimitExceeded', '…'), 'excelTooLarge'],
    [new ExcelApiError('ItemNotFound', '…'), 'excelTableGone'],
    [new ExcelApiError('AccessDenied', '…'), 'excelProtected'],
    [new Error('odd'), 'unknown'],
  ])('%s → %s', (error, kind) => {
    expect(classifyFailure(error, true).kind).toBe(kind);
  });

  it('offline when the network is down', () => {
    expect(classifyFailure(new TypeError('Failed to fetch'), false).kind).toBe('offline');
  });

  it('has a message for every kind in every language', () => {
    const kinds = Object.keys(catalogues.en.errors);
    for (const messages of Object.values(catalogues)) {
      expect(Object.keys(messages.errors).sort()).toEqual([...kinds].sort());
      for (const text of Object.values(messages.errors)) expect(text.length).toBeGreaterThan(10);
    }
  });
});
