import { ALL_GROUNDS } from '../../src/domain/ai-act/questions';
import { MISSIONS, REGIONS, REGION_IDS, regionOfMission } from '../../src/domain/reference/missions';
import { REGISTERS, REGISTER_IDS } from '../../src/domain/registers';
import { sameFieldValue } from '../../src/domain/schema/conditions';
import { FIELD_TYPES, LOCALES } from '../../src/domain/schema/types';
import type { RegisterSchema } from '../../src/domain/schema/types';

const schemas: [string, RegisterSchema][] = REGISTER_IDS.map((id) => [id, REGISTERS[id]]);
const ARABIC = /[\u0600-\u06ff]/;

describe.each(schemas)('register %s', (id, schema) => {
  const names = schema.fields.map((f) => f.name);
  const fieldNamed = (n: string) => schema.fields.find((f) => f.name === n);

  it('has its own id and a URL-safe list name', () => {
    expect(schema.id).toBe(id);
    expect(schema.listName).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  it('uses SharePoint-safe, unique internal names and the built-in Title', () => {
    for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9]{0,31}$/);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('Title');
    expect(fieldNamed('Title')?.type).toBe('text');
  });

  it('has at most 20 indexed fields, including the filtered ones', () => {
    const indexed = schema.fields.filter((f) => f.indexed).map((f) => f.name);
    expect(indexed.length).toBeLessThanOrEqual(20);
    for (const n of [schema.missionField, schema.custodianField, schema.lastReviewedField])
      expect(indexed).toContain(n);
  });

  it('has a label and help text in every locale, Arabic in Arabic script', () => {
    for (const f of schema.fields) {
      expect(FIELD_TYPES).toContain(f.type);
      for (const l of LOCALES) {
        expect(f.label[l].trim()).not.toBe('');
        expect(f.help[l].trim()).not.toBe('');
      }
      expect(f.label.ar).toMatch(ARABIC);
      expect(f.help.ar).toMatch(ARABIC);
      // A French label identical to the English one is fine for a few words (Description, Mission),
      // but the help texts must really be translated.
      expect(f.help.fr).not.toBe(f.help.en);
      expect(f.help.es).not.toBe(f.help.en);
    }
    for (const l of LOCALES) expect(schema.displayName[l]).not.toBe('');
  });

  it('gives every choice a label in every locale, and nothing else', () => {
    for (const f of schema.fields.filter((x) => x.type === 'choice' || x.type === 'multiChoice')) {
      if (f.choiceSource) {
        expect(f.choices).toBeUndefined();
        continue;
      }
      expect(f.choices?.length).toBeGreaterThan(0);
      expect(new Set(f.choices).size).toBe(f.choices?.length);
      expect(Object.keys(f.choiceLabels ?? {}).sort()).toEqual([...(f.choices ?? [])].sort());
      for (const c of f.choices ?? []) for (const l of LOCALES) expect(f.choiceLabels?.[c]?.[l]).toBeTruthy();
      for (const c of f.choices ?? []) expect(c).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('refers only to fields it has', () => {
    const refs = [
      schema.custodianField,
      schema.missionField,
      schema.lastReviewedField,
      schema.reviewCycle.cycleField,
      ...schema.ownerFields,
      ...schema.classificationFields,
      ...(schema.regionField ? [schema.regionField] : []),
      ...(schema.domainField ? [schema.domainField] : []),
      ...(schema.verificationField ? [schema.verificationField] : []),
      ...(schema.lastReviewedByField ? [schema.lastReviewedByField] : []),
      ...schema.fields.flatMap((f) => (typeof f.required === 'object' ? [f.required.field] : [])),
      ...schema.reviewCycle.defaults.flatMap((d) => d.whenAny.map((c) => c.field)),
    ];
    for (const r of refs) expect(names).toContain(r);
    for (const n of schema.ownerFields) expect(fieldNamed(n)?.type).toBe('person');
    expect(fieldNamed(schema.custodianField)?.type).toBe('person');
    expect(fieldNamed(schema.lastReviewedField)?.type).toBe('date');
    expect(fieldNamed(schema.missionField)?.choiceSource).toBe('missions');
    expect(fieldNamed(schema.lastReviewedByField ?? '')?.system).toBe(true);
  });

  it('uses conditional values that exist among the choices of the field they test', () => {
    for (const f of schema.fields) {
      if (typeof f.required !== 'object') continue;
      const dep = fieldNamed(f.required.field);
      if (dep?.type === 'boolean') for (const v of f.required.oneOf) expect(typeof v).toBe('boolean');
      else for (const v of f.required.oneOf) expect(dep?.choices).toContain(v);
    }
  });

  it('points lookups at registers', () => {
    for (const f of schema.fields.filter((x) => x.type === 'lookup'))
      expect(REGISTER_IDS).toContain(f.lookupRegister);
  });
});

describe('register specifics', () => {
  const inv = REGISTERS.dataInventory;
  const ai = REGISTERS.aiRegistry;
  const risk = REGISTERS.riskRegister;
  const f = (s: RegisterSchema, n: string) => s.fields.find((x) => x.name === n);

  it.each([
    ['dataSubjects', inv, { field: 'containsPersonalData', oneOf: [true] }],
    ['legalBasis', inv, { field: 'containsPersonalData', oneOf: [true] }],
    ['humanOversight', ai, { field: 'riskTier', oneOf: ['High'] }],
    ['relatedSystem', risk, { field: 'source', oneOf: ['AI system'] }],
    ['relatedAsset', risk, { field: 'source', oneOf: ['Data asset'] }],
  ] as const)('conditional requirement of %s', (name, schema, rule) => {
    expect(f(schema, name)?.required).toEqual(rule);
  });

  it('requires a sharing agreement for outside parties but not for publication', () => {
    const rule = f(inv, 'sharingAgreementUrl')?.required;
    expect(typeof rule).toBe('object');
    if (typeof rule !== 'object') return;
    expect(rule.field).toBe('sharedWith');
    expect(rule.oneOf).toEqual(
      expect.arrayContaining(['UN agency', 'Government', 'Implementing partner', 'Donor']),
    );
    expect(rule.oneOf).not.toContain('Public');
  });

  it('marks verification fields officer-only', () => {
    expect(f(ai, 'verifiedBy')?.officerOnly).toBe(true);
    expect(f(ai, 'verifiedOn')?.officerOnly).toBe(true);
    expect(f(ai, 'verificationStatus')?.officerOnlyChoices).toEqual(['Verified', 'Changes requested']);
    expect(f(ai, 'verificationStatus')?.choices).toEqual([
      'Draft',
      'Submitted',
      'Verified',
      'Changes requested',
    ]);
  });

  it('models the AI registry links as the spec says', () => {
    expect(f(ai, 'dataAssets')).toMatchObject({
      type: 'lookup',
      multiple: true,
      lookupRegister: 'dataInventory',
    });
    expect(f(ai, 'documentation')).toMatchObject({ type: 'url', multiple: true });
    expect(f(ai, 'triageAnswers')).toMatchObject({ type: 'note', format: 'json' });
    expect(f(ai, 'articles')?.choices).toEqual(ALL_GROUNDS);
    expect(f(risk, 'evidence')).toMatchObject({ type: 'url', multiple: true });
  });

  it.each(['likelihood', 'impact', 'residualLikelihood', 'residualImpact'])(
    'risk %s is a 1-5 whole number',
    (n) => {
      expect(f(risk, n)).toMatchObject({ type: 'number', min: 1, max: 5, integer: true });
    },
  );
});

describe('reference catalogue', () => {
  it('has at least 14 missions in at least 5 regions, with unique ids and codes', () => {
    expect(MISSIONS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(MISSIONS.map((m) => m.region)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(MISSIONS.map((m) => m.id)).size).toBe(MISSIONS.length);
    expect(new Set(MISSIONS.map((m) => m.code)).size).toBe(MISSIONS.length);
    expect(MISSIONS.some((m) => m.kind === 'headquarters')).toBe(true);
  });

  it('gives every mission and region a name in 4 locales and a real time zone', () => {
    for (const m of MISSIONS) {
      for (const l of LOCALES) expect(m.name[l]).toBeTruthy();
      expect(m.name.ar).toMatch(ARABIC);
      expect(REGION_IDS).toContain(m.region);
      expect(() => new Intl.DateTimeFormat('en', { timeZone: m.timeZone })).not.toThrow();
    }
    for (const r of REGIONS) for (const l of LOCALES) expect(r.name[l]).toBeTruthy();
  });

  it.each([
    ['kenya', 'africa'],
    ['jordan', 'middleEastNorthAfrica'],
    ['hqGeneva', 'global'],
    ['colombia', 'americas'],
    ['nowhere', undefined],
  ])('derives the region of %s', (mission, region) => {
    expect(regionOfMission(mission)).toBe(region);
  });
});

describe('sameFieldValue', () => {
  it.each([
    [null, undefined, true],
    ['', null, true],
    [[], undefined, true],
    [[], '', true],
    ['a', 'a', true],
    [['a', 'b'], ['a', 'b'], true],
    [['a', 'b'], ['b', 'a'], false],
    ['a', null, false],
    [0, null, false],
    [false, null, false],
  ] as const)('%j and %j are the same: %s', (a, b, expected) => {
    expect(sameFieldValue(a, b)).toBe(expected);
  });
});
