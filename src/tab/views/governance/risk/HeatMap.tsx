// The 5x5 risk matrix: likelihood up, impact across, each cell a button that filters the list. Every
// cell has a spoken label (likelihood, impact, band, count) and is reachable by keyboard.
import { Button, Switch, Text, mergeClasses } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, heatMap, riskBand } from '../../../../domain/risk';
import type { HeatCell } from '../../../../domain/governance';
import type { RecordValues } from '../../../../domain/schema/types';
import { useLocale } from '../../../i18n/use-locale';
import { useGovernanceStyles } from '../common/governance.styles';
import { useHeatMapStyles } from './HeatMap.styles';

export interface HeatMapProps {
  readonly risks: readonly RecordValues[];
  /** Residual scores instead of inherent ones. */
  readonly residual: boolean;
  readonly onResidualChange: (residual: boolean) => void;
  readonly selected?: HeatCell;
  /** Called with the cell, or undefined when the selected cell is pressed again. */
  readonly onSelect: (cell: HeatCell | undefined) => void;
}

const LEVELS = [1, 2, 3, 4, 5] as const;

export const HeatMap = ({ risks, residual, onResidualChange, selected, onSelect }: HeatMapProps) => {
  const { t } = useTranslation();
  const locale = useLocale();
  const styles = useHeatMapStyles();
  const gov = useGovernanceStyles();
  const { cells, unscored } = heatMap(risks, { residual });

  return (
    <div className={gov.stack}>
      <Switch
        checked={residual}
        onChange={(_e, d) => onResidualChange(d.checked)}
        label={residual ? t('gov.risk.residual') : t('gov.risk.inherent')}
      />
      <table
        className={styles.table}
        aria-label={t('gov.risk.heatMap', {
          kind: residual ? t('gov.risk.residual') : t('gov.risk.inherent'),
        })}
      >
        <caption>
          <Text>{t('gov.risk.heatMapCaption')}</Text>
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.axis}>
              {t('gov.risk.likelihoodImpact')}
            </th>
            {LEVELS.map((i) => (
              <th scope="col" key={i} className={styles.axis}>
                {i} · {IMPACT_LABELS[i - 1]?.[locale]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...LEVELS].reverse().map((l) => (
            <tr key={l}>
              <th scope="row" className={styles.rowHead}>
                {l} · {LIKELIHOOD_LABELS[l - 1]?.[locale]}
              </th>
              {LEVELS.map((i) => {
                const count = cells[l - 1]?.[i - 1] ?? 0;
                const band = riskBand(l * i);
                const isSelected = selected?.likelihood === l && selected.impact === i;
                return (
                  <td key={i}>
                    <Button
                      appearance="transparent"
                      className={mergeClasses(
                        styles.cell,
                        band ? styles[band.id] : undefined,
                        isSelected && styles.selected,
                      )}
                      aria-pressed={isSelected}
                      aria-label={t('gov.risk.cellLabel', {
                        likelihood: `${l} ${LIKELIHOOD_LABELS[l - 1]?.[locale] ?? ''}`,
                        impact: `${i} ${IMPACT_LABELS[i - 1]?.[locale] ?? ''}`,
                        band: band?.label[locale] ?? '',
                        count,
                      })}
                      data-cell={`${l}-${i}`}
                      onClick={() => onSelect(isSelected ? undefined : { likelihood: l, impact: i })}
                    >
                      {count}
                    </Button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {unscored > 0 ? (
        <Text className={gov.muted}>{t('gov.risk.unscoredCount', { count: unscored })}</Text>
      ) : null}
    </div>
  );
};
