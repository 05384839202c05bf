import type { Actor } from '../../src/domain/roles';
import { createOfficeWorkbook } from '../../src/addin/excel/office-workbook';
import { CONFLICT_FILL } from '../../src/addin/sync/engine';
import { FakeExcel } from './fake-excel';
import {
  asset,
  byTitle,
  col,
  CUSTODIAN,
  engineFor,
  FOCAL,
  OTHER,
  rowOf,
  startHarness,
  type Harness,
} from './harness';

describe('add-in sync against localgraph', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness([
      asset(1),
      asset(2),
      asset(3, { description: '=HYPERLINK("http://evil.example","click")' }),
      asset(4, { mission: 'senegal', region: 'africa' }),
    ]);
  });
  afterAll(() => h.close());

  it('pulls only the mission, with formulas from SharePoint kept as text, and pushes an edit', async () => {
    const { engine, workbook } = engineFor(h);
    const progress: string[] = [];
    expect(await engine.pull((p) => progress.push(p.phase))).toEqual({ rows: 3 });
    expect(progress).toContain('writing');
    const rows = await workbook.readRows(engine.tableName);
    expect(rows.map((r) => r[col(engine, 'Title')])).toEqual(['Asset 0001', 'Asset 0002', 'Asset 0003']);
    const r3 = await rowOf(engine, workbook, 'Asset 0003');
    expect(rows[r3]?.[col(engine, 'description')]).toBe('=HYPERLINK("http://evil.example","click")');
    expect(workbook.formulaAt(engine.tableName, r3, col(engine, 'description'))).toBeUndefined();
    expect(rows[0]?.[col(engine, 'custodian')]).toBe(CUSTODIAN);
    expect(rows[0]?.[col(engine, 'lastReviewed')]).toBe(45672); // an Excel date

    expect(await engine.pending()).toBe(0);
    const r1 = await rowOf(engine, workbook, 'Asset 0001');
    expect(workbook.enter(engine.tableName, r1, col(engine, 'sensitivity'), 'Internal')).toEqual({
      ok: true,
    });
    const report = await engine.push();
    expect(report.counts).toEqual({ saved: 1, rejected: 0, conflict: 0, invalid: 0 });
    expect(report.sent).toBe(1);
    expect((await byTitle(h.admin, 'Asset 0001'))?.values.sensitivity).toBe('Internal');
    // Nothing left to send.
    expect((await engine.push()).sent).toBe(0);
  });
});

