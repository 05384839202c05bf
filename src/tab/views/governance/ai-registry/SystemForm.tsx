// Registering an AI system (or editing its description): the fields of the AI registry that a custodian
// fills, data assets picked from the inventory, a live duplicate warning, validation from the domain. Edits of an
// existing system go through the tab's conflict-aware save (If-Match, then the field-by-field ConflictDialog).
import {
  Button,
  Combobox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Textarea,
  Title2,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { likelyDuplicates } from '../../../../domain/governance';
import { MISSIONS } from '../../../../domain/reference';
import { AI_REGISTRY } from '../../../../domain/registers';
import type { FieldValue, RecordValues } from '../../../../domain/schema/types';
import { formatIssue, validateRecord } from '../../../../domain/validation';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { todayIso } from '../../../i18n/format';
import { sameValue } from '../../../records/record-edit';
import type { TabRecord } from '../../../services/tab-services';
import { ConflictDialog } from '../../record/ConflictDialog';
import { useConflictAwareSave } from '../../record/useConflictAwareSave';
import { useLocale } from '../../../i18n/use-locale';
import { AwarenessLink } from '../awareness/AwarenessLink';
import { useGovernanceData } from '../common/governance-data';
import { useGovernanceStyles } from '../common/governance.styles';
import { useGovNavigate } from '../common/navigation';
import { choiceOf, choicesOf, fieldLabel, str } from '../common/text';
import type { GovernanceServices, GovRecord } from '../services/governance-services';

export interface SystemFormProps {
  readonly services: GovernanceServices;
  /** The system being edited; a new one when absent. */
  readonly system?: GovRecord;
  readonly onDone?: (saved: GovRecord) => void;
}

const EDITABLE = [
  'Title',
  'purpose',
  'provider',
  'deploymentStatus',
  'mission',
  'custodian',
  'businessOwner',
  'aiActRole',
  'dataAssets',
  'humanOversight',
  'documentation',
] as const;

export const SystemForm = ({ services, system, onDone }: SystemFormProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const go = useGovNavigate();
  const { data, reload } = useGovernanceData();
  const [values, setValues] = useState<Record<string, FieldValue>>(() =>
    system
      ? Object.fromEntries(EDITABLE.map((f) => [f, system.values[f] ?? null]))
      : { custodian: services.me.email, aiActRole: 'Deployer', deploymentStatus: 'Idea' },
  );
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (name: string, value: FieldValue) => setValues((v) => ({ ...v, [name]: value }));

  // Existing systems: the tab's save (If-Match; a 412 opens the field-by-field dialog).
  const afterEdit = useCallback(
    async (next: TabRecord) => {
      await reload();
      onDone?.(next.record);
    },
    [reload, onDone],
  );
  const edit = useConflictAwareSave({
    ref: { register: 'aiRegistry', id: system?.id ?? '' },
    onSaved: (next) => void afterEdit(next),
  });

  const full: RecordValues = useMemo(
    () =>
      system
        ? { ...system.values, ...values }
        : {
            ...values,
            verificationStatus: 'Draft',
            lastReviewed: todayIso(),
            lastReviewedBy: services.me.email,
          },
    [system, values, services.me.email],
  );
  const validation = useMemo(() => validateRecord(AI_REGISTRY, full), [full]);
  const issues = validation.ok ? [] : validation.issues;
  const issueFor = (name: string) => {
    const i = issues.find((x) => x.field === name);
    return tried && i ? formatIssue(i, locale, AI_REGISTRY) : undefined;
  };
  const duplicates = useMemo(
    () => likelyDuplicates(values, data?.systems ?? [], system?.id),
    [values, data, system],
  );

  const text = (name: string, multiline = false) => (
    <Field
      label={fieldLabel('aiRegistry', name, locale)}
      hint={AI_REGISTRY.fields.find((f) => f.name === name)?.help[locale]}
      validationMessage={issueFor(name)}
      required={name === 'Title' || name === 'purpose' || name === 'provider'}
    >
      {multiline ? (
        <Textarea
          value={str(values[name])}
          onChange={(_e, d) => set(name, d.value || null)}
          resize="vertical"
        />
      ) : (
        <Input value={str(values[name])} onChange={(_e, d) => set(name, d.value || null)} />
      )}
    </Field>
  );
  const choice = (name: string, options: readonly string[], labelOf: (v: string) => string) => (
    <Field label={fieldLabel('aiRegistry', name, locale)} validationMessage={issueFor(name)} required>
      <Dropdown
        value={str(values[name]) ? labelOf(str(values[name])) : ''}
        selectedOptions={str(values[name]) ? [str(values[name])] : []}
        onOptionSelect={(_e, d) => set(name, d.optionValue ?? null)}
        placeholder={t('form.choose')}
      >
        {options.map((o) => (
          <Option key={o} value={o}>
            {labelOf(o)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  const assets = data?.assets ?? [];
  const selectedAssets = Array.isArray(values.dataAssets) ? (values.dataAssets as readonly string[]) : [];

  const save = async () => {
    setTried(true);
    if (!validation.ok) return;
    setSaving(true);
    setError(undefined);
    try {
      if (system) {
        // Only what changed, so a concurrent edit of other fields is kept, and a clash is asked about.
        const changes = Object.fromEntries(
          EDITABLE.filter((f) => !sameValue(validation.value[f] ?? null, system.values[f] ?? null)).map(
            (f) => [f, validation.value[f] ?? null],
          ),
        );
        if (Object.keys(changes).length === 0) onDone?.(system);
        else await edit.write(changes, system.eTag ?? '', system.values);
        return;
      }
      const saved = await services.create('aiRegistry', validation.value);
      await reload();
      if (onDone) onDone(saved);
      else go('ai', saved.id);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.stack}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-labelledby="system-form-title"
    >
      <div className={styles.spread}>
        <Title2 as="h2" id="system-form-title">
          {system ? t('gov.ai.editTitle') : t('gov.ai.register')}
        </Title2>
        <AwarenessLink note="custodianDuties" />
      </div>
      {duplicates.length > 0 ? (
        <MessageBar intent="warning" data-testid="duplicate-warning">
          <MessageBarBody>
            <MessageBarTitle>{t('gov.ai.duplicates')}</MessageBarTitle>
            {duplicates
              .map(
                (d) => `${d.title} (${d.reasons.map((r) => t(`gov.ai.duplicateReasons.${r}`)).join(', ')})`,
              )
              .join('; ')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.grid2}>
        {text('Title')}
        {text('provider')}
      </div>
      {text('purpose', true)}
      <div className={styles.grid2}>
        {choice('deploymentStatus', choicesOf('aiRegistry', 'deploymentStatus'), (v) =>
          choiceOf('aiRegistry', 'deploymentStatus', v, locale),
        )}
        {choice(
          'mission',
          MISSIONS.map((m) => m.id),
          (v) => MISSIONS.find((m) => m.id === v)?.name[locale] ?? v,
        )}
        {choice('aiActRole', choicesOf('aiRegistry', 'aiActRole'), (v) =>
          choiceOf('aiRegistry', 'aiActRole', v, locale),
        )}
        {text('custodian')}
        {text('businessOwner')}
      </div>
      <Field
        label={fieldLabel('aiRegistry', 'dataAssets', locale)}
        hint={AI_REGISTRY.fields.find((f) => f.name === 'dataAssets')?.help[locale]}
      >
        <Combobox
          multiselect
          placeholder={t('gov.ai.pickAssets')}
          selectedOptions={[...selectedAssets]}
          value={selectedAssets
            .map((id) => str(assets.find((a) => a.id === id)?.values.Title) || id)
            .join(', ')}
          onOptionSelect={(_e, d) => set('dataAssets', d.selectedOptions.length ? d.selectedOptions : null)}
        >
          {assets.map((a) => (
            <Option key={a.id} value={a.id}>
              {str(a.values.Title)}
            </Option>
          ))}
        </Combobox>
      </Field>
      {text('humanOversight', true)}
      <Field
        label={fieldLabel('aiRegistry', 'documentation', locale)}
        hint={AI_REGISTRY.fields.find((f) => f.name === 'documentation')?.help[locale]}
        validationMessage={issueFor('documentation')}
      >
        <Textarea
          value={
            Array.isArray(values.documentation) ? values.documentation.join('\n') : str(values.documentation)
          }
          onChange={(_e, d) => {
            const lines = d.value.split('\n');
            set('documentation', lines.some((l) => l.trim()) ? lines : null);
          }}
        />
      </Field>
      {tried && issues.length > 0 ? (
        <MessageBar intent="error">
          <MessageBarBody>{t('gov.common.fixErrors', { count: issues.length })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {(error ?? edit.error) ? <ErrorMessage error={error ?? edit.error} /> : null}
      <div className={styles.row}>
        <Button onClick={() => (system ? onDone?.(system) : go('ai'))}>{t('gov.common.cancel')}</Button>
        <Button appearance="primary" type="submit" disabled={saving || edit.saving}>
          {saving || edit.saving ? t('gov.common.saving') : t('gov.common.save')}
        </Button>
      </div>
      {edit.conflict ? (
        <ConflictDialog
          open
          schema={AI_REGISTRY}
          merge={edit.conflict.merge}
          theirName={edit.conflict.current.record.modifiedBy}
          locale={locale}
          personName={() => undefined}
          saving={edit.saving}
          onResolve={(choices) => void edit.resolve(choices)}
          onCancel={edit.cancelConflict}
        />
      ) : null}
    </form>
  );
};
