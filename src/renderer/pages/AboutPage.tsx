import { useEffect, useState, type ReactNode } from 'react'
import type { AppInfo } from '../../shared/api'
import { PageHeader } from '../components/Page'
import { appApi } from '../platform/appApi'
import { ExternalLink } from '../components/ExternalLink'
import { ArchiveDataDates } from '../components/ArchiveDataDates'
import { StorageUsageFacts } from '../components/StorageFacts'

export function AboutPage(): ReactNode {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    void appApi.getAppInfo().then(setInfo)
  }, [])
  return (
    <article className="prose">
      <PageHeader title="About Papers With Code 2" kicker="About">
        A local-first home for the Papers With Code archive: papers, code, benchmarks and state-of-the-art
        results, on your own machine, with no server to depend on.
      </PageHeader>
      <section aria-labelledby="attribution">
        <h2 id="attribution">Data and licence</h2>
        <p className="attribution">
          Data from <strong>Papers with Code</strong>, paperswithcode.com, licensed{' '}
          <strong>CC-BY-SA 4.0</strong>.
        </p>
        <p>
          paperswithcode.com shut down in July 2025. Its final dumps are preserved in the{' '}
          <ExternalLink href="https://huggingface.co/datasets/pwc-archive/files">pwc-archive</ExternalLink>{' '}
          dataset. This app ships a small real slice of that archive (the September 2020 evaluation tables,
          the June 2022 methods and datasets dumps, 3,330 papers and 2,297 code links) so it works on first
          launch, and can sync the full archive from the original files or a mirror.
        </p>
        <p>
          Anything you export from the archive carries the same licence: credit Papers with Code and share
          alike (
          <ExternalLink href="https://creativecommons.org/licenses/by-sa/4.0/">CC-BY-SA 4.0</ExternalLink>).
        </p>
      </section>
      <section aria-labelledby="archive-dates">
        <h2 id="archive-dates">The archive on this machine</h2>
        <p>Each kind of data is as old as the dump it came from:</p>
        <ArchiveDataDates emptyText="Nothing has been synced yet." />
      </section>
      <section aria-labelledby="your-data">
        <h2 id="your-data">Your data</h2>
        <p>
          Reading lists, notes, tags, saved searches and settings live in their own tables on this machine. A
          sync never writes them, schema upgrades keep them, and you can export them at any time.
        </p>
        <StorageUsageFacts />
      </section>
      <section aria-labelledby="version">
        <h2 id="version">Version</h2>
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info?.version ?? '…'}</dd>
          <dt>Running as</dt>
          <dd>
            {info ? (info.host === 'electron' ? `desktop app (${info.platform})` : 'browser mode') : '…'}
          </dd>
        </dl>
      </section>
    </article>
  )
}