describe('push: invalid cells, conflicts, deletions, new rows', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness([asset(1), asset(2), asset(3), asset(4)]);
  });
  afterEach(() => h.close());

  it('marks an invalid cell with a fill and a note in the user language, and sends nothing for that row', async () => {
    const { engine, workbook } = engineFor(h, { locale: 'fr' });
    await engine.pull();
    const r1 = await rowOf(engine, workbook, 'Asset 0001');
    const r2 = await rowOf(engine, workbook, 'Asset 0002');
    workbook.enter(engine.tableName, r1, col(engine, 'custodian'), 'not-an-email');
    workbook.enter(engine.tableName, r2, col(engine, 'retention'), '10 ans');
    const report = await engine.push();
    expect(report.counts).toMatchObject({ saved: 1, invalid: 1 });
    expect(report.sent).toBe(1);
    const view = workbook.view()[0];
    const cell = {
      fill: view?.rows[r1]?.fills[col(engine, 'custodian')],
      note: view?.rows[r1]?.notes[col(engine, 'custodian')],
    };
    expect(cell.fill).toBe('#FFC7CE');
    expect(cell.note).toMatch(/not-an-email/);
    expect(cell.note).toMatch(/Dépositaire|adresse|courriel|e-mail/i);
    expect((await byTitle(h.admin, 'Asset 0001'))?.values.custodian).toBe(CUSTODIAN);
    // Fixing the cell clears the mark at the next push.
    workbook.enter(engine.tableName, r1, col(engine, 'custodian'), 'OMAR.HADDAD@contoso.org');
    const again = await engine.push();
    expect(again.counts).toMatchObject({ saved: 1, invalid: 0 });
    expect(workbook.view()[0]?.rows[r1]?.fills[col(engine, 'custodian')]).toBeNull();
    expect(workbook.view()[0]?.rows[r1]?.values[col(engine, 'custodian')]).toBe('omar.haddad@contoso.org');
  });

  it('shows a conflict with both values when SharePoint changed the row since the pull; nothing is overwritten', async () => {
    const { engine, workbook } = engineFor(h);
    await engine.pull();
    const server = await byTitle(h.admin, 'Asset 0002');
    await h.admin.update(server?.id ?? '', { retention: '5 years' }, server?.eTag ?? '');
    const r2 = await rowOf(engine, workbook, 'Asset 0002');
    workbook.enter(engine.tableName, r2, col(engine, 'retention'), '10 years');
    const report = await engine.push();
    expect(report.counts.conflict).toBe(1);
    const conflict = report.conflicts[0];
    expect(conflict?.fields).toEqual([
      expect.objectContaining({
        field: 'retention',
        base: '7 years after case closure',
        mine: '10 years',
        theirs: '5 years',
      }),
    ]);
    expect((await byTitle(h.admin, 'Asset 0002'))?.values.retention).toBe('5 years');
    // Keep mine: sent again with the server's eTag.
    const resolved = await engine.resolve(conflict!, 'keepMine');
    expect(resolved?.counts.saved).toBe(1);
    expect((await byTitle(h.admin, 'Asset 0002'))?.values.retention).toBe('10 years');
  });

  it('takes theirs, or merges per field', async () => {
    const { engine, workbook } = engineFor(h);
    await engine.pull();
    const s3 = await byTitle(h.admin, 'Asset 0003');
    await h.admin.update(
      s3?.id ?? '',
      { retention: 'Server retention', hostingCountry: 'Kenya' },
      s3?.eTag ?? '',
    );
    const r3 = await rowOf(engine, workbook, 'Asset 0003');
    workbook.enter(engine.tableName, r3, col(engine, 'retention'), 'My retention');
    workbook.enter(engine.tableName, r3, col(engine, 'description'), 'My description');
    const report = await engine.push();
    const conflict = report.conflicts[0]!;
    expect(conflict.fields.map((f) => f.field).sort()).toEqual([
      'description',
      'hostingCountry',
      'retention',
    ]);
    await engine.resolve(conflict, { retention: 'theirs', description: 'mine' });
    const rows = await workbook.readRows(engine.tableName);
    expect(rows[r3]?.[col(engine, 'retention')]).toBe('Server retention');
    expect(rows[r3]?.[col(engine, 'hostingCountry')]).toBe('Kenya');
    expect(rows[r3]?.[col(engine, 'description')]).toBe('My description');
    const next = await engine.push();
    expect(next.counts.saved).toBe(1);
    const saved = await byTitle(h.admin, 'Asset 0003');
    expect(saved?.values).toMatchObject({
      retention: 'Server retention',
      hostingCountry: 'Kenya',
      description: 'My description',
    });
  });

  it('in Excel (the office.js adapter over the Excel fake), a resolved conflict loses its comments and fills', async () => {
    const excel = new FakeExcel();
    const { engine } = engineFor(h, { workbook: createOfficeWorkbook({ run: excel.run }) });
    await engine.pull();
    const s2 = await byTitle(h.admin, 'Asset 0002');
    await h.admin.update(s2?.id ?? '', { retention: '5 years' }, s2?.eTag ?? '');
    const retention = col(engine, 'retention');
    expect(await excel.edit(engine.tableName, 1, retention, '10 years')).toBe(true);
    const report = await engine.push();
    expect(report.counts.conflict).toBe(1);
    expect(excel.noteAt(engine.tableName, 1, retention)).toMatch(/^Governance Hub: .*5 years/);
    expect(excel.fillAt(engine.tableName, 1, retention)).toBe(CONFLICT_FILL);
    await engine.resolve(report.conflicts[0]!, 'takeTheirs');
    expect(excel.noteAt(engine.tableName, 1, retention)).toBeNull();
    expect(excel.fillAt(engine.tableName, 1, retention)).toBeNull();
    expect(await engine.pending()).toBe(0);
  });

  it('deletes rows marked for deletion with If-Match', async () => {
    const { engine, workbook } = engineFor(h);
    await engine.pull();
    const r4 = await rowOf(engine, workbook, 'Asset 0004');
    workbook.enter(engine.tableName, r4, engine.layout.actionCol, 'Delete');
    const report = await engine.push();
    expect(report.counts.saved).toBe(1);
    expect(await byTitle(h.admin, 'Asset 0004')).toBeUndefined();
    expect((await workbook.readRows(engine.tableName)).length).toBe(3);
  });

  it('creates a new row exactly once even when the answer was lost and the push is retried', async () => {
    const { engine, workbook } = engineFor(h);
    await engine.pull();
    await engine.addRows(1);
    const row = (await workbook.readRows(engine.tableName)).length - 1;
    const type = (field: string, text: string) =>
      workbook.enter(engine.tableName, row, col(engine, field), text);
    type('Title', 'New survey');
    type('description', 'Household survey 2025');
    type('assetType', 'Dataset');
    type('domain', 'Beneficiary and case management');
    type('owner', 'omar.haddad@contoso.org');
    type('custodian', CUSTODIAN);
    type('location', 'Cloud service');
    type('sensitivity', 'Internal');
    type('containsPersonalData', 'No');
    type('retention', '2 years');
    // The first push reaches SharePoint, but its answer is lost (the pane closed, the network dropped).
    const lossy = {
      ...h.focal,
      list: h.focal.list,
      delta: h.focal.delta,
      applyBatch: async (...args: Parameters<typeof h.focal.applyBatch>) => {
        await h.focal.applyBatch(...args);
        throw new Error('network lost');
      },
    };
    const { engine: first } = engineFor(h, { workbook, gateway: lossy });
    await expect(first.push()).rejects.toThrow('network lost');
    const again = await engine.push();
    expect(again.counts.saved).toBe(1);
    expect(again.sent).toBe(0);
    const all = await h.admin.list({
      filter: [{ field: 'Title', op: 'eq', value: 'New survey' }],
      allowNonIndexed: true,
    });
    expect(all).toHaveLength(1);
    expect(all[0]?.values).toMatchObject({ mission: 'kenya', region: 'africa', lastReviewed: '2025-06-01' });
    const rows = await workbook.readRows(engine.tableName);
    expect(rows[row]?.[engine.layout.idCol]).toBe(all[0]?.id);
    expect((await engine.push()).sent).toBe(0);
  });

  it('retries throttled sub-requests (429) and saves every row once', async () => {
    const { engine, workbook } = engineFor(h);
    await engine.pull();
    for (const title of ['Asset 0001', 'Asset 0002', 'Asset 0003', 'Asset 0004']) {
      workbook.enter(
        engine.tableName,
        await rowOf(engine, workbook, title),
        col(engine, 'hostingCountry'),
        'Kenya',
      );
    }
    h.graph.setFaults({ throttleRate: 0.5, retryAfterSeconds: 0 });
    const report = await engine.push();
    h.graph.setFaults({ throttleRate: 0 });
    expect(report.counts).toMatchObject({ saved: 4, rejected: 0 });
    for (const title of ['Asset 0001', 'Asset 0004'])
      expect((await byTitle(h.admin, title))?.values.hostingCountry).toBe('Kenya');
  });
});

