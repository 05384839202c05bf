// An assessment over many records: one finding, applied to every record picked, written in one batch.
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Text,
  Textarea,
  Title3,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assessmentFindings } from '../../../../domain/governance';
import { IMPACT_LABELS, LIKELIHOOD_LABELS } from '../../../../domain/risk';
import { MISSIONS } from '../../../../domain/reference';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { todayIso } from '../../../i18n/format';
import { useLocale } from '../../../i18n/use-locale';
import { useGovernanceData } from '../common/governance-data';
import { useGovernanceStyles } from '../common/governance.styles';
import { str } from '../common/text';
import type { GovernanceServices } from '../services/governance-services';

type Target = 'dataInventory' | 'aiRegistry';

export const AssessmentForm = ({
  services,
  onDone,
}: {
  readonly services: GovernanceServices;
  readonly onDone: () => void;
}) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const { data, reload } = useGovernanceData();
  const [register, setRegister] = useState<Target>('dataInventory');
  const [mission, setMission] = useState<string>('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [likelihood, setLikelihood] = useState(3);
  const [impact, setImpact] = useState(3);
  const [dueDate, setDueDate] = useState('');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<string>();

  const records = useMemo(
    () =>
      (register === 'dataInventory' ? data?.assets : data?.systems)?.filter(
        (r) => mission === '' || r.values.mission === mission,
      ) ?? [],
    [data, register, mission],
  );

  const run = async () => {
    if (title.trim() === '' || description.trim() === '' || picked.size === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const targets = records
        .filter((r) => picked.has(r.id))
        .map((r) => ({ register, id: r.id, values: r.values }));
      const findings = assessmentFindings(
        {
          title: title.trim(),
          description: description.trim(),
          likelihood,
          impact,
          ...(dueDate ? { dueDate } : {}),
        },
        targets,
        todayIso(),
      );
      const r = await services.createMany('riskRegister', findings);
      await reload();
      setResult(t('gov.assessment.done', { created: r.created.length, failed: r.failed.length }));
      setPicked(new Set());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const scale = (
    labels: typeof LIKELIHOOD_LABELS,
    value: number,
    onChange: (n: number) => void,
    label: string,
  ) => (
    <Field label={label}>
      <Dropdown
        value={`${value} · ${labels[value - 1]?.[locale] ?? ''}`}
        selectedOptions={[String(value)]}
        onOptionSelect={(_e, d) => onChange(Number(d.optionValue))}
      >
        {labels.map((l, i) => (
          <Option key={i} value={String(i + 1)} text={`${i + 1} · ${l[locale]}`}>
            {`${i + 1} · ${l[locale]}`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <section className={styles.card} aria-labelledby="assessment-title">
      <Title3 as="h3" id="assessment-title">
        {t('gov.assessment.title')}
      </Title3>
      <Text>{t('gov.assessment.intro')}</Text>
      <div className={styles.grid2}>
        <Field label={t('gov.assessment.findingTitle')} required>
          <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
        </Field>
        <Field label={t('gov.assessment.dueDate')}>
          <Input type="date" value={dueDate} onChange={(_e, d) => setDueDate(d.value)} />
        </Field>
        {scale(LIKELIHOOD_LABELS, likelihood, setLikelihood, t('gov.risk.likelihood'))}
        {scale(IMPACT_LABELS, impact, setImpact, t('gov.risk.impact'))}
      </div>
      <Field label={t('gov.assessment.description')} required>
        <Textarea value={description} onChange={(_e, d) => setDescription(d.value)} />
      </Field>
      <div className={styles.grid2}>
        <Field label={t('gov.assessment.register')}>
          <Dropdown
            value={t(`registers.${register}`)}
            selectedOptions={[register]}
            onOptionSelect={(_e, d) => {
              setRegister(d.optionValue === 'aiRegistry' ? 'aiRegistry' : 'dataInventory');
              setPicked(new Set());
            }}
          >
            <Option value="dataInventory">{t('registers.dataInventory')}</Option>
            <Option value="aiRegistry">{t('registers.aiRegistry')}</Option>
          </Dropdown>
        </Field>
        <Field label={t('gov.assessment.mission')}>
          <Dropdown
            value={
              mission
                ? (MISSIONS.find((m) => m.id === mission)?.name[locale] ?? mission)
                : t('gov.common.all')
            }
            selectedOptions={[mission]}
            onOptionSelect={(_e, d) => setMission(d.optionValue ?? '')}
          >
            <Option value="">{t('gov.common.all')}</Option>
            {MISSIONS.map((m) => (
              <Option key={m.id} value={m.id}>
                {m.name[locale]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <Checkbox
        label={t('gov.assessment.pickAll', { count: records.length })}
        checked={picked.size > 0 && picked.size === records.length ? true : picked.size > 0 ? 'mixed' : false}
        onChange={(_e, d) => setPicked(new Set(d.checked === true ? records.map((r) => r.id) : []))}
      />
      <div className={styles.tableWrap}>
        {records.slice(0, 200).map((r) => (
          <Checkbox
            key={r.id}
            label={str(r.values.Title)}
            checked={picked.has(r.id)}
            onChange={(_e, d) =>
              setPicked((p) => {
                const next = new Set(p);
                if (d.checked === true) next.add(r.id);
                else next.delete(r.id);
                return next;
              })
            }
          />
        ))}
      </div>
      {result ? (
        <MessageBar intent="success">
          <MessageBarBody>{result}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      <div className={styles.row}>
        <Button onClick={onDone}>{t('gov.common.close')}</Button>
        <Button
          appearance="primary"
          disabled={busy || picked.size === 0 || title.trim() === '' || description.trim() === ''}
          onClick={() => void run()}
        >
          {t('gov.assessment.create', { count: picked.size })}
        </Button>
      </div>
    </section>
  );
};
