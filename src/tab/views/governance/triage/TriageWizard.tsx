// The EU AI Act triage: scope first (Art 2), then the questions in the Regulation's order, one step per
// page, each answer with the provision it rests on (exceptions appear under the question they qualify),
// and the proposed tier and GPAI flag from the domain's triage() as you go. The result shows the scope,
// the tier (or the tier it would have), every ground including refused derogations and the exceptions
// that apply, how each step was decided, and when each obligation applies under the recorded timeline.
import { Badge, Button, Field, Radio, RadioGroup, Subtitle2, Text, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DEFAULT_AI_ACT_TIMELINE, applicableObligations } from '../../../../domain/ai-act';
import type { TimelineEntry, TriageAnswers, TriageResult } from '../../../../domain/ai-act';
import { formatDate } from '../../../i18n/format';
import { useLocale } from '../../../i18n/use-locale';
import { AwarenessLink } from '../awareness/AwarenessLink';
import { useGovernanceStyles } from '../common/governance.styles';
import { TierBadge } from '../common/badges';
import { useTriageWizard } from './useTriageWizard';

export interface TriageWizardProps {
  /** The answers recorded so far. @defaultvalue {} */
  readonly initial?: TriageAnswers;
  readonly onSave: (answers: TriageAnswers, result: TriageResult) => void;
  readonly onCancel: () => void;
  /** @defaultvalue false */
  readonly saving?: boolean;
  /** The application dates as the officers keep them (GovernanceSettings). @defaultvalue DEFAULT_AI_ACT_TIMELINE */
  readonly timeline?: readonly TimelineEntry[];
  /** The day the dates are read for. @defaultvalue new Date() */
  readonly today?: Date;
}