describe('refresh (delta)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness([asset(1), asset(2), asset(3)]);
  });
  afterEach(() => h.close());

  it('brings in what changed since the pull and keeps local unsaved edits', async () => {
    const { engine, workbook } = engineFor(h);
    await engine.pull();
    const r1 = await rowOf(engine, workbook, 'Asset 0001');
    const r2 = await rowOf(engine, workbook, 'Asset 0002');
    workbook.enter(engine.tableName, r1, col(engine, 'retention'), 'Mine: 3 years');
    workbook.enter(engine.tableName, r2, col(engine, 'retention'), 'Mine too');
    const s1 = await byTitle(h.admin, 'Asset 0001');
    const s2 = await byTitle(h.admin, 'Asset 0002');
    const s3 = await byTitle(h.admin, 'Asset 0003');
    await h.admin.update(s1?.id ?? '', { hostingCountry: 'Kenya' }, s1?.eTag ?? ''); // other field: merged
    await h.admin.update(s2?.id ?? '', { retention: 'Theirs' }, s2?.eTag ?? ''); // same field: conflict later
    await h.admin.update(s3?.id ?? '', { sensitivity: 'Public' }, s3?.eTag ?? ''); // untouched row: updated
    await h.admin.create(asset(9));
    const report = await engine.refresh();
    expect(report).toEqual({ updated: 1, added: 1, removed: 0, merged: 1, conflicting: 1, resynced: false });
    const rows = await workbook.readRows(engine.tableName);
    expect(rows[r1]?.[col(engine, 'retention')]).toBe('Mine: 3 years');
    expect(rows[r1]?.[col(engine, 'hostingCountry')]).toBe('Kenya');
    expect(rows[r2]?.[col(engine, 'retention')]).toBe('Mine too');
    expect(rows[await rowOf(engine, workbook, 'Asset 0003')]?.[col(engine, 'sensitivity')]).toBe('Public');
    expect(rows.some((r) => r[col(engine, 'Title')] === 'Asset 0009')).toBe(true);
    const push = await engine.push();
    expect(push.counts).toMatchObject({ saved: 1, conflict: 1 });
    expect((await byTitle(h.admin, 'Asset 0001'))?.values).toMatchObject({
      retention: 'Mine: 3 years',
      hostingCountry: 'Kenya',
    });
  });
});

