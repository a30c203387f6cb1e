import { useEffect, type ReactNode } from 'react'
import { Route, Routes } from 'react-router-dom'
import { AboutPage } from '../pages/AboutPage'
import { HomePage } from '../pages/HomePage'
import { NotFoundPage } from '../pages/NotFoundPage'
import {
  DatasetsPage,
  EntityPage,
  MethodsPage,
  PapersPage,
  ReadingListsPage,
  SearchPage,
  SotaHomePage
} from '../pages/SectionPages'
import { PaperPage } from '../pages/paper/PaperPage'
import { startArchiveSync } from '../sync/archiveSync'
import { SyncPage } from '../sync/SyncPage'
import { SyncStatus } from '../sync/SyncStatus'
import { AppShell } from './AppShell'

/** Tests and tooling wait on this attribute rather than on timers. */
function useReadySignal(): void {
  useEffect(() => {
    document.documentElement.dataset.appState = 'ready'
  }, [])
}

let syncStarted = false

export function App(): ReactNode {
  useReadySignal()
  useEffect(() => {
    // StrictMode runs effects twice in development; the first launch import must start once.
    if (syncStarted) return
    syncStarted = true
    void startArchiveSync()
  }, [])
  return (
    <AppShell status={<SyncStatus />}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/papers" element={<PapersPage />} />
        <Route path="/paper/:slug" element={<PaperPage />} />
        <Route path="/sota" element={<SotaHomePage />} />
        <Route path="/sota/:slug" element={<EntityPage kind="leaderboard" />} />
        <Route path="/task/:slug" element={<EntityPage kind="task" />} />
        <Route path="/area/:slug" element={<EntityPage kind="area" />} />
        <Route path="/datasets" element={<DatasetsPage />} />
        <Route path="/dataset/:slug" element={<EntityPage kind="dataset" />} />
        <Route path="/methods" element={<MethodsPage />} />
        <Route path="/method/:slug" element={<EntityPage kind="method" />} />
        <Route path="/lists" element={<ReadingListsPage />} />
        <Route path="/lists/:slug" element={<EntityPage kind="list" />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/about" element={<AboutPage />} />
        <Route path="/sync" element={<SyncPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  )
}
