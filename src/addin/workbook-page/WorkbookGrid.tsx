// The local workbook page's sheet: a grid over the in-memory workbook that a person (or a browser test) can click
// and type in. Typing goes through MemoryWorkbook.enter, so Excel's entry rules, protection and dropdown
// validation apply. Hidden columns are not drawn; rows are virtualised (5,000 rows stay smooth).
import { Caption1, Subtitle2, mergeClasses } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isDateFormat, serialToIsoDate } from '../excel/cell-entry';
import type { MemoryWorkbook } from '../excel/memory-workbook';
import type { CellValue, ColumnSetup, ReadingOrder } from '../excel/workbook-port';
import { useWorkbookGridStyles } from './WorkbookGrid.styles';

export interface WorkbookGridProps {
  readonly workbook: MemoryWorkbook;
  readonly className?: string;
}

const ROW_HEIGHT = 24;

const readingDir = (order: ReadingOrder): 'rtl' | 'ltr' | 'auto' =>
  order === 'RightToLeft' ? 'rtl' : order === 'LeftToRight' ? 'ltr' : 'auto';

const display = (value: CellValue, column: ColumnSetup | undefined): string => {
  if (typeof value === 'number' && isDateFormat(column?.numberFormat)) return serialToIsoDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
};

const useWorkbookView = (workbook: MemoryWorkbook) => {
  const version = useRef(0);
  const cache = useRef<{ version: number; view: ReturnType<MemoryWorkbook['view']> }>({
    version: -1,
    view: [],
  });
  return useSyncExternalStore(
    (onChange) =>
      workbook.subscribe(() => {
        version.current++;
        onChange();
      }),
    () => {
      if (cache.current.version !== version.current)
        cache.current = { version: version.current, view: workbook.view() };
      return cache.current.view;
    },
  );
};