describe('refresh after the delta token expired (410 Gone)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness([asset(1), asset(2), asset(3), asset(4)]);
  });
  afterEach(() => h.close());

  it('reads everything again, keeps local edits, removes what is gone, and says it resynced', async () => {
    const { engine, workbook } = engineFor(h);
    await engine.pull();
    const retention = col(engine, 'retention');
    workbook.enter(engine.tableName, await rowOf(engine, workbook, 'Asset 0001'), retention, 'Mine: 3 years');
    const [s1, s2, s3] = await Promise.all(
      ['Asset 0001', 'Asset 0002', 'Asset 0003'].map((t) => byTitle(h.admin, t)),
    );
    await h.admin.update(s1?.id ?? '', { hostingCountry: 'Kenya' }, s1?.eTag ?? ''); // merged with my edit
    await h.admin.update(s2?.id ?? '', { sensitivity: 'Public' }, s2?.eTag ?? ''); // untouched row: updated
    await h.admin.remove(s3?.id ?? '', s3?.eTag ?? ''); // gone: only a full read can tell
    await h.admin.create(asset(9));
    await h.expireDeltaTokens();

    h.requests.length = 0;
    const report = await engine.refresh();
    expect(report).toEqual({ updated: 1, added: 1, removed: 1, merged: 1, conflicting: 0, resynced: true });
    // The saved token answered 410, then the read started again.
    expect(h.requests.length).toBeGreaterThanOrEqual(2);
    const rows = await workbook.readRows(engine.tableName);
    const titles = rows.map((r) => r[col(engine, 'Title')]).filter(Boolean);
    expect(titles).toEqual(['Asset 0001', 'Asset 0002', 'Asset 0004', 'Asset 0009']);
    const r1 = rows[await rowOf(engine, workbook, 'Asset 0001')];
    expect(r1?.[retention]).toBe('Mine: 3 years');
    expect(r1?.[col(engine, 'hostingCountry')]).toBe('Kenya');
    expect(rows[await rowOf(engine, workbook, 'Asset 0002')]?.[col(engine, 'sensitivity')]).toBe('Public');

    // The new token works: a second refresh is an ordinary one, and my edit still pushes against their version.
    expect((await engine.refresh()).resynced).toBe(false);
    expect((await engine.push()).counts).toMatchObject({ saved: 1, conflict: 0 });
    expect((await byTitle(h.admin, 'Asset 0001'))?.values).toMatchObject({
      retention: 'Mine: 3 years',
      hostingCountry: 'Kenya',
    });
  });
});

