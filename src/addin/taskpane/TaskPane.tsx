// The Excel task pane: sign in, pick a mission and a register, pull / push / refresh with progress, per-row
// results and conflict resolution. Office or the local workbook page provides the WorkbookPort.
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  ProgressBar,
  Subtitle1,
  Subtitle2,
  Text,
  Tooltip,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { MISSIONS } from '../../domain/reference/missions';
import { LOCALES } from '../../domain/schema/types';
import type { Locale } from '../../domain/schema/types';
import { localeNames } from '../i18n';
import type { AddinRegisterId } from '../services/addin-services';
import { ConflictCard } from './ConflictCard';
import { ResultsList } from './ResultsList';
import { useTaskPaneStyles } from './TaskPane.styles';
import { useTaskPane } from './useTaskPane';
import type { Notice, TaskPaneProps } from './useTaskPane';

export type { TaskPaneProps } from './useTaskPane';

const REGISTERS: readonly AddinRegisterId[] = ['dataInventory', 'aiRegistry'];

const NoticeBar = ({
  notice,
  onPullAnyway,
  onDismiss,
}: {
  notice: Notice;
  onPullAnyway?: () => void;
  onDismiss?: () => void;
}) => {
  const { t } = useTranslation();
  switch (notice.kind) {
    case 'confirmPull':
      return (
        <MessageBar intent="warning" data-testid="confirm-pull">
          <MessageBarBody>{t('status.confirmPull', { count: notice.count })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onPullAnyway}>
              {t('actions.pullAnyway')}
            </Button>
            <Button size="small" appearance="transparent" onClick={onDismiss}>
              {t('actions.cancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    case 'pulled':
      return (
        <MessageBar intent="success">
          <MessageBarBody>{t('status.pulled', { count: notice.count })}</MessageBarBody>
        </MessageBar>
      );
    case 'pushed': {
      const c = notice.report.counts;
      const intent = c.invalid + c.conflict + c.rejected > 0 ? 'warning' : 'success';
      return (
        <MessageBar intent={intent}>
          <MessageBarBody data-testid="push-summary">{t('status.pushed', c)}</MessageBarBody>
        </MessageBar>
      );
    }
    case 'refreshed':
      // After an expired delta token the refresh read everything again: the person is told, edits were kept.
      return (
        <MessageBar intent={notice.report.resynced ? 'warning' : 'info'}>
          <MessageBarBody data-testid="refresh-summary">
            {notice.report.resynced && <div>{t('status.resynced')}</div>}
            {t('status.refreshed', { ...notice.report })}
          </MessageBarBody>
        </MessageBar>
      );
    case 'nothing':
      return (
        <MessageBar intent="info">
          <MessageBarBody>{t('status.nothing')}</MessageBarBody>
        </MessageBar>
      );
    case 'applied':
      return (
        <MessageBar intent="info">
          <MessageBarBody>{t('conflicts.applied')}</MessageBarBody>
        </MessageBar>
      );
    case 'error':
      return (
        <MessageBar intent="error">
          <MessageBarBody data-testid="error">
            {t(`errors.${notice.failure.kind}`, { message: notice.failure.message })}
          </MessageBarBody>
        </MessageBar>
      );
  }
};

export const TaskPane = (props: TaskPaneProps) => {
  const { t, i18n } = useTranslation();
  const styles = useTaskPaneStyles();
  const state = useTaskPane(props);
  const { user, busy, progress, notice, report, conflicts, pending, actions } = state;
  const locale = props.locale;

  const header = (
    <header className={styles.header}>
      <div className={styles.brand}>
        <img className={styles.logo} src="/addin-assets/icon-64.png" alt="" />
        <div>
          <Subtitle1 as="h1">{t('app.title')}</Subtitle1>
          <br />
          <Caption1 className={styles.user}>
            {user ? t('signIn.as', { name: user.displayName }) : t('app.subtitle')}
          </Caption1>
        </div>
      </div>
      <Dropdown
        aria-label={t('pickers.language')}
        size="small"
        style={{ minWidth: '110px' }}
        value={localeNames[locale]}
        selectedOptions={[locale]}
        onOptionSelect={(_, data) => {
          const next = data.optionValue as Locale;
          void i18n.changeLanguage(next);
          props.onLocaleChange(next);
        }}
      >
        {LOCALES.map((l) => (
          <Option key={l} value={l}>
            {localeNames[l]}
          </Option>
        ))}
      </Dropdown>
    </header>
  );

  if (!state.ready) return <div className={styles.root}>{header}</div>;

  if (!user) {
    const local = props.auth.mode === 'local';
    // Focal points first: this is their tool.
    const personas = [...props.personas].sort(
      (a, b) => Number(b.role === 'focalPoint') - Number(a.role === 'focalPoint'),
    );
    return (
      <div className={styles.root}>
        {header}
        <Subtitle2 as="h2">{t('signIn.title')}</Subtitle2>
        <Text>{local ? t('signIn.localIntro') : t('signIn.intro')}</Text>
        {local ? (
          <div className={styles.personas}>
            {personas.map((p) => (
              <Button key={p.upn} disabled={busy === 'signIn'} onClick={() => void actions.signIn(p.upn)}>
                {[
                  p.displayName,
                  t(`signIn.roles.${p.role}`, { defaultValue: '' }),
                  MISSIONS.find((m) => m.id === p.mission)?.name[locale],
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Button>
            ))}
          </div>
        ) : (
          <Button appearance="primary" onClick={() => void actions.signIn()}>
            {t('signIn.button')}
          </Button>
        )}
        {notice && <NoticeBar notice={notice} />}
      </div>
    );
  }

  const mission = MISSIONS.find((m) => m.id === state.mission);
  const percent = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <div className={styles.root} data-testid="taskpane">
      {header}
      <div className={styles.pickers}>
        <Field label={t('pickers.mission')}>
          <Dropdown
            className={styles.dropdown}
            placeholder={t('pickers.missionPlaceholder')}
            value={mission?.name[locale] ?? state.mission ?? ''}
            selectedOptions={state.mission ? [state.mission] : []}
            disabled={!!busy}
            onOptionSelect={(_, data) => data.optionValue && state.setMission(data.optionValue)}
          >
            {MISSIONS.map((m) => (
              <Option key={m.id} value={m.id}>
                {m.name[locale]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('pickers.register')}>
          <Dropdown
            className={styles.dropdown}
            value={t(`registers.${state.register}`)}
            selectedOptions={[state.register]}
            disabled={!!busy}
            onOptionSelect={(_, data) =>
              data.optionValue && state.setRegister(data.optionValue as AddinRegisterId)
            }
          >
            {REGISTERS.map((r) => (
              <Option key={r} value={r}>
                {t(`registers.${r}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.buttons}>
        <Tooltip content={t('actions.pullHint')} relationship="description">
          <Button
            appearance={pending === undefined ? 'primary' : 'secondary'}
            disabled={!!busy || !state.mission}
            onClick={() => void actions.pull()}
          >
            {t('actions.pull')}
          </Button>
        </Tooltip>
        <Tooltip content={t('actions.pushHint')} relationship="description">
          <Button
            appearance={pending ? 'primary' : 'secondary'}
            disabled={!!busy || pending === undefined}
            onClick={() => void actions.push()}
          >
            {t('actions.push')}
          </Button>
        </Tooltip>
        <Tooltip content={t('actions.refreshHint')} relationship="description">
          <Button disabled={!!busy || pending === undefined} onClick={() => void actions.refresh()}>
            {t('actions.refresh')}
          </Button>
        </Tooltip>
        <Button
          appearance="subtle"
          disabled={!!busy || pending === undefined}
          onClick={() => void actions.addRows()}
        >
          {t('actions.addRows')}
        </Button>
      </div>
      <Caption1 className={styles.hint} data-testid="pending">
        {!state.mission
          ? t('status.chooseMission')
          : pending === undefined
            ? t('status.noSnapshot')
            : pending === 0
              ? t('status.nothing')
              : t('status.pending', { count: pending })}
      </Caption1>
      {busy && (
        <Field
          validationMessage={progress ? t(`phases.${progress.phase}`, { ...progress }) : undefined}
          validationState="none"
        >
          <ProgressBar value={percent} thickness="large" data-testid="progress" />
        </Field>
      )}
      {notice && (
        <NoticeBar
          notice={notice}
          onPullAnyway={() => void actions.pull(true)}
          onDismiss={actions.dismissNotice}
        />
      )}
      {conflicts.length > 0 && (
        <section className={styles.section} aria-label={t('conflicts.title')}>
          <Subtitle2 as="h2">{t('conflicts.title')}</Subtitle2>
          <Caption1>{t('conflicts.intro')}</Caption1>
          {conflicts.map((c) => (
            <ConflictCard
              key={c.id}
              conflict={c}
              disabled={!!busy}
              onResolve={(choice) => void actions.resolve(c, choice)}
            />
          ))}
        </section>
      )}
      {report && report.rows.length > 0 && (
        <ResultsList rows={report.rows} onSelect={(row) => void actions.select(row)} />
      )}
      {user && (
        <Button appearance="transparent" size="small" onClick={() => void actions.signOut()}>
          {t('signIn.signOut')}
        </Button>
      )}
    </div>
  );
};