export const TriageWizard = ({
  initial = {},
  onSave,
  onCancel,
  saving = false,
  timeline = DEFAULT_AI_ACT_TIMELINE,
  today,
}: TriageWizardProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const w = useTriageWizard(initial);
  const { result } = w;
  const outside = result.scope.outcome === 'outsideScope';
  const obligations = applicableObligations(result.obligations, timeline, today ?? new Date());
  const cite = (g: string) => <span dir="ltr">{g}</span>;

  return (
    <section className={styles.card} aria-labelledby="triage-title">
      <div className={styles.spread}>
        <Title3 as="h2" id="triage-title">
          {t('gov.triage.title')}
        </Title3>
        <AwarenessLink note="triage" />
      </div>
      <Text>
        {t('gov.triage.progress', { current: w.index + 1, total: w.pages.length })} —{' '}
        {t(`gov.triage.steps.${w.page}`)}
      </Text>
      <div role="status" aria-live="polite" className={styles.row} data-testid="triage-proposal">
        <Text weight="semibold">{t('gov.triage.proposed')}</Text>
        {outside ? <Badge appearance="outline">{t('gov.triage.scope.outsideScope')}</Badge> : null}
        <TierBadge tier={result.tier} />
        {result.gpai ? <Badge appearance="tint">{t('gov.triage.gpai')}</Badge> : null}
      </div>

      {w.page === 'result' ? (
        <div className={styles.stack} data-testid="triage-result">
          <Subtitle2 as="h3">{t('gov.triage.resultTitle')}</Subtitle2>
          <Text data-testid="triage-law">
            {t('gov.triage.dates.law', {
              regulation: result.law.regulation,
              date: formatDate(result.law.asOf, locale),
            })}
          </Text>
          <div className={styles.row} data-testid="triage-scope">
            <Text weight="semibold">{t('gov.triage.scope.title')}</Text>
            <Text>{t(`gov.triage.scope.${result.scope.outcome}`)}</Text>
            {result.scope.reason ? (
              <Text>— {t(`gov.triage.scope.reasons.${result.scope.reason}`)}</Text>
            ) : null}
            {result.scope.grounds.map((g) => (
              <Badge key={g} appearance="outline">
                {cite(g)}
              </Badge>
            ))}
          </div>
          <div className={styles.row}>
            <Text>{outside ? t('gov.triage.scope.wouldBe') : t('gov.triage.tier')}</Text>
            <TierBadge tier={result.tier} />
            <Text>
              {t('gov.triage.gpaiFlag')}: {result.gpai ? t('form.yes') : t('form.no')}
            </Text>
          </div>
          <Text>{t('gov.triage.grounds')}</Text>
          {result.grounds.length > 0 ? (
            <ul className={styles.list} data-testid="triage-grounds">
              {result.grounds.map((g) => (
                <li key={g}>{cite(g)}</li>
              ))}
            </ul>
          ) : (
            <Text className={styles.muted}>{t('gov.triage.noGrounds')}</Text>
          )}
          {result.exceptions.length > 0 ? (
            <>
              <Text>{t('gov.triage.exceptions')}</Text>
              <ul className={styles.list} data-testid="triage-exceptions">
                {result.exceptions.map((g) => (
                  <li key={g}>{cite(g)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <Text weight="semibold">{t('gov.triage.stepsTitle')}</Text>
          <ul className={styles.list} data-testid="triage-steps">
            {result.steps.map((step) => (
              <li key={step.step}>
                {t(`gov.triage.steps.${step.step === 'F' ? 'result' : step.step}`)}:{' '}
                {t(`gov.triage.outcomes.${step.outcome}`)}
                {step.grounds.length > 0 ? <> ({cite(step.grounds.join(', '))})</> : null}
              </li>
            ))}
          </ul>
          <Text weight="semibold">{t('gov.triage.dates.title')}</Text>
          {obligations.length === 0 ? (
            <Text className={styles.muted}>{t('gov.triage.dates.none')}</Text>
          ) : (
            <ul className={styles.list} data-testid="triage-dates">
              {obligations.map((o) => (
                <li key={o.obligation}>
                  <Text weight="semibold">{t(`gov.triage.dates.obligations.${o.obligation}`)}</Text>:{' '}
                  {o.appliesFrom === null
                    ? t('gov.triage.dates.noBinding')
                    : t(o.appliesToday ? 'gov.triage.dates.appliesSince' : 'gov.triage.dates.appliesFrom', {
                        date: formatDate(o.appliesFrom, locale),
                      })}
                  {o.pending.map((p) => (
                    <div key={p.id} className={styles.muted}>
                      {t('gov.triage.dates.pending', {
                        instrument: p.instrument,
                        date: formatDate(p.appliesFrom, locale),
                        status: t(`gov.triage.dates.statuses.${p.status}`),
                      })}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          )}
          {result.notes.length > 0 ? (
            <ul className={styles.list}>
              {result.notes.map((n) => (
                <li key={n}>{t(`gov.triage.notes.${n}`)}</li>
              ))}
            </ul>
          ) : null}
          {result.tier === 'high' ? <AwarenessLink note="highRiskDuties" /> : null}
          {result.gpai ? <AwarenessLink note="gpai" /> : null}
          {result.unanswered.length > 0 ? (
            <Text className={styles.danger}>
              {t('gov.triage.unanswered', { count: result.unanswered.length })}
            </Text>
          ) : null}
        </div>
      ) : (
        <div className={styles.stack}>
          {w.questions.map((q) => {
            const value = w.answers[q.id];
            return (
              <Field key={q.id} label={q.text[locale]}>
                <div className={styles.row}>
                  <Badge appearance="outline" aria-label={t('gov.triage.article', { ref: q.ref })}>
                    <span dir="ltr">{q.ref}</span>
                  </Badge>
                  <RadioGroup
                    layout="horizontal"
                    value={value === undefined ? '' : value ? 'yes' : 'no'}
                    onChange={(_e, d) => w.answer(q.id, d.value === 'yes')}
                  >
                    <Radio value="yes" label={t('form.yes')} />
                    <Radio value="no" label={t('form.no')} />
                  </RadioGroup>
                </div>
              </Field>
            );
          })}
        </div>
      )}

      <div className={styles.row}>
        <Button onClick={onCancel}>{t('gov.common.cancel')}</Button>
        <Button onClick={w.back} disabled={w.index === 0}>
          {t('gov.common.back')}
        </Button>
        {w.page === 'result' ? (
          <Button appearance="primary" disabled={saving} onClick={() => onSave(w.answers, result)}>
            {saving ? t('gov.common.saving') : t('gov.triage.save')}
          </Button>
        ) : (
          <Button appearance="primary" onClick={w.next}>
            {t('gov.common.next')}
          </Button>
        )}
      </div>
    </section>
  );
};
