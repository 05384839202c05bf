// A new risk or compliance finding: source and related record, description and evidence, inherent and
// residual likelihood x impact, treatment, owner, due date, status. Validated by the domain.
import {
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Textarea,
  Title3,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MISSIONS } from '../../../../domain/reference';
import { RISK_REGISTER } from '../../../../domain/registers';
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from '../../../../domain/risk';
import type { FieldValue, Localized } from '../../../../domain/schema/types';
import { formatIssue, validateRecord } from '../../../../domain/validation';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { todayIso } from '../../../i18n/format';
import { useLocale } from '../../../i18n/use-locale';
import { AwarenessLink } from '../awareness/AwarenessLink';
import { useGovernanceData } from '../common/governance-data';
import { useGovernanceStyles } from '../common/governance.styles';
import { choiceOf, choicesOf, fieldLabel, str } from '../common/text';
import type { GovernanceServices } from '../services/governance-services';

export interface RiskFormProps {
  readonly services: GovernanceServices;
  readonly onDone: () => void;
}

export const RiskForm = ({ services, onDone }: RiskFormProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const { data, reload } = useGovernanceData();
  const [values, setValues] = useState<Record<string, FieldValue>>({
    source: 'Assessment',
    status: 'Open',
    owner: services.me.email,
  });
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));
  const full = useMemo(
    () => ({ ...values, lastReviewed: todayIso(), lastReviewedBy: services.me.email }),
    [values, services.me.email],
  );
  const validation = useMemo(() => validateRecord(RISK_REGISTER, full), [full]);
  const issues = validation.ok ? [] : validation.issues;
  const issueFor = (name: string) => {
    const i = issues.find((x) => x.field === name);
    return tried && i ? formatIssue(i, locale, RISK_REGISTER) : undefined;
  };
  const label = (name: string) => fieldLabel('riskRegister', name, locale);

  const dropdown = (name: string, options: readonly { value: string; text: string }[], required = false) => (
    <Field label={label(name)} validationMessage={issueFor(name)} required={required}>
      <Dropdown
        placeholder={t('form.choose')}
        value={options.find((o) => o.value === String(values[name] ?? ''))?.text ?? ''}
        selectedOptions={values[name] === null || values[name] === undefined ? [] : [String(values[name])]}
        onOptionSelect={(_e, d) => {
          const field = RISK_REGISTER.fields.find((f) => f.name === name);
          set(
            name,
            d.optionValue === undefined
              ? null
              : field?.type === 'number'
                ? Number(d.optionValue)
                : d.optionValue,
          );
        }}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
  const scale = (labels: readonly Localized[]) =>
    labels.map((l, i) => ({ value: String(i + 1), text: `${i + 1} · ${l[locale]}` }));
  const choices = (name: string) =>
    choicesOf('riskRegister', name).map((c) => ({
      value: c,
      text: choiceOf('riskRegister', name, c, locale),
    }));
  const text = (name: string, multiline = false, type: 'text' | 'date' = 'text') => (
    <Field
      label={label(name)}
      validationMessage={issueFor(name)}
      required={name === 'Title' || name === 'description'}
    >
      {multiline ? (
        <Textarea value={str(values[name])} onChange={(_e, d) => set(name, d.value || null)} />
      ) : (
        <Input type={type} value={str(values[name])} onChange={(_e, d) => set(name, d.value || null)} />
      )}
    </Field>
  );

  const save = async () => {
    setTried(true);
    if (!validation.ok) return;
    setSaving(true);
    setError(undefined);
    try {
      await services.create('riskRegister', validation.value);
      await reload();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.card}
      aria-labelledby="risk-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className={styles.spread}>
        <Title3 as="h3" id="risk-form-title">
          {t('gov.risk.newRisk')}
        </Title3>
        <AwarenessLink note="riskScoring" />
      </div>
      {text('Title')}
      <div className={styles.grid2}>
        {dropdown('source', choices('source'), true)}
        {dropdown(
          'mission',
          MISSIONS.map((m) => ({ value: m.id, text: m.name[locale] })),
          true,
        )}
        {dropdown(
          'relatedAsset',
          (data?.assets ?? []).map((a) => ({ value: a.id, text: str(a.values.Title) })),
        )}
        {dropdown(
          'relatedSystem',
          (data?.systems ?? []).map((s) => ({ value: s.id, text: str(s.values.Title) })),
        )}
      </div>
      {text('description', true)}
      <Field
        label={label('evidence')}
        hint={t('gov.risk.evidenceHint')}
        validationMessage={issueFor('evidence')}
      >
        <Textarea
          value={Array.isArray(values.evidence) ? values.evidence.join('\n') : ''}
          onChange={(_e, d) => {
            const lines = d.value.split('\n');
            set('evidence', lines.some((l) => l.trim()) ? lines : null);
          }}
        />
      </Field>
      <div className={styles.grid2}>
        {dropdown('likelihood', scale(LIKELIHOOD_LABELS))}
        {dropdown('impact', scale(IMPACT_LABELS))}
        {dropdown('residualLikelihood', scale(LIKELIHOOD_LABELS))}
        {dropdown('residualImpact', scale(IMPACT_LABELS))}
        {dropdown('treatment', choices('treatment'))}
        {dropdown('status', choices('status'), true)}
        {text('owner')}
        {text('dueDate', false, 'date')}
      </div>
      {text('actions', true)}
      {tried && issues.length > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('gov.common.fixErrors', { count: issues.length })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.row}>
        <Button onClick={onDone}>{t('gov.common.cancel')}</Button>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('gov.common.saving') : t('gov.common.save')}
        </Button>
      </div>
    </form>
  );
};
