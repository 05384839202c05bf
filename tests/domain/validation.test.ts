import { REGISTERS } from '../../src/domain/registers';
import type { FieldDef } from '../../src/domain/schema/types';
import { coerceFieldValue, formatIssue, resolveFieldName, validateRecord } from '../../src/domain/validation';
import type { FieldIssue } from '../../src/domain/validation';
import { validAsset, validRisk, validSystem } from './fixtures';

const inv = REGISTERS.dataInventory;
const ai = REGISTERS.aiRegistry;
const risk = REGISTERS.riskRegister;
const field = (name: string, schema = inv): FieldDef => {
  const f = schema.fields.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
};
const codeOf = (f: FieldDef, raw: unknown) => {
  const r = coerceFieldValue(f, raw);
  return r.ok ? 'ok' : r.issue.code;
};
const valueOf = (f: FieldDef, raw: unknown, opts = {}) => {
  const r = coerceFieldValue(f, raw, opts);
  if (!r.ok) throw new Error(`unexpected ${r.issue.code}`);
  return r.value;
};

describe('coerceFieldValue: good input', () => {
  it.each<[string, string, unknown, unknown]>([
    ['boolean', 'containsPersonalData', true, true],
    ['boolean', 'containsPersonalData', 'yes', true],
    ['boolean', 'containsPersonalData', 'Oui', true],
    ['boolean', 'containsPersonalData', 'sí', true],
    ['boolean', 'containsPersonalData', 'نعم', true],
    ['boolean', 'containsPersonalData', 'TRUE', true],
    ['boolean', 'containsPersonalData', 1, true],
    ['boolean', 'containsPersonalData', 'non', false],
    ['boolean', 'containsPersonalData', 'لا', false],
    ['boolean', 'containsPersonalData', 'FALSE', false],
    ['date iso', 'lastReviewed', '2025-02-28', '2025-02-28'],
    ['date iso with time', 'lastReviewed', '2025-02-28T00:00:00Z', '2025-02-28'],
    ['date Excel serial', 'lastReviewed', 45292, '2024-01-01'],
    ['date Excel serial with time', 'lastReviewed', 45292.75, '2024-01-01'],
    ['date Excel serial 61', 'lastReviewed', 61, '1900-03-01'],
    ['date d/m/y', 'lastReviewed', '03/04/2025', '2025-04-03'],
    ['date d.m.y', 'lastReviewed', '29.02.2024', '2024-02-29'],
    ['date with Arabic digits', 'lastReviewed', '٢٠٢٥-٠١-١٥', '2025-01-15'],
    ['date object (UTC day)', 'lastReviewed', new Date('2025-06-30T23:30:00Z'), '2025-06-30'],
    ['choice stored value', 'sensitivity', 'Confidential', 'Confidential'],
    ['choice any case', 'sensitivity', 'strictly CONFIDENTIAL', 'Strictly confidential'],
    ['choice French label', 'sensitivity', 'Strictement confidentiel', 'Strictly confidential'],
    ['choice Arabic label', 'sensitivity', 'سري', 'Confidential'],
    ['mission by id', 'mission', 'kenya', 'kenya'],
    ['mission by code', 'mission', 'KEN', 'kenya'],
    ['mission by Spanish name', 'mission', 'Etiopía', 'ethiopia'],
    ['region by name', 'region', 'Asia and the Pacific', 'asiaPacific'],
    ['multiChoice from a cell', 'dataSubjects', 'Children; Staff;Children', ['Children', 'Staff']],
    ['multiChoice array', 'dataSubjects', ['Staff'], ['Staff']],
    ['text trimmed', 'retention', '  7 years ', '7 years'],
    ['text from number', 'retention', 7, '7'],
    ['note keeps tab and newline', 'description', 'a\tb\r\nc', 'a\tb\nc'],
    ['person lower-cased', 'owner', 'Amina.Diallo@Example.org', 'amina.diallo@example.org'],
    ['person from Outlook', 'owner', 'Diallo, Amina <amina.diallo@example.org>', 'amina.diallo@example.org'],
    ['url', 'systemUrl', 'https://contoso.sharepoint.com/sites/x', 'https://contoso.sharepoint.com/sites/x'],
    ['empty string', 'retention', '   ', null],
    ['undefined', 'owner', undefined, null],
  ])('%s: %p', (_label, name, raw, expected) => {
    expect(valueOf(field(name), raw)).toEqual(expected);
  });

  it.each<[string, string, unknown, unknown]>([
    ['number', 'likelihood', 3, 3],
    ['number as text', 'likelihood', ' 4 ', 4],
    ['number in Arabic digits', 'likelihood', '٥', 5],
    ['lookup single', 'relatedAsset', 12, '12'],
    [
      'url multiple, one per line',
      'evidence',
      'https://a.org/1\nhttps://b.org/2',
      ['https://a.org/1', 'https://b.org/2'],
    ],
  ])('%s: %p', (_label, name, raw, expected) => {
    expect(valueOf(field(name, risk), raw)).toEqual(expected);
  });

  it('reads m/d/y when told to', () => {
    expect(valueOf(field('lastReviewed'), '03/04/2025', { dateOrder: 'MDY' })).toBe('2025-03-04');
  });

  it('splits several people and lookups', () => {
    expect(valueOf(field('dataAssets', ai), '3; 5,3')).toEqual(['3', '5']);
    const multiPerson: FieldDef = { ...field('owner'), multiple: true };
    expect(valueOf(multiPerson, 'a@x.org; B@x.org')).toEqual(['a@x.org', 'b@x.org']);
  });
});

