import { useEffect, type ReactNode } from 'react'
import { Route, Routes } from 'react-router-dom'
import { AboutPage } from '../pages/AboutPage'
import { HomePage } from '../pages/HomePage'
import { NotFoundPage } from '../pages/NotFoundPage'
import { DatasetPage } from '../pages/datasets/DatasetPage'
import { DatasetsPage } from '../pages/datasets/DatasetsPage'
import { MethodPage } from '../pages/methods/MethodPage'
import { MethodsPage } from '../pages/methods/MethodsPage'
import { PapersPage } from '../pages/papers/PapersPage'
import { AreaPage } from '../pages/tasks/AreaPage'
import { SotaHomePage } from '../pages/tasks/SotaHomePage'
import { TaskPage } from '../pages/tasks/TaskPage'
import { PaperPage } from '../pages/paper/PaperPage'
import { BookmarkKeys } from '../library/BookmarkKeys'
import { LibraryPage } from '../library/LibraryPage'
import { ListPage } from '../library/ListPage'
import { CommandPalette } from '../search/CommandPalette'
import { refreshSearchIndex } from '../search/searchClient'
import { SearchPage } from '../search/SearchPage'
import { requestPersistentStorage } from '../platform/storageQuota'
import { startArchiveSync } from '../sync/archiveSync'
import { SyncPage } from '../sync/SyncPage'
import { SyncStatus } from '../sync/SyncStatus'
import { AppShell } from './AppShell'
import { ComparePage, LeaderboardPage, prefetchChartPages } from './chartPages'

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
    void requestPersistentStorage()
    void startArchiveSync()
    refreshSearchIndex()
    prefetchChartPages()
  }, [])
  return (
    <AppShell status={<SyncStatus />}>
      <BookmarkKeys />
      <CommandPalette />
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/papers" element={<PapersPage />} />
        <Route path="/paper/:slug" element={<PaperPage />} />
        <Route path="/sota" element={<SotaHomePage />} />
        <Route path="/sota/:slug" element={<LeaderboardPage />} />
        <Route path="/compare" element={<ComparePage />} />
        <Route path="/task/:slug" element={<TaskPage />} />
        <Route path="/area/:slug" element={<AreaPage />} />
        <Route path="/datasets" element={<DatasetsPage />} />
        <Route path="/dataset/:slug" element={<DatasetPage />} />
        <Route path="/methods" element={<MethodsPage />} />
        <Route path="/method/:slug" element={<MethodPage />} />
        <Route path="/lists" element={<LibraryPage />} />
        <Route path="/lists/:id" element={<ListPage />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/about" element={<AboutPage />} />
        <Route path="/sync" element={<SyncPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  )
}