export const WorkbookGrid = ({ workbook, className }: WorkbookGridProps) => {
  const { t } = useTranslation();
  const styles = useWorkbookGridStyles();
  const tables = useWorkbookView(workbook);
  const [active, setActive] = useState(0);
  const table = tables[Math.min(active, Math.max(0, tables.length - 1))];
  const [editing, setEditing] = useState<{ row: number; col: number; text: string } | undefined>();
  const [alert, setAlert] = useState<string | undefined>();
  const scroller = useRef<HTMLDivElement>(null);
  const visible = table ? table.columns.map((c, i) => ({ c, i })).filter(({ i }) => !table.hidden[i]) : [];
  const rows = table?.rows ?? [];
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selection = workbook.selection?.tableName === table?.tableName ? workbook.selection : undefined;

  useEffect(() => {
    if (selection) virtualizer.scrollToIndex(selection.row, { align: 'center' });
    // Only a new selection scrolls; the virtualizer object changes on every render.
  }, [selection?.row, selection?.col]);

  useEffect(() => {
    // A table added by Pull becomes the visible sheet.
    if (tables.length > 0) setActive(tables.length - 1);
  }, [tables.length]);

  if (!table) {
    return (
      <div className={mergeClasses(styles.root, className)}>
        <div className={styles.bar}>
          <Subtitle2>{t('workbook.title')}</Subtitle2>
        </div>
        <div className={styles.empty}>{t('workbook.empty')}</div>
      </div>
    );
  }

  const widthOf = (col: number) => Math.max(60, Math.round((table.widths[col] ?? 100) * 1.1));
  const totalWidth = 44 + visible.reduce((sum, { i }) => sum + widthOf(i), 0);

  const commit = () => {
    if (!editing) return;
    const result = workbook.enter(table.tableName, editing.row, editing.col, editing.text);
    setAlert(result.ok ? undefined : t(`workbook.refused.${result.reason}`));
    setEditing(undefined);
  };

  const selectedNote =
    selection && table.rows[selection.row]?.notes[selection.col]
      ? table.rows[selection.row]?.notes[selection.col]
      : undefined;

  return (
    <div className={mergeClasses(styles.root, className)}>
      <div className={styles.bar}>
        <Subtitle2>{t('workbook.title')}</Subtitle2>
        <Caption1 className={styles.hint}>{t('workbook.hint')}</Caption1>
        <Caption1 className={styles.hint}>{t('workbook.rows', { count: rows.length })}</Caption1>
      </div>
      {alert && (
        <div role="alert" className={styles.alert} data-testid="grid-alert">
          {alert}
        </div>
      )}
      <div
        ref={scroller}
        className={styles.scroller}
        role="grid"
        // Excel's API cannot make a sheet right to left, so columns run from A on the left in every language;
        // only the header cells take the layout's reading order (RangeFormat.readingOrder).
        dir="ltr"
        aria-label={table.sheetName}
        data-table={table.tableName}
      >
        <div style={{ width: totalWidth, height: virtualizer.getTotalSize() + 26, position: 'relative' }}>
          <div className={styles.headerRow} role="row" style={{ width: totalWidth }}>
            <div className={styles.rowNumber} />
            {visible.map(({ c, i }) => (
              <div
                key={i}
                role="columnheader"
                className={styles.headerCell}
                dir={readingDir(table.headerReadingOrder)}
                style={{ width: widthOf(i) }}
                title={c.prompt}
                data-col={i}
              >
                {c.header}
              </div>
            ))}
          </div>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <div
                key={item.index}
                role="row"
                className={styles.row}
                style={{ top: item.start + 26, width: totalWidth }}
              >
                <div className={styles.rowNumber}>{item.index + 2}</div>
                {visible.map(({ c, i }) => {
                  const value = row.values[i] ?? '';
                  const isEditing = editing?.row === item.index && editing.col === i;
                  const note = row.notes[i];
                  const fill = row.fills[i];
                  const locked = table.protected && !!c.locked;
                  return (
                    <div
                      key={i}
                      role="gridcell"
                      data-row={item.index}
                      data-col={i}
                      title={note ?? undefined}
                      aria-invalid={fill ? true : undefined}
                      className={mergeClasses(
                        styles.cell,
                        locked && styles.locked,
                        typeof value === 'number' && styles.number,
                        !!note && styles.noted,
                        selection?.row === item.index && selection.col === i && styles.selected,
                      )}
                      style={{ width: widthOf(i), ...(fill ? { backgroundColor: fill } : {}) }}
                      onClick={() => {
                        workbook.selection = { tableName: table.tableName, row: item.index, col: i };
                        if (!isEditing) setEditing({ row: item.index, col: i, text: display(value, c) });
                      }}
                    >
                      {isEditing ? (
                        c.listValidation ? (
                          <select
                            autoFocus
                            className={styles.editor}
                            value={editing.text}
                            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                            onBlur={commit}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') commit();
                              if (e.key === 'Escape') setEditing(undefined);
                            }}
                          >
                            <option value="" />
                            {!c.listValidation.includes(editing.text) && editing.text !== '' && (
                              <option value={editing.text}>{editing.text}</option>
                            )}
                            {c.listValidation.map((v) => (
                              <option key={v} value={v}>
                                {v}
                              </option>
                            ))}
                          </select>
                        ) : (
                          <input
                            autoFocus
                            className={styles.editor}
                            value={editing.text}
                            onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                            onBlur={commit}
                            onKeyDown={(e) => {
                              if (e.key === 'Enter') commit();
                              if (e.key === 'Escape') setEditing(undefined);
                            }}
                          />
                        )
                      ) : (
                        // 'Context' reading order: each cell follows its first strong character, so a Latin title
                        // reads (and is cut) from its start in the Arabic layout too.
                        <span dir="auto" className={styles.cellText}>
                          {display(value, c)}
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
      <div className={styles.note} data-testid="cell-note">
        {selectedNote ?? ''}
      </div>
      <div className={styles.tabs} role="tablist">
        {tables.map((tb, i) => (
          <button
            key={tb.tableName}
            role="tab"
            aria-selected={i === active}
            className={mergeClasses(styles.tab, i === active && styles.tabActive)}
            onClick={() => setActive(i)}
          >
            {tb.sheetName}
          </button>
        ))}
      </div>
    </div>
  );
};
