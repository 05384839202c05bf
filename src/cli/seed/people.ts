// Demo people: a governance unit, one focal point per mission, custodians and business owners in
// every mission, and a few read-only staff. Deterministic from the seed.
import type { Mission } from '../../domain/reference';
import type { Rng } from './prng';
import { NAME_POOLS, asciiStem } from './names';
import type { NameParts } from './names';

export type Persona = 'officer' | 'focalPoint' | 'custodian' | 'owner' | 'reader';
/** SharePoint site role (localgraph's owner/member/visitor). */
export type SiteRole = 'owner' | 'member' | 'visitor';
export type PreferredLanguage = NameParts['language'];

export interface DemoPerson {
  /** Stable key inside the generated data set (also the e-mail's local part). */
  readonly key: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  /** Lower case; also the user principal name. */
  readonly email: string;
  readonly preferredLanguage: PreferredLanguage;
  readonly persona: Persona;
  readonly missionId: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly siteRole: SiteRole;
}

/** Site role per persona: officers manage the lists, contributors write items, readers only read. */
export const SITE_ROLE_OF: Readonly<Record<Persona, SiteRole>> = {
  officer: 'owner',
  focalPoint: 'member',
  custodian: 'member',
  owner: 'member',
  reader: 'visitor',
};

const JOB_TITLES: Readonly<Record<Persona, readonly string[]>> = {
  officer: ['Data Governance Officer', 'AI Governance Officer', 'Data Protection Officer'],
  focalPoint: ['Information Management Officer', 'Data Protection Focal Point'],
  custodian: [
    'Database Administrator',
    'Case Management Officer',
    'Health Information Officer',
    'Finance Associate',
    'HR Associate',
    'Monitoring and Evaluation Officer',
    'Logistics Officer',
    'Protection Officer',
  ],
  owner: ['Head of Office', 'Chief of Mission', 'Programme Manager', 'Head of Operations'],
  reader: ['Programme Assistant', 'Internal Auditor', 'Communications Officer'],
};

/** The people the sign-in page offers; they exist in every seed, with these exact e-mails. */
export interface DemoPersonaSpec {
  readonly given: string;
  readonly family: string;
  readonly ascii: string;
  readonly language: PreferredLanguage;
  readonly persona: Persona;
  readonly missionId: string;
  readonly jobTitle: string;
  /** Short description for the sign-in page. */
  readonly description: string;
}

export const DEMO_PERSONA_SPECS: readonly DemoPersonaSpec[] = [
  {
    given: 'Amina',
    family: 'Diallo',
    ascii: 'amina.diallo',
    language: 'fr-FR',
    persona: 'custodian',
    missionId: 'senegal',
    jobTitle: 'Case Management Officer',
    description: 'Data custodian, Senegal: keeps her records accurate and answers reminders.',
  },
  {
    given: 'Carlos',
    family: 'Mendoza',
    ascii: 'carlos.mendoza',
    language: 'es-ES',
    persona: 'focalPoint',
    missionId: 'colombia',
    jobTitle: 'Information Management Officer',
    description: 'Mission focal point, Colombia: maintains the mission inventory from Excel.',
  },
  {
    given: 'Grace',
    family: 'Okafor',
    ascii: 'grace.okafor',
    language: 'en-US',
    persona: 'officer',
    missionId: 'hqGeneva',
    jobTitle: 'AI Governance Officer',
    description: 'Governance officer: verifies AI risk tiers and reads the scorecard.',
  },
  {
    given: 'ليلى',
    family: 'منصور',
    ascii: 'layla.mansour',
    language: 'ar-SA',
    persona: 'reader',
    missionId: 'jordan',
    jobTitle: 'Programme Assistant',
    description: 'Reader, Jordan: can look but not change anything (Arabic, right to left).',
  },
];

