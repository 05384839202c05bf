// The EU AI Act triage: the questions in the Regulation's order, one step per page, each answer with the
// provision it rests on, and the proposed tier and GPAI flag from the domain's triage() as you go.
import { Badge, Button, Field, Radio, RadioGroup, Subtitle2, Text, Title3 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TriageAnswers, TriageResult } from '../../../../domain/ai-act';
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
}

export const TriageWizard = ({ initial = {}, onSave, onCancel, saving = false }: TriageWizardProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const w = useTriageWizard(initial);
  const { result } = w;

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
        <TierBadge tier={result.tier} />
        {result.gpai ? <Badge appearance="tint">{t('gov.triage.gpai')}</Badge> : null}
      </div>

      {w.page === 'result' ? (
        <div className={styles.stack} data-testid="triage-result">
          <Subtitle2 as="h3">{t('gov.triage.resultTitle')}</Subtitle2>
          <div className={styles.row}>
            <Text>{t('gov.triage.tier')}</Text>
            <TierBadge tier={result.tier} />
            <Text>
              {t('gov.triage.gpaiFlag')}: {result.gpai ? t('form.yes') : t('form.no')}
            </Text>
          </div>
          <Text>{t('gov.triage.grounds')}</Text>
          {result.grounds.length > 0 ? (
            <ul className={styles.list}>
              {result.grounds.map((g) => (
                <li key={g}>
                  <span dir="ltr">{g}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Text className={styles.muted}>{t('gov.triage.noGrounds')}</Text>
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
