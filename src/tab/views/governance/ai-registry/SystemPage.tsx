// One AI system: what it is, the data it uses (with their health), its triage, and the verification
// workflow with its history. Officers' decisions go to the officers-only list; the server refuses anyone else.
import {
  Badge,
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  availableActions,
  parseTriageAnswers,
  serializeTriageAnswers,
  transition,
  verificationAfterEdit,
} from '../../../../domain/ai-act';
import type { TransitionEntry, TriageAnswers, TriageResult } from '../../../../domain/ai-act';
import {
  SETTING_KEYS,
  dataAssetConcerns,
  decide,
  submitterOf,
  verificationHistory,
  verificationPolicyFrom,
} from '../../../../domain/governance';
import type { VerificationDecision } from '../../../../domain/governance';
import { RISK_TIER_CHOICE } from '../../../../domain/registers';
import { can } from '../../../../domain/roles';
import { AI_REGISTRY } from '../../../../domain/registers';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { formatDateTime, todayIso } from '../../../i18n/format';
import { useLocale } from '../../../i18n/use-locale';
import { AwarenessLink } from '../awareness/AwarenessLink';
import { TierBadge, VerificationBadge, tierOfChoice } from '../common/badges';
import { useGovernanceData } from '../common/governance-data';
import { useGovernanceStyles } from '../common/governance.styles';
import { govHref } from '../common/navigation';
import { choiceOf, fieldLabel, str } from '../common/text';
import type { GovernanceServices } from '../services/governance-services';
import { TriageWizard } from '../triage/TriageWizard';
import { SystemForm } from './SystemForm';

class WorkflowRefusal extends Error {}

export interface SystemPageProps {
  readonly services: GovernanceServices;
  readonly id: string;
}

