// The health controls, edited by the governance unit: which checks count and their weights, the healthy
// threshold, the default target and a target per mission. Checked by the domain's zod schema as you type;
// the scorecard follows the draft at once and the saved copy after saving.
import {
  Button,
  Checkbox,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_CHECKS, parseHealthControls } from '../../../../domain/health';
import type { HealthControls } from '../../../../domain/health';
import { MISSIONS } from '../../../../domain/reference';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { useLocale } from '../../../i18n/use-locale';
import { useGovernanceStyles } from '../common/governance.styles';

export interface ControlsEditorProps {
  readonly controls: HealthControls;
  /** Saves valid controls (officers only: the server refuses anyone else). */
  readonly onSave: (controls: HealthControls) => Promise<void>;
  /** Valid drafts, so the scorecard can follow before saving. */
  readonly onPreview?: (controls: HealthControls) => void;
  /** @defaultvalue false */
  readonly readOnly?: boolean;
}

type Draft = {
  checks: Record<string, { enabled: boolean; weight: string }>;
  healthyThreshold: string;
  target: string;
  targetByMission: Record<string, string>;
};

const toDraft = (c: HealthControls): Draft => ({
  checks: Object.fromEntries(
    HEALTH_CHECKS.map((id) => [id, { enabled: c.checks[id].enabled, weight: String(c.checks[id].weight) }]),
  ),
  healthyThreshold: String(c.healthyThreshold),
  target: String(c.target),
  targetByMission: Object.fromEntries(Object.entries(c.targetByMission).map(([k, v]) => [k, String(v)])),
});

// Empty or non-numeric text becomes NaN, which the schema rejects with a message.
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));

const fromDraft = (d: Draft): unknown => ({
  checks: Object.fromEntries(
    HEALTH_CHECKS.map((id) => [
      id,
      { enabled: d.checks[id]?.enabled ?? false, weight: num(d.checks[id]?.weight ?? '') },
    ]),
  ),
  healthyThreshold: num(d.healthyThreshold),
  target: num(d.target),
  targetByMission: Object.fromEntries(Object.entries(d.targetByMission).map(([k, v]) => [k, num(v)])),
});

export const ControlsEditor = ({ controls, onSave, onPreview, readOnly = false }: ControlsEditorProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useGovernanceStyles();
  const [draft, setDraft] = useState<Draft>(() => toDraft(controls));
  const [mission, setMission] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>();
  const parsed = parseHealthControls(fromDraft(draft));
  const issueAt = (path: string) =>
    parsed.ok
      ? undefined
      : parsed.issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;

  const update = (next: Draft) => {
    setDraft(next);
    setSaved(false);
    const p = parseHealthControls(fromDraft(next));
    if (p.ok) onPreview?.(p.value);
  };

  const save = async () => {
    if (!parsed.ok) return;
    setSaving(true);
    setError(undefined);
    try {
      await onSave(parsed.value);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.card} aria-labelledby="controls-title" data-testid="controls-editor">
      <Subtitle1 as="h3" id="controls-title">
        {t('gov.controls.title')}
      </Subtitle1>
      <Text>{t('gov.controls.intro')}</Text>
      <div className={styles.grid2}>
        {HEALTH_CHECKS.map((id) => (
          <div key={id} className={styles.row}>
            <Checkbox
              label={t(`gov.checks.${id}`)}
              disabled={readOnly}
              checked={draft.checks[id]?.enabled ?? false}
              onChange={(_e, d) =>
                update({
                  ...draft,
                  checks: {
                    ...draft.checks,
                    [id]: { weight: draft.checks[id]?.weight ?? '1', enabled: d.checked === true },
                  },
                })
              }
            />
            <Field
              label={t('gov.controls.weight', { check: t(`gov.checks.${id}`) })}
              validationMessage={issueAt(`checks.${id}`)}
            >
              <Input
                type="number"
                disabled={readOnly}
                value={draft.checks[id]?.weight ?? ''}
                onChange={(_e, d) =>
                  update({
                    ...draft,
                    checks: {
                      ...draft.checks,
                      [id]: { enabled: draft.checks[id]?.enabled ?? false, weight: d.value },
                    },
                  })
                }
              />
            </Field>
          </div>
        ))}
      </div>
      {issueAt('checks') && !HEALTH_CHECKS.some((id) => issueAt(`checks.${id}`)) ? (
        <Text className={styles.danger} role="alert">
          {t('gov.controls.needOneCheck')}
        </Text>
      ) : null}
      <div className={styles.grid2}>
        <Field label={t('gov.controls.threshold')} validationMessage={issueAt('healthyThreshold')}>
          <Input
            type="number"
            disabled={readOnly}
            value={draft.healthyThreshold}
            onChange={(_e, d) => update({ ...draft, healthyThreshold: d.value })}
          />
        </Field>
        <Field label={t('gov.controls.target')} validationMessage={issueAt('target')}>
          <Input
            type="number"
            disabled={readOnly}
            value={draft.target}
            onChange={(_e, d) => update({ ...draft, target: d.value })}
          />
        </Field>
      </div>
      <Text weight="semibold">{t('gov.controls.missionTargets')}</Text>
      {Object.entries(draft.targetByMission).map(([m, v]) => (
        <div key={m} className={styles.row}>
          <Field
            label={MISSIONS.find((x) => x.id === m)?.name[locale] ?? m}
            validationMessage={issueAt(`targetByMission.${m}`)}
          >
            <Input
              type="number"
              disabled={readOnly}
              value={v}
              onChange={(_e, d) =>
                update({ ...draft, targetByMission: { ...draft.targetByMission, [m]: d.value } })
              }
            />
          </Field>
          {!readOnly ? (
            <Button
              onClick={() => {
                const rest = { ...draft.targetByMission };
                delete rest[m];
                update({ ...draft, targetByMission: rest });
              }}
            >
              {t('gov.controls.remove')}
            </Button>
          ) : null}
        </div>
      ))}
      {!readOnly ? (
        <div className={styles.row}>
          <Field label={t('gov.controls.addMission')}>
            <Dropdown
              placeholder={t('form.choose')}
              value={mission ? (MISSIONS.find((m) => m.id === mission)?.name[locale] ?? '') : ''}
              selectedOptions={mission ? [mission] : []}
              onOptionSelect={(_e, d) => setMission(d.optionValue ?? '')}
            >
              {MISSIONS.filter((m) => !(m.id in draft.targetByMission)).map((m) => (
                <Option key={m.id} value={m.id}>
                  {m.name[locale]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Button
            disabled={!mission}
            onClick={() => {
              update({ ...draft, targetByMission: { ...draft.targetByMission, [mission]: draft.target } });
              setMission('');
            }}
          >
            {t('gov.controls.add')}
          </Button>
        </div>
      ) : null}
      {!parsed.ok ? (
        <MessageBar intent="error" data-testid="controls-invalid">
          <MessageBarBody>{t('gov.controls.invalid', { count: parsed.issues.length })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {saved ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('gov.controls.saved')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {!readOnly ? (
        <div className={styles.row}>
          <Button appearance="primary" disabled={!parsed.ok || saving} onClick={() => void save()}>
            {saving ? t('gov.common.saving') : t('gov.controls.save')}
          </Button>
        </div>
      ) : null}
    </section>
  );
};