// A mission's usual working language, used for most of its staff.
const MISSION_LANGUAGE: Readonly<Record<string, PreferredLanguage>> = {
  senegal: 'fr-FR',
  niger: 'fr-FR',
  haiti: 'fr-FR',
  colombia: 'es-ES',
  mexico: 'es-ES',
  jordan: 'ar-SA',
  libya: 'ar-SA',
  yemen: 'ar-SA',
};
const LANGUAGES: readonly PreferredLanguage[] = ['en-US', 'fr-FR', 'es-ES', 'ar-SA'];

export interface PeopleOptions {
  readonly rng: Rng;
  readonly missions: readonly Mission[];
  readonly emailDomain: string;
  readonly custodiansPerMission?: number;
  readonly officers?: number;
  readonly readers?: number;
}

/** Generates the demo directory; the named personas come first, each in their fixed role. */
export function generatePeople(options: PeopleOptions): DemoPerson[] {
  const { rng, missions, emailDomain } = options;
  const custodiansPerMission = options.custodiansPerMission ?? 2;
  const used = new Set<string>();
  const people: DemoPerson[] = [];

  const add = (parts: NameParts, persona: Persona, missionId: string, jobTitle: string): DemoPerson => {
    let key = parts.ascii;
    for (let n = 2; used.has(key); n++) key = `${parts.ascii}${n}`;
    used.add(key);
    const person: DemoPerson = {
      key,
      displayName: `${parts.given} ${parts.family}`,
      givenName: parts.given,
      surname: parts.family,
      email: `${key}@${emailDomain}`.toLowerCase(),
      preferredLanguage: parts.language,
      persona,
      missionId,
      jobTitle,
      department: persona === 'officer' ? 'Data and AI Governance Unit' : 'Programme',
      siteRole: SITE_ROLE_OF[persona],
    };
    people.push(person);
    return person;
  };
  const nameFor = (missionId: string): NameParts => {
    const language = rng.chance(0.7) ? (MISSION_LANGUAGE[missionId] ?? 'en-US') : rng.pick(LANGUAGES);
    // Re-draw on collision with a named persona or an earlier person so names stay unique.
    for (;;) {
      const parts = rng.pick(NAME_POOLS[language]);
      if (!used.has(parts.ascii) && !used.has(asciiStem(parts.given, parts.family))) return parts;
    }
  };

  for (const spec of DEMO_PERSONA_SPECS) {
    add(
      { given: spec.given, family: spec.family, ascii: spec.ascii, language: spec.language },
      spec.persona,
      spec.missionId,
      spec.jobTitle,
    );
  }
  const has = (persona: Persona, missionId: string) =>
    people.filter((p) => p.persona === persona && p.missionId === missionId).length;

  const hq = missions.filter((m) => m.kind === 'headquarters');
  const officers = options.officers ?? 4;
  for (let i = people.filter((p) => p.persona === 'officer').length; i < officers; i++) {
    const mission = hq[i % Math.max(1, hq.length)] ?? missions[0];
    if (mission === undefined) break;
    add(nameFor(mission.id), 'officer', mission.id, rng.pick(JOB_TITLES.officer));
  }
  for (const mission of missions) {
    if (has('focalPoint', mission.id) === 0) {
      add(nameFor(mission.id), 'focalPoint', mission.id, rng.pick(JOB_TITLES.focalPoint));
    }
    for (let i = has('custodian', mission.id); i < custodiansPerMission; i++) {
      add(nameFor(mission.id), 'custodian', mission.id, rng.pick(JOB_TITLES.custodian));
    }
    add(nameFor(mission.id), 'owner', mission.id, rng.pick(JOB_TITLES.owner));
  }
  const readers = options.readers ?? 3;
  for (let i = people.filter((p) => p.persona === 'reader').length; i < readers; i++) {
    const mission = rng.pick(missions);
    add(nameFor(mission.id), 'reader', mission.id, rng.pick(JOB_TITLES.reader));
  }
  return people;
}