export const SystemPage = ({ services, id }: SystemPageProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  // The arrow from one state to the next points the way the line reads.
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const styles = useGovernanceStyles();
  const { data, systemsById, assetsById, verificationOf, reload } = useGovernanceData();
  const system = systemsById.get(id);
  const [mode, setMode] = useState<'view' | 'edit' | 'triage'>('view');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [history, setHistory] = useState<readonly TransitionEntry[]>([]);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());

  const decisions = useMemo(() => (data?.decisions ?? []).filter((d) => d.systemId === id), [data, id]);
  const loadHistory = useCallback(async () => {
    try {
      const versions = await services.systemVersions(id);
      const h = verificationHistory(decisions, versions);
      setHistory(h);
      setNames(await services.resolvePeople([...new Set(h.map((e) => e.by))]));
    } catch {
      setHistory(verificationHistory(decisions, []));
    }
  }, [services, id, decisions]);
  useEffect(() => {
    void loadHistory();
  }, [loadHistory, system?.eTag]);

  if (!system)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('errors.notFound')}</MessageBarBody>
      </MessageBar>
    );

  const derived = verificationOf(system);
  const state = derived.state;
  const actions = availableActions(state);
  const mayWrite = (action: 'submitForVerification' | 'update') =>
    can(services.actorFor(system.values), action, AI_REGISTRY, system.values).allowed;
  const canSubmit = actions.includes('submit') && mayWrite('submitForVerification');
  const canReopen = actions.includes('reopen') && mayWrite('update');
  const officerActions = services.isOfficer && state === 'submitted';
  const concerns = dataAssetConcerns(system.values, assetsById, { now: todayIso() });
  const parsed = parseTriageAnswers(str(system.values.triageAnswers));
  const answers: TriageAnswers = parsed.ok ? parsed.value : {};

  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    setRefusal(undefined);
    try {
      await work();
      await reload();
      setNotice(done);
    } catch (e) {
      // The workflow's own refusals (no comment, wrong step) are for the person to fix, not failures.
      if (e instanceof WorkflowRefusal) setRefusal(e.message);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const custodianTransition = (action: 'submit' | 'reopen') =>
    run(
      async () => {
        const r = transition(state, action, services.actorFor(system.values), {
          record: system.values,
          now: new Date(),
          comment,
        });
        if (!r.ok) throw new WorkflowRefusal(t(`gov.verification.refusals.${r.reason}`));
        await services.update('aiRegistry', system.id, r.values, system.eTag ?? '');
        setComment('');
      },
      t(action === 'submit' ? 'gov.verification.submitted' : 'gov.verification.reopened'),
    );

  const officerDecision = (decision: VerificationDecision) =>
    run(
      async () => {
        // Separation of duties: who submitted it, and whether the unit allows a single officer (settings).
        const policy = verificationPolicyFrom(await services.loadSetting(SETTING_KEYS.verificationPolicy));
        const r = decide(system, state, decision, services.actorFor(system.values), {
          comment,
          now: new Date(),
          independence: { submittedBy: submitterOf(system), allowSingleOfficer: policy.allowSingleOfficer },
        });
        if (!r.ok) throw new WorkflowRefusal(t(`gov.verification.refusals.${r.reason}`));
        // The decision is the authority (officers-only list); the item mirrors it for Excel and the bot.
        await services.recordDecision(r.entry, str(system.values.Title));
        await services.update('aiRegistry', system.id, r.mirror, system.eTag ?? '');
        setComment('');
      },
      t(decision === 'verified' ? 'gov.verification.verifiedDone' : 'gov.verification.changesDone'),
    );

  const saveTriage = (next: TriageAnswers, result: TriageResult) =>
    run(async () => {
      const changes = {
        triageAnswers: serializeTriageAnswers(next),
        riskTier: RISK_TIER_CHOICE[result.tier],
        gpai: result.gpai,
        articles: result.grounds.length > 0 ? result.grounds : null,
      };
      const after = { ...system.values, ...changes };
      const back = verificationAfterEdit(system.values, after, services.actorFor(system.values), new Date());
      await services.update(
        'aiRegistry',
        system.id,
        { ...changes, ...(back?.values ?? {}) },
        system.eTag ?? '',
      );
      setMode('view');
    }, t('gov.triage.saved'));

  if (mode === 'edit')
    return (
      <SystemForm
        services={services}
        system={system}
        onDone={() => {
          setMode('view');
          void reload();
        }}
      />
    );

  const detail = (name: string, value: string) => (
    <div>
      <Text weight="semibold" block>
        {fieldLabel('aiRegistry', name, locale)}
      </Text>
      <Text block>{value || '—'}</Text>
    </div>
  );

  return (
    <div className={styles.stack}>
      <div className={styles.spread}>
        <div className={styles.row}>
          <Link href={govHref('ai')}>{t('gov.common.backToRegistry')}</Link>
        </div>
        <div className={styles.row}>
          <Button onClick={() => setMode('edit')}>{t('gov.common.edit')}</Button>
          <Button appearance="primary" onClick={() => setMode('triage')}>
            {t('gov.triage.run')}
          </Button>
        </div>
      </div>
      <Title2 as="h2">{str(system.values.Title)}</Title2>
      <div className={styles.row}>
        <TierBadge tier={tierOfChoice(system.values.riskTier)} />
        {system.values.gpai === true ? <Badge appearance="tint">{t('gov.triage.gpai')}</Badge> : null}
        <VerificationBadge state={state} />
        {derived.unconfirmed ? (
          <Badge color="danger" appearance="outline">
            {t('gov.verification.unconfirmed')}
          </Badge>
        ) : null}
      </div>
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {refusal ? (
        <MessageBar intent="warning">
          <MessageBarBody>{refusal}</MessageBarBody>
        </MessageBar>
      ) : null}

      {mode === 'triage' ? (
        <TriageWizard
          initial={answers}
          onCancel={() => setMode('view')}
          onSave={(a, r) => void saveTriage(a, r)}
          saving={busy}
        />
      ) : null}

      <section className={styles.card} aria-labelledby="system-details">
        <Subtitle1 as="h3" id="system-details">
          {t('gov.ai.details')}
        </Subtitle1>
        <div className={styles.grid2}>
          {detail('purpose', str(system.values.purpose))}
          {detail('provider', str(system.values.provider))}
          {detail(
            'deploymentStatus',
            choiceOf('aiRegistry', 'deploymentStatus', system.values.deploymentStatus, locale),
          )}
          {detail('mission', choiceOf('aiRegistry', 'mission', system.values.mission, locale))}
          {detail('aiActRole', choiceOf('aiRegistry', 'aiActRole', system.values.aiActRole, locale))}
          {detail('custodian', str(system.values.custodian))}
          {detail('humanOversight', str(system.values.humanOversight))}
          {detail('articles', Array.isArray(system.values.articles) ? system.values.articles.join(', ') : '')}
        </div>
        {Array.isArray(system.values.documentation) && system.values.documentation.length > 0 ? (
          <ul className={styles.list} aria-label={fieldLabel('aiRegistry', 'documentation', locale)}>
            {system.values.documentation.map((u) => (
              <li key={u}>
                <Link href={u} target="_blank" rel="noreferrer" dir="ltr">
                  {u}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      <section className={styles.card} aria-labelledby="system-data">
        <Subtitle1 as="h3" id="system-data">
          {t('gov.ai.dataTitle')}
        </Subtitle1>
        {concerns.length === 0 ? (
          <Text>{t('gov.ai.dataAllHealthy')}</Text>
        ) : (
          <ul className={styles.list} data-testid="data-concerns">
            {concerns.map((c) => (
              <li key={c.assetId}>
                <Text weight="semibold">{c.title ?? `#${c.assetId}`}</Text>{' '}
                {c.missing ? <Badge color="danger">{t('gov.ai.assetMissing')}</Badge> : null}
                {c.unclassified ? <Badge color="danger">{t('gov.ai.assetUnclassified')}</Badge> : null}
                {c.unhealthy && !c.missing ? (
                  <Badge color="warning">{t('gov.ai.assetUnhealthy', { score: c.score ?? 0 })}</Badge>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={styles.card} aria-labelledby="system-verification">
        <div className={styles.spread}>
          <Subtitle1 as="h3" id="system-verification">
            {t('gov.verification.title')}
          </Subtitle1>
          <AwarenessLink note="verification" />
        </div>
        {canSubmit || canReopen || officerActions ? (
          <Field
            label={t('gov.verification.comment')}
            hint={officerActions ? t('gov.verification.commentHint') : undefined}
          >
            <Textarea value={comment} onChange={(_e, d) => setComment(d.value)} />
          </Field>
        ) : null}
        <div className={styles.row}>
          {canSubmit ? (
            <Button appearance="primary" disabled={busy} onClick={() => void custodianTransition('submit')}>
              {t('gov.verification.submit')}
            </Button>
          ) : null}
          {canReopen ? (
            <Button disabled={busy} onClick={() => void custodianTransition('reopen')}>
              {t('gov.verification.reopen')}
            </Button>
          ) : null}
          {officerActions ? (
            <>
              <Button appearance="primary" disabled={busy} onClick={() => void officerDecision('verified')}>
                {t('gov.verification.verify')}
              </Button>
              <Button disabled={busy} onClick={() => void officerDecision('changesRequested')}>
                {t('gov.verification.requestChanges')}
              </Button>
            </>
          ) : null}
        </div>
        {!services.isOfficer && state === 'submitted' ? (
          <Text className={styles.muted}>{t('gov.verification.awaitingOfficer')}</Text>
        ) : null}
        <Subtitle1 as="h4">{t('gov.verification.history')}</Subtitle1>
        {history.length === 0 ? (
          <Text className={styles.muted}>{t('gov.verification.noHistory')}</Text>
        ) : (
          <ol className={styles.list} data-testid="verification-history">
            {history.map((h, i) => (
              <li key={`${h.at}-${i}`}>
                <Text>
                  {t(`gov.verification.actions.${h.action}`, { name: names.get(h.by) ?? h.by })} (
                  {t(`gov.verification.states.${h.from}`)} {dir === 'rtl' ? '←' : '→'}{' '}
                  {t(`gov.verification.states.${h.to}`)}), {formatDateTime(h.at, locale)}
                  {h.comment ? ` — “${h.comment}”` : ''}
                </Text>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
};