describe('coerceFieldValue: bad input gives the exact code', () => {
  it.each<[string, FieldDef, unknown, FieldIssue['code']]>([
    ['31 February', field('lastReviewed'), '2025-02-31', 'invalidDate'],
    ['31/02 in d/m/y', field('lastReviewed'), '31/02/2025', 'invalidDate'],
    ['29 Feb in a common year', field('lastReviewed'), '29/02/2025', 'invalidDate'],
    ['month 13', field('lastReviewed'), '2025-13-01', 'invalidDate'],
    ['Excel phantom 29 Feb 1900', field('lastReviewed'), 60, 'invalidDate'],
    ['serial 0', field('lastReviewed'), 0, 'invalidDate'],
    ['free text date', field('lastReviewed'), 'next week', 'invalidDate'],
    ['boolean for a date', field('lastReviewed'), true, 'invalidDate'],
    ['unknown choice', field('sensitivity'), 'Top secret', 'invalidChoice'],
    ['unknown multi choice', field('dataSubjects'), 'Children; Aliens', 'invalidChoice'],
    ['unknown mission', field('mission'), 'Atlantis', 'invalidChoice'],
    ['non-numeric number', field('likelihood', risk), 'high', 'notANumber'],
    ['thousands separator', field('likelihood', risk), '1 000', 'notANumber'],
    ['NaN', field('likelihood', risk), Number.NaN, 'notANumber'],
    ['boolean for number', field('likelihood', risk), true, 'notANumber'],
    ['fraction in an integer field', field('likelihood', risk), 2.5, 'notAnInteger'],
    ['above max', field('likelihood', risk), 6, 'outOfRange'],
    ['below min', field('impact', risk), '0', 'outOfRange'],
    ['text over 255', field('retention'), 'x'.repeat(256), 'tooLong'],
    ['text over its own maxLength', field('hostingCountry'), 'x'.repeat(101), 'tooLong'],
    ['note over 63,999', field('description'), 'x'.repeat(64_000), 'tooLong'],
    ['control character in text', field('retention'), '7 years\u0007', 'controlCharacters'],
    ['newline in single-line text', field('retention'), '7\nyears', 'controlCharacters'],
    ['NUL in a note', field('description'), 'a\u0000b', 'controlCharacters'],
    ['invalid email', field('owner'), 'amina.diallo', 'invalidEmail'],
    ['email without domain dot', field('owner'), 'amina@example', 'invalidEmail'],
    ['two people in a single person field', field('owner'), 'a@x.org; b@x.org', 'tooManyValues'],
    ['javascript url', field('systemUrl'), 'javascript:alert(1)', 'invalidUrl'],
    ['ftp url', field('systemUrl'), 'ftp://files.example.org/x', 'invalidUrl'],
    ['url without scheme', field('systemUrl'), 'www.example.org', 'invalidUrl'],
    ['url over 255', field('systemUrl'), `https://example.org/${'a'.repeat(250)}`, 'tooLong'],
    ['bad url among several', field('evidence', risk), 'https://a.org\nnot-a-url', 'invalidUrl'],
    ['invalid boolean', field('containsPersonalData'), 'maybe', 'invalidBoolean'],
    ['boolean 2', field('containsPersonalData'), 2, 'invalidBoolean'],
    ['lookup not an id', field('relatedAsset', risk), 'abc', 'invalidLookup'],
    ['lookup 0', field('relatedAsset', risk), 0, 'invalidLookup'],
    ['object for text', field('retention'), { a: 1 }, 'invalidType'],
    ['invalid JSON note', field('triageAnswers', ai), '{not json', 'invalidJson'],
  ])('%s', (_label, f, raw, code) => {
    expect(codeOf(f, raw)).toBe(code);
  });

  it('never throws, whatever it is given', () => {
    const weird: unknown[] = [
      Symbol('x'),
      () => 1,
      {
        toString: () => {
          throw new Error('boom');
        },
      },
      new Date('x'),
      [null],
      10n,
    ];
    for (const f of [...inv.fields, ...ai.fields, ...risk.fields])
      for (const raw of weird) expect(() => coerceFieldValue(f, raw)).not.toThrow();
  });
});

