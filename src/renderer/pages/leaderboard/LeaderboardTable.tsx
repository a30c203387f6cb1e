import { useMemo, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../../shared/routes'
import {
  cellText,
  columnHeader,
  leaderboardColumns,
  type LeaderboardColumn,
  type LeaderboardTableRow,
  type TableSort
} from '../../../shared/sota/leaderboardExport'
import type { MetricDirection } from '../../../shared/sota/metricDirection'
import { ExternalLink } from '../../components/ExternalLink'
import { formatDate, repoName } from '../../components/PaperLinks'

/** Links shown before the rest fold away; a row with six forks should not be six lines tall. */
const VISIBLE_CODE_LINKS = 2

type AriaSort = 'ascending' | 'descending' | 'none'

function CodeCell({ row }: { row: LeaderboardTableRow }): ReactNode {
  const link = (index: number): ReactNode => {
    const code = row.code[index]
    return (
      <li key={code.url} className={code.official ? 'code-link--official' : undefined}>
        <ExternalLink href={code.url}>{repoName(code.url)}</ExternalLink>
        {code.official && <span className="badge badge--official">official</span>}
      </li>
    )
  }
  if (row.code.length === 0) return null
  const shown = row.code.slice(0, VISIBLE_CODE_LINKS).map((_, index) => link(index))
  const rest = row.code.slice(VISIBLE_CODE_LINKS).map((_, index) => link(index + VISIBLE_CODE_LINKS))
  return (
    <>
      <ul className="leaderboard-code">{shown}</ul>
      {rest.length > 0 && (
        <details className="leaderboard-code__more">
          <summary>+{rest.length} more</summary>
          <ul className="leaderboard-code">{rest}</ul>
        </details>
      )}
    </>
  )
}

/** The SotA mark goes to a result once: a repeat of the best result shares its rank, not its mark. */
function isMarkedSota(row: LeaderboardTableRow): boolean {
  return row.rank === 1 && row.repeatOf === null
}

function RepeatBadge({ original }: { original: LeaderboardTableRow | undefined }): ReactNode {
  const dated = original?.date ? ` (dated ${formatDate(original.date)})` : ''
  return (
    <span
      className="badge badge--repeat"
      title={`Listed twice in the archive: same model, paper and metric values as another row${dated}. Ranked and plotted once.`}
    >
      duplicate
    </span>
  )
}

function Cell({
  row,
  column,
  rowsById
}: {
  row: LeaderboardTableRow
  column: LeaderboardColumn
  rowsById: ReadonlyMap<string, LeaderboardTableRow>
}): ReactNode {
  switch (column.kind) {
    case 'rank':
      return (
        <td className="num">
          {cellText(row, column)}
          {isMarkedSota(row) && (
            <span className="badge badge--sota" title="State of the art on the chosen metric">
              SotA
            </span>
          )}
        </td>
      )
    case 'model':
      return (
        <th scope="row">
          {row.modelName}
          {row.repeatOf !== null && <RepeatBadge original={rowsById.get(row.repeatOf)} />}
        </th>
      )
    case 'metric':
      return <td className="num">{cellText(row, column)}</td>
    case 'paper':
      return (
        <td className="leaderboard-table__paper">
          {row.paperId !== null ? (
            <Link to={routes.paper(row.paperId)}>{cellText(row, column)}</Link>
          ) : (
            cellText(row, column)
          )}
        </td>
      )
    case 'code':
      return (
        <td className="leaderboard-table__code">
          <CodeCell row={row} />
        </td>
      )
    case 'date':
      return (
        <td className="leaderboard-table__date">
          {row.date !== null && <time dateTime={row.date}>{formatDate(row.date)}</time>}
        </td>
      )
    default:
      return <td>{cellText(row, column)}</td>
  }
}

function sortState(
  column: LeaderboardColumn,
  sort: TableSort,
  directionOf: (m: string) => MetricDirection
): AriaSort {
  if (column.kind === 'metric' && sort.kind === 'metric' && sort.metric === column.metric) {
    const bestFirst = directionOf(column.metric) === 'higher-is-better' ? 'descending' : 'ascending'
    if (!sort.reversed) return bestFirst
    return bestFirst === 'descending' ? 'ascending' : 'descending'
  }
  if (column.kind === 'date' && sort.kind === 'date') return sort.reversed ? 'ascending' : 'descending'
  return 'none'
}

const ARROWS: Record<AriaSort, string> = { ascending: '▲', descending: '▼', none: '' }

export interface LeaderboardTableProps {
  metrics: readonly string[]
  rows: readonly LeaderboardTableRow[]
  /** The chart's metric: ranks refer to it and its column is marked. */
  rankMetric: string | null
  sort: TableSort
  onSort: (column: { kind: 'metric'; metric: string } | { kind: 'date' }) => void
  directionOf: (metric: string) => MetricDirection
  /** True while the rows shown lag behind the latest sort or filter (they render in a second pass). */
  stale?: boolean
}

/**
 * Every shown result, one row each. Cell text comes from `cellText`, the function the CSV and
 * JSON exports use, so a file says what the table said.
 */
export function LeaderboardTable({
  metrics,
  rows,
  rankMetric,
  sort,
  onSort,
  directionOf,
  stale = false
}: LeaderboardTableProps): ReactNode {
  const columns = leaderboardColumns(metrics)
  const rowsById = useMemo(() => new Map(rows.map((row) => [row.resultId, row])), [rows])
  const header = (column: LeaderboardColumn, index: number): ReactNode => {
    if (column.kind !== 'metric' && column.kind !== 'date') {
      return (
        <th key={index} scope="col" className={column.kind === 'rank' ? 'num' : undefined}>
          {columnHeader(column)}
        </th>
      )
    }
    const state = sortState(column, sort, directionOf)
    const name = column.kind === 'metric' ? column.metric : 'Date'
    const better =
      column.kind === 'metric'
        ? directionOf(column.metric) === 'higher-is-better'
          ? 'higher is better'
          : 'lower is better'
        : 'newest first'
    return (
      <th
        key={index}
        scope="col"
        aria-sort={state}
        className={[
          column.kind === 'metric' ? 'num' : '',
          column.kind === 'metric' && column.metric === rankMetric ? 'leaderboard-table__ranked' : ''
        ]
          .filter(Boolean)
          .join(' ')}
      >
        <button
          type="button"
          className="sort-button"
          title={`Sort by ${name} (${better}); click again to reverse`}
          onClick={() =>
            onSort(column.kind === 'metric' ? { kind: 'metric', metric: column.metric } : { kind: 'date' })
          }
        >
          {name}
          <span className="sort-button__arrow" aria-hidden="true">
            {ARROWS[state]}
          </span>
        </button>
      </th>
    )
  }
  return (
    <div className="leaderboard-table__scroll">
      <table className="data-table leaderboard-table" aria-label="Results" aria-busy={stale}>
        <thead>
          <tr>{columns.map(header)}</tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.resultId} className={isMarkedSota(row) ? 'leaderboard-row--sota' : undefined}>
              {columns.map((column, index) => (
                <Cell key={index} row={row} column={column} rowsById={rowsById} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