describe('push: roles checked per row, as SharePoint will', () => {
  let h: Harness;
  const custodian: Actor = { email: CUSTODIAN, roles: ['custodian'], missions: [] };
  const focalPoint: Actor = { email: FOCAL, roles: ['focalPoint'], missions: ['kenya'] };
  beforeAll(async () => {
    h = await startHarness([
      asset(1), // Amina's own (custodian)
      asset(2, { custodian: OTHER, owner: OTHER }), // Omar's, same mission
      asset(3, { custodian: OTHER, owner: OTHER }),
    ]);
  });
  afterAll(() => h.close());

  const writes = () => h.requests.filter((r) => r.method !== 'GET').length;

  it('a custodian cannot push edits to another custodian’s records: rejected with a reason, nothing sent', async () => {
    const { engine, workbook } = engineFor(h, { actor: custodian });
    await engine.pull();
    const mine = await rowOf(engine, workbook, 'Asset 0001');
    const theirs = await rowOf(engine, workbook, 'Asset 0002');
    workbook.enter(engine.tableName, mine, col(engine, 'retention'), 'Mine: 5 years');
    workbook.enter(engine.tableName, theirs, col(engine, 'retention'), 'Not mine to change');
    const before = h.requests.length;
    const report = await engine.push();
    expect(report.counts).toEqual({ saved: 1, rejected: 1, conflict: 0, invalid: 0 });
    expect(report.sent).toBe(1);
    const rejected = report.rows.find((r) => r.status === 'rejected');
    expect(rejected).toMatchObject({
      row: theirs,
      title: 'Asset 0002',
      kind: 'update',
      code: 'notOwnRecord',
    });
    expect(rejected?.message).toMatch(/custodian or owner/);
    // Only one $batch went out, holding only Amina's row.
    const sent = h.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(sent).toHaveLength(1);
    expect((await byTitle(h.admin, 'Asset 0001'))?.values.retention).toBe('Mine: 5 years');
    expect((await byTitle(h.admin, 'Asset 0002'))?.values.retention).toBe('7 years after case closure');
    // The row is marked with the reason and the edit stays in the sheet, still pending.
    const view = workbook.view()[0];
    expect(view?.rows[theirs]?.fills[engine.layout.actionCol]).toBe('#FFC7CE');
    expect(view?.rows[theirs]?.notes[engine.layout.actionCol]).toBe(rejected?.message);
    expect(await engine.pending()).toBe(1);
  });

  it('refuses deletions in the person’s language, and new rows for someone else', async () => {
    const fr = engineFor(h, { actor: custodian, locale: 'fr' });
    await fr.engine.pull();
    const theirs = await rowOf(fr.engine, fr.workbook, 'Asset 0003');
    fr.workbook.enter(fr.engine.tableName, theirs, fr.engine.layout.actionCol, 'Supprimer');
    const before = writes();
    const deletion = await fr.engine.push();
    expect(deletion.sent).toBe(0);
    expect(deletion.rows).toEqual([
      expect.objectContaining({
        row: theirs,
        kind: 'delete',
        status: 'rejected',
        code: 'notPermitted',
        id: '3',
      }),
    ]);
    expect(deletion.rows[0]?.message).toMatch(/^Non envoyé : votre rôle ne le permet pas/);
    expect(await byTitle(h.admin, 'Asset 0003')).toBeDefined();

    const { engine, workbook } = engineFor(h, { actor: custodian });
    await engine.pull();
    await engine.addRows(1);
    const row = (await workbook.readRows(engine.tableName)).length - 1;
    const type = (field: string, text: string) =>
      workbook.enter(engine.tableName, row, col(engine, field), text);
    type('Title', 'Someone else’s survey');
    type('description', 'Household survey 2025');
    type('assetType', 'Dataset');
    type('domain', 'Beneficiary and case management');
    type('owner', OTHER);
    type('custodian', OTHER);
    type('location', 'Cloud service');
    type('sensitivity', 'Internal');
    type('containsPersonalData', 'No');
    type('retention', '2 years');
    const created = await engine.push();
    expect(created.sent).toBe(0);
    expect(created.rows).toEqual([
      expect.objectContaining({ row, kind: 'create', status: 'rejected', code: 'notOwnRecord' }),
    ]);
    expect(writes()).toBe(before);
    expect(await byTitle(h.admin, 'Someone else’s survey')).toBeUndefined();
    // Made her own, the same row goes out.
    type('custodian', CUSTODIAN);
    expect((await engine.push()).counts).toMatchObject({ saved: 1, rejected: 0 });
  });

  it('the mission’s focal point may change every record of the mission', async () => {
    const { engine, workbook } = engineFor(h, { actor: focalPoint });
    await engine.pull();
    const theirs = await rowOf(engine, workbook, 'Asset 0002');
    workbook.enter(engine.tableName, theirs, col(engine, 'retention'), 'Set by the focal point');
    const report = await engine.push();
    expect(report.counts).toMatchObject({ saved: 1, rejected: 0 });
    expect((await byTitle(h.admin, 'Asset 0002'))?.values.retention).toBe('Set by the focal point');
  });

  it('a focal point of another mission is refused', async () => {
    const { engine, workbook } = engineFor(h, {
      actor: { email: FOCAL, roles: ['focalPoint'], missions: ['senegal'] },
    });
    await engine.pull();
    const r = await rowOf(engine, workbook, 'Asset 0003');
    workbook.enter(engine.tableName, r, col(engine, 'retention'), 'Not my mission');
    const report = await engine.push();
    expect(report.rows[0]).toMatchObject({ status: 'rejected', code: 'notOwnMission' });
    expect(report.sent).toBe(0);
  });
});