describe('validateRecord', () => {
  it.each([
    ['data inventory', inv, validAsset],
    ['AI registry', ai, validSystem],
    ['risk register', risk, validRisk],
  ] as const)('accepts a valid %s record unchanged', (_n, schema, record) => {
    expect(validateRecord(schema, record)).toEqual({ ok: true, value: record });
  });

  it('reports unknown field names', () => {
    const r = validateRecord(inv, { ...validAsset, colour: 'blue' });
    expect(r).toEqual({
      ok: false,
      issues: [{ field: 'colour', code: 'unknownField', params: { name: 'colour' } }],
    });
  });

  it('reports every missing required field of an empty record', () => {
    const r = validateRecord(inv, {}, { applyDefaults: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.every((i) => i.code === 'required')).toBe(true);
    expect(r.issues.map((i) => i.field).sort()).toEqual(
      [
        'Title',
        'description',
        'assetType',
        'mission',
        'region',
        'domain',
        'owner',
        'custodian',
        'location',
        'sensitivity',
        'containsPersonalData',
        'retention',
        'reviewCycle',
        'lastReviewed',
      ].sort(),
    );
  });

  it.each<[string, typeof inv, Record<string, unknown>, string[]]>([
    [
      'legal basis and subjects when personal data',
      inv,
      { containsPersonalData: true, dataSubjects: null, legalBasis: null },
      ['dataSubjects', 'legalBasis'],
    ],
    [
      'nothing extra without personal data',
      inv,
      { containsPersonalData: false, dataSubjects: null, legalBasis: null },
      [],
    ],
    [
      'agreement when shared with a partner',
      inv,
      { sharedWith: ['Public', 'Implementing partner'] },
      ['sharingAgreementUrl'],
    ],
    ['no agreement when only published', inv, { sharedWith: ['Public'] }, []],
    ['human oversight when high risk', ai, { riskTier: 'High' }, ['humanOversight']],
    ['no oversight when limited risk', ai, { riskTier: 'Limited' }, []],
    ['related system when the source is an AI system', risk, { source: 'AI system' }, ['relatedSystem']],
    ['treatment and due date when in treatment', risk, { status: 'In treatment' }, ['treatment', 'dueDate']],
  ])('conditional requirement: %s', (_n, schema, change, missing) => {
    const base = schema === inv ? validAsset : schema === ai ? validSystem : validRisk;
    const r = validateRecord(schema, { ...base, ...change });
    const fields = r.ok ? [] : r.issues.filter((i) => i.code === 'required').map((i) => i.field);
    expect(fields.sort()).toEqual(missing.sort());
  });

  it('derives the region from the mission, and flags a contradiction', () => {
    const { region: _omit, ...noRegion } = validAsset;
    const r = validateRecord(inv, { ...noRegion, mission: 'Philippines' });
    expect(r.ok && r.value.region).toBe('asiaPacific');
    expect(r.ok && r.value.mission).toBe('philippines');
    const bad = validateRecord(inv, { ...validAsset, region: 'americas' });
    expect(bad).toEqual({
      ok: false,
      issues: [
        {
          field: 'region',
          code: 'regionMismatch',
          params: { value: 'americas', expected: 'africa', mission: 'kenya' },
        },
      ],
    });
  });

  it('fills the default review cycle and verification state', () => {
    const { reviewCycle: _c, ...rest } = validAsset;
    const r = validateRecord(inv, { ...rest, sensitivity: 'Strictly confidential' });
    expect(r.ok && r.value.reviewCycle).toBe('Quarterly');
    const { verificationStatus: _v, ...sys } = validSystem;
    const s = validateRecord(ai, sys);
    expect(s.ok && s.value.verificationStatus).toBe('Draft');
  });

  it('checks only the changed fields of a partial update', () => {
    expect(validateRecord(inv, { retention: '5 years' }, { partial: true })).toEqual({
      ok: true,
      value: { retention: '5 years' },
    });
    const cleared = validateRecord(inv, { retention: '' }, { partial: true });
    expect(cleared.ok ? [] : cleared.issues.map((i) => i.code)).toEqual(['required']);
  });

  it('sees the stored record when a partial update switches a condition on', () => {
    const existing = { ...validAsset, containsPersonalData: false, dataSubjects: null, legalBasis: null };
    const r = validateRecord(inv, { containsPersonalData: 'oui' }, { partial: true, existing });
    expect(r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`).sort()).toEqual([
      'dataSubjects:required',
      'legalBasis:required',
    ]);
    const ok = validateRecord(inv, { containsPersonalData: 'oui' }, { partial: true, existing: validAsset });
    expect(ok).toEqual({ ok: true, value: { containsPersonalData: true } });
  });

  it('moves the region with the mission in a partial update', () => {
    expect(validateRecord(inv, { mission: 'ukraine' }, { partial: true })).toEqual({
      ok: true,
      value: { mission: 'ukraine', region: 'europeCentralAsia' },
    });
  });

  it('does not throw on input that is not an object', () => {
    for (const bad of [null, 'x', 3, []]) {
      const r = validateRecord(inv, bad as unknown as Record<string, unknown>);
      expect(r.ok).toBe(false);
    }
  });

  it('uses a custom mission catalogue', () => {
    const missions = [
      {
        id: 'mali',
        code: 'MLI',
        region: 'africa',
        timeZone: 'Africa/Bamako',
        kind: 'countryOffice',
        name: { en: 'Mali', fr: 'Mali', es: 'Malí', ar: 'مالي' },
      },
    ] as const;
    expect(validateRecord(inv, { ...validAsset, mission: 'mali' }, { missions }).ok).toBe(true);
    expect(validateRecord(inv, validAsset, { missions }).ok).toBe(false);
  });
});

describe('formatIssue', () => {
  const choice = {
    field: 'sensitivity',
    code: 'invalidChoice',
    params: { value: 'Top secret', choices: ['Public', 'Internal', 'Confidential', 'Strictly confidential'] },
  } as const;

  it.each([
    ['en', "Sensitivity: 'Top secret' is not one of Public, Internal, Confidential, Strictly confidential"],
    [
      'fr',
      'Sensibilité : « Top secret » ne fait pas partie des valeurs Public, Interne, Confidentiel, Strictement confidentiel',
    ],
    [
      'es',
      'Sensibilidad: «Top secret» no es uno de los valores Público, Interno, Confidencial, Estrictamente confidencial',
    ],
    ['ar', 'درجة الحساسية: «Top secret» ليست من بين القيم عام، داخلي، سري، سري للغاية'],
  ] as const)('invalid choice in %s', (locale, text) => {
    expect(formatIssue(choice, locale, inv)).toBe(text);
  });

  it.each([
    ['en', 'Legal basis: this field is required'],
    ['fr', 'Base légitime : ce champ est obligatoire'],
    ['es', 'Base legítima: este campo es obligatorio'],
    ['ar', 'الأساس القانوني: هذا الحقل إلزامي'],
  ] as const)('required in %s', (locale, text) => {
    expect(formatIssue({ field: 'legalBasis', code: 'required', params: {} }, locale, inv)).toBe(text);
  });

  it.each([
    ['en', 'Inherent likelihood: 7 is outside the allowed range (1 to 5)'],
    ['fr', 'Probabilité inhérente : 7 est en dehors de la plage autorisée (1 à 5)'],
    ['es', 'Probabilidad inherente: 7 está fuera del intervalo permitido (1 a 5)'],
    ['ar', 'الاحتمالية الكامنة: القيمة 7 خارج النطاق المسموح به (من 1 إلى 5)'],
  ] as const)('out of range in %s', (locale, text) => {
    const r = coerceFieldValue(field('likelihood', risk), 7);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssue(r.issue, locale, risk)).toBe(text);
  });

  it('names regions by their localised names', () => {
    const r = validateRecord(inv, { ...validAsset, region: 'americas' });
    expect(r.ok).toBe(false);
    if (!r.ok && r.issues[0]) {
      expect(formatIssue(r.issues[0], 'en', inv)).toBe(
        "Region: 'Americas' does not match the mission's region (Africa)",
      );
      expect(formatIssue(r.issues[0], 'fr', inv)).toBe(
        'Région : « Amériques » ne correspond pas à la région de la mission (Afrique)',
      );
    }
  });

  it('formats every issue code in every locale without leftover placeholders', () => {
    const codes: FieldIssue[] = [
      { field: 'retention', code: 'tooLong', params: { maxLength: 255, length: 300 } },
      { field: 'lastReviewed', code: 'invalidDate', params: { value: '31/02/2025' } },
      { field: 'colour', code: 'unknownField', params: { name: 'colour' } },
      { field: 'owner', code: 'tooManyValues', params: { count: 2 } },
    ];
    for (const i of codes)
      for (const l of ['en', 'fr', 'es', 'ar'] as const)
        expect(formatIssue(i, l, inv)).not.toMatch(/\{\w+\}/);
    expect(formatIssue(codes[2] as FieldIssue, 'en', inv)).toBe(
      "'colour' is not a column of the Data inventory",
    );
  });
});

describe('resolveFieldName', () => {
  it.each([
    ['sensitivity', 'sensitivity'],
    ['Sensibilité', 'sensitivity'],
    ['درجة الحساسية', 'sensitivity'],
    ['asset name', 'Title'],
    ['Colour', undefined],
  ])('%s -> %s', (header, name) => {
    expect(resolveFieldName(inv, header)?.name).toBe(name);
  });
});
