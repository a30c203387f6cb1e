import { Fragment, type ReactNode } from 'react'
import { kindSnapshots } from '../../shared/archive/dataSnapshotDates'
import type { DumpKind } from '../../shared/archive/dumpKinds'
import { readArchiveSnapshot } from '../data/queries/archiveSnapshotQueries'
import { useArchiveQuery } from './useArchiveQuery'

const KIND_LABELS: Record<DumpKind, string> = {
  'evaluation-tables': 'Leaderboards and results',
  methods: 'Methods',
  datasets: 'Datasets',
  papers: 'Papers',
  links: 'Code links'
}

/**
 * Each kind of data on this machine with the date of the files it came from: the dumps are of
 * different years (the sample's leaderboards are 2020, its methods 2022), so one archive date
 * would misdate most of them.
 */
export function ArchiveDataDates({ emptyText }: { emptyText: string }): ReactNode {
  const snapshots = useArchiveQuery(async (db) => kindSnapshots(await readArchiveSnapshot(db)), [])
  if (snapshots === undefined) return null
  if (snapshots.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <dl className="facts" aria-label="Dates of the data on this machine">
      {snapshots.map((snapshot) => (
        <Fragment key={snapshot.kind}>
          <dt>{KIND_LABELS[snapshot.kind]}</dt>
          <dd data-testid={`data-date-${snapshot.kind}`}>
            {snapshot.date ?? 'date unknown'} <span className="muted">· {snapshot.fileNames.join(', ')}</span>
          </dd>
        </Fragment>
      ))}
    </dl>
  )
}
