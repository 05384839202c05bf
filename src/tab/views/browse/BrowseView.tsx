// Browse and search every record one may read: filters (register, mission, region, sensitivity, health),
// sort, and a virtualised list that stays smooth with 10,000 rows.
import {
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  Link,
  Option,
  ProgressBar,
  Text,
  Title2,
  type DropdownProps,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MISSIONS, REGIONS } from '../../../domain/reference';
import { DATA_INVENTORY, REGISTERS, REGISTER_IDS, SENSITIVITY } from '../../../domain/registers';
import { choiceLabel } from '../../../domain/validation';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HealthBadge } from '../../components/HealthBadge';
import { choiceText, registerName } from '../../components/record-labels';
import { LoadingState } from '../../components/LoadingState';
import { recordHash } from '../../deep-links';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/use-locale';
import type { HealthFilter, SortKey } from '../../records/filter';
import { ROW_HEIGHT, useBrowseStyles } from './BrowseView.styles';
import { useBrowse } from './useBrowse';

interface Choice {
  readonly value: string;
  readonly label: string;
}

interface FilterDropdownProps {
  readonly label: string;
  readonly value: string;
  readonly choices: readonly Choice[];
  readonly onChange: (value: string) => void;
  readonly testId: string;
}

const FilterDropdown = ({ label, value, choices, onChange, testId }: FilterDropdownProps) => {
  const styles = useBrowseStyles();
  const selected = choices.find((c) => c.value === value);
  const onSelect: DropdownProps['onOptionSelect'] = (_e, data) => onChange(data.optionValue ?? 'any');
  return (
    <Field label={label}>
      <Dropdown
        className={styles.dropdown}
        value={selected?.label ?? ''}
        selectedOptions={[value]}
        onOptionSelect={onSelect}
        data-testid={testId}
      >
        {choices.map((choice) => (
          <Option key={choice.value} value={choice.value}>
            {choice.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
};

export const BrowseView = () => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useBrowseStyles();
  const model = useBrowse();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: model.rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const any: Choice = { value: 'any', label: t('browse.any') };
  const sensitivityField = DATA_INVENTORY.fields.find((f) => f.name === 'sensitivity');
  const registerChoices = [
    any,
    ...REGISTER_IDS.map((id) => ({ value: id, label: registerName(id, locale) })),
  ];
  const missionChoices = [any, ...MISSIONS.map((m) => ({ value: m.id, label: m.name[locale] }))];
  const regionChoices = [any, ...REGIONS.map((r) => ({ value: r.id, label: r.name[locale] }))];
  const sensitivityChoices = [
    any,
    ...SENSITIVITY.map((s) => ({
      value: s,
      label: sensitivityField ? choiceLabel(sensitivityField, s, locale) : s,
    })),
  ];
  const healthChoices: Choice[] = [
    any,
    { value: 'healthy', label: t('health.healthy') },
    { value: 'attention', label: t('health.needsAttention') },
  ];
  const sortChoices: Choice[] = (['health', 'title', 'lastReviewed', 'modified'] as const).map((key) => ({
    value: key,
    label: t(`browse.sort.${key}`),
  }));
  const columns = [
    t('browse.columns.title'),
    t('browse.columns.register'),
    t('browse.columns.mission'),
    t('browse.columns.health'),
    t('browse.columns.lastReviewed'),
  ];

  return (
    <section className={styles.root} aria-labelledby="browse-title">
      <div className={styles.heading}>
        <Title2 as="h2" id="browse-title">
          {t('browse.title')}
        </Title2>
        <Body1 as="p" className={styles.intro}>
          {t('browse.intro')}
        </Body1>
      </div>

      <div className={styles.filters} role="search" aria-label={t('browse.search')}>
        <Field label={t('browse.search')}>
          <Input
            type="search"
            value={model.filter.query}
            placeholder={t('browse.searchPlaceholder')}
            onChange={(_e, d) => model.setFilter({ query: d.value })}
            data-testid="browse-search"
          />
        </Field>
        <FilterDropdown
          label={t('browse.register')}
          value={model.filter.register}
          choices={registerChoices}
          onChange={(v) => model.setFilter({ register: v as never })}
          testId="filter-register"
        />
        <FilterDropdown
          label={t('browse.mission')}
          value={model.filter.mission}
          choices={missionChoices}
          onChange={(v) => model.setFilter({ mission: v })}
          testId="filter-mission"
        />
        <FilterDropdown
          label={t('browse.region')}
          value={model.filter.region}
          choices={regionChoices}
          onChange={(v) => model.setFilter({ region: v })}
          testId="filter-region"
        />
        <FilterDropdown
          label={t('browse.sensitivity')}
          value={model.filter.sensitivity}
          choices={sensitivityChoices}
          onChange={(v) => model.setFilter({ sensitivity: v })}
          testId="filter-sensitivity"
        />
        <FilterDropdown
          label={t('browse.health')}
          value={model.filter.health}
          choices={healthChoices}
          onChange={(v) => model.setFilter({ health: v as HealthFilter })}
          testId="filter-health"
        />
        <FilterDropdown
          label={t('browse.sortBy')}
          value={model.sort}
          choices={sortChoices}
          onChange={(v) => model.setSort(v as SortKey)}
          testId="sort"
        />
      </div>

      {model.state.status === 'loading' ? (
        <>
          <LoadingState
            label={model.loaded > 0 ? `${t('loading')} ${formatNumber(model.loaded, locale)}` : undefined}
          />
          <ProgressBar aria-label={t('loading')} />
        </>
      ) : null}
      {model.state.status === 'error' ? (
        <ErrorMessage error={model.state.error} onRetry={model.reload} />
      ) : null}

      {model.state.status === 'ready' ? (
        <>
          <div className={styles.status}>
            <Text className={styles.count} role="status" aria-live="polite" data-testid="browse-count">
              {t('browse.count', { count: model.rows.length })}
            </Text>
            {model.filtered ? <Button onClick={model.clearFilters}>{t('browse.clearFilters')}</Button> : null}
          </div>
          {model.rows.length === 0 ? (
            <EmptyState
              title={t('browse.noResults')}
              action={
                model.filtered ? (
                  <Button onClick={model.clearFilters}>{t('browse.clearFilters')}</Button>
                ) : undefined
              }
            />
          ) : (
            <div
              className={styles.table}
              role="table"
              aria-label={t('browse.table')}
              aria-rowcount={model.rows.length + 1}
            >
              <div role="rowgroup">
                <div className={styles.headerRow} role="row" aria-rowindex={1}>
                  {columns.map((c) => (
                    <span key={c} role="columnheader">
                      {c}
                    </span>
                  ))}
                </div>
              </div>
              <div ref={scrollerRef} className={styles.scroller} data-testid="browse-scroller">
                <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
                  {virtualizer.getVirtualItems().map((item) => {
                    const row = model.rows[item.index];
                    if (!row) return null;
                    return (
                      <div
                        key={row.key}
                        role="row"
                        aria-rowindex={item.index + 2}
                        className={styles.row}
                        style={{ transform: `translateY(${item.start}px)` }}
                        data-record={row.key}
                      >
                        <span role="cell" className={styles.cell}>
                          <Link
                            href={recordHash({ register: row.register, id: row.id })}
                            className={styles.title}
                          >
                            {row.title}
                          </Link>
                        </span>
                        <span role="cell" className={styles.cell}>
                          {registerName(row.register, locale)}
                        </span>
                        <span role="cell" className={styles.cell}>
                          {choiceText(
                            row.register,
                            REGISTERS[row.register].missionField,
                            row.mission,
                            locale,
                          )}
                        </span>
                        <span role="cell" className={styles.cell}>
                          <HealthBadge health={row.health} register={row.register} compact />
                        </span>
                        <span role="cell" className={styles.cell}>
                          {formatDate(row.lastReviewed, locale)}
                        </span>
                      </div>
                    );
                  })}
                </div>
              </div>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
};
