// Least privilege: people come from the governance site (User Information List + GovernanceRoles), who
// clicked comes from the connector's member lookup, each person's language from the locale Teams sent.
// The bot's Graph identity never asks the directory (`/users`, `/me`).
import { cachedMemberLookup } from '../../src/bot/members';
import type { MemberLookup } from '../../src/bot/members';
import type { DomainRecord } from '../../src/domain/schema';
import { asset, email, startBot, startWorld } from './harness';
import type { BotInstance, World } from './harness';

type Json = Record<string, unknown>;
const nodes = (value: unknown): Json[] => {
  const out: Json[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return out;
};

let world: World;
let instance: BotInstance;
const records: Record<string, DomainRecord> = {};
const userIdOf = (who: string) => world.people.find((p) => p.email === email(who))!.userId!;
const digestsFor = (who: string) => {
  const conversation = world.connector.conversationOf(userIdOf(who));
  return conversation
    ? world.connector
        .activities(conversation)
        .filter((a) => a.fromBot && Array.isArray(a.activity.attachments))
    : [];
};

beforeAll(async () => {
  world = await startWorld();
  const repo = world.adminRepos.dataInventory;
  records.amina = await repo.create(asset('Amina registry', email('amina'), 'senegal', '2024-03-01'));
  records.john = await repo.create(asset('John registry', email('john'), 'kenya', '2024-03-01'));
  instance = await startBot(world, { sitePeople: true });
}, 60_000);

afterAll(async () => {
  await instance?.stop();
  await world?.close();
});

describe('the bot without directory access', () => {
  test('installs store the locale; the digest is in it; a click is matched through the connector', async () => {
    // Amina's Teams client is French, John's English; neither language comes from the directory.
    await world.connector.install(userIdOf('amina'));
    await world.connector.install(userIdOf('john'));
    expect(instance.ledger.conversationFor({ email: email('amina') })).toMatchObject({
      userId: userIdOf('amina'),
      locale: 'fr-FR',
    });

    world.botRequests.length = 0;
    const summary = await instance.bot.runNow();
    expect(summary.outcome).toBe('completed');
    const [digest] = digestsFor('amina');
    expect(nodes(digest!.activity).find((n) => n.type === 'AdaptiveCard')).toMatchObject({ lang: 'fr' });
    expect(nodes(digestsFor('john')[0]!.activity).find((n) => n.type === 'AdaptiveCard')).toMatchObject({
      lang: 'en',
    });

    const confirm = nodes(digest!.activity).find((n) => n.verb === 'confirm')!;
    const result = await world.connector.invoke(userIdOf('amina'), digest!.id, {
      verb: 'confirm',
      data: confirm.data as Json,
    });
    expect(result.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    const after = await world.adminRepos.dataInventory.get(records.amina!.id!);
    expect(after.values.lastReviewedBy).toBe(email('amina'));

    // Only the governance site: never the directory.
    expect(world.botRequests.length).toBeGreaterThan(0);
    const directory = world.botRequests.filter((r) => /^\w+ (\/v1\.0)?\/(users|me)(\/|$|\?)/.test(r));
    expect(directory).toEqual([]);
    expect(world.botRequests.filter((r) => !r.includes(`/sites/`))).toEqual([]);
  });

  test('a click by someone the connector does not know as a member is refused', async () => {
    const [digest] = digestsFor('john');
    const confirm = nodes(digest!.activity).find((n) => n.verb === 'confirm')!;
    const before = await world.adminRepos.dataInventory.get(records.john!.id!);
    // Someone outside the conversation (not in the connector's people) posts John's card action.
    const result = await world.connector.invoke('not-a-member-oid', digest!.id, {
      verb: 'confirm',
      data: confirm.data as Json,
    });
    expect(result.body?.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(result.body?.value)).toMatch(/directory|annuaire/i);
    expect((await world.adminRepos.dataInventory.get(records.john!.id!)).eTag).toBe(before.eTag);
  });

  test('the local connector answers the members route as Teams does', async () => {
    const conversation = world.connector.conversationOf(userIdOf('amina'))!;
    const base = `${world.connector.url}/v3/conversations/${encodeURIComponent(conversation)}/members`;
    const byId = await fetch(`${base}/${encodeURIComponent(`29:${userIdOf('amina')}`)}`);
    expect(byId.status).toBe(200);
    expect(await byId.json()).toMatchObject({
      id: `29:${userIdOf('amina')}`,
      aadObjectId: userIdOf('amina'),
      email: email('amina'),
      userPrincipalName: email('amina'),
    });
    expect((await fetch(`${base}/${userIdOf('amina')}`)).status).toBe(200);
    expect((await fetch(`${base}/29:${userIdOf('john')}`)).status).toBe(404);
    expect((await fetch(`${world.connector.url}/v3/conversations/a:unknown/members/x`)).status).toBe(404);
  });
});

describe('member lookups are cached per conversation', () => {
  test('one connector call per member and conversation; unknown members are asked again', async () => {
    let calls = 0;
    const lookup: MemberLookup = async ({ memberId }) => {
      calls += 1;
      return memberId === '29:a' ? { email: 'a@contoso.org', displayName: 'A' } : undefined;
    };
    const cached = cachedMemberLookup(lookup);
    const q = { serviceUrl: 'http://x', conversationId: 'c1', memberId: '29:a' };
    expect(await cached(q)).toMatchObject({ email: 'a@contoso.org' });
    expect(await cached(q)).toMatchObject({ email: 'a@contoso.org' });
    expect(calls).toBe(1);
    await cached({ ...q, memberId: '29:b' });
    await cached({ ...q, memberId: '29:b' });
    expect(calls).toBe(3);
    await cached({ ...q, conversationId: 'c2' });
    expect(calls).toBe(4);
  });
});
