import { useState, type ReactNode } from 'react';

export interface Column<Row> {
  /** Stable key, also the sort key. */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** A value to sort by; the column is sortable only when given. */
  sortValue?: (row: Row) => string | number | null;
  /** Right-align numbers. */
  align?: 'start' | 'end';
  /** Hide on phones. */
  hideOnPhone?: boolean;
  /** Label shown before the value when rows are stacked on phones (defaults to a text header). */
  label?: string;
  className?: string;
}

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

interface TableProps<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Describes the table for screen readers; visually hidden unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  initialSort?: SortState;
  /** Controlled sort (e.g. kept in the URL); the table sorts the rows itself either way. */
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Extra class per row (e.g. a selected row). */
  rowClassName?: (row: Row) => string | undefined;
  /** On phones, show each row as a card of labelled values instead of scrolling sideways. */
  stackOnPhone?: boolean;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/**
 * A data table with sortable headers (buttons with `aria-sort`), scrolling sideways on
 * small screens rather than breaking the layout.
 */
export function Table<Row>({
  columns,
  rows,
  rowKey,
  caption,
  showCaption = false,
  initialSort,
  sort: controlledSort,
  onSortChange,
  rowClassName,
  stackOnPhone = false,
}: TableProps<Row>) {
  const [localSort, setLocalSort] = useState<SortState | null>(initialSort ?? null);
  const sort = controlledSort === undefined ? localSort : controlledSort;
  const sortColumn = sort ? columns.find((column) => column.key === sort.key) : undefined;
  const sorted =
    sort && sortColumn?.sortValue
      ? [...rows].sort((a, b) => {
          const order = compare(sortColumn.sortValue!(a), sortColumn.sortValue!(b));
          return sort.direction === 'ascending' ? order : -order;
        })
      : rows;

  const toggle = (key: string) => {
    const next: SortState =
      sort?.key === key && sort.direction === 'ascending'
        ? { key, direction: 'descending' }
        : { key, direction: 'ascending' };
    setLocalSort(next);
    onSortChange?.(next);
  };

  return (
    <div className={stackOnPhone ? 'table-scroll table-stack' : 'table-scroll'}>
      <table className="table">
        <caption className={showCaption ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const isSorted = sort?.key === column.key;
              const classes = [
                column.align === 'end' ? 'align-end' : '',
                column.hideOnPhone ? 'hide-phone' : '',
                column.className ?? '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={classes || undefined}
                  aria-sort={isSorted ? sort.direction : column.sortValue ? 'none' : undefined}
                >
                  {column.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => toggle(column.key)}
                    >
                      {column.header}
                      <span className="sort-icon" aria-hidden="true">
                        {isSorted ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((column) => {
                const classes = [
                  column.align === 'end' ? 'align-end' : '',
                  column.hideOnPhone ? 'hide-phone' : '',
                  column.className ?? '',
                ]
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td
                    key={column.key}
                    className={classes || undefined}
                    data-label={
                      column.label ??
                      (typeof column.header === 'string' ? column.header : undefined)
                    }
                  >
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
