import { expect } from '@playwright/test'
import type { LibraryPage } from './libraryPage'

/** Real papers of the bundled sample, as the reading-list tests and the README screenshots use them. */
export const ANNEALING = {
  id: 'optimization-by-simulated-annealing',
  title: 'Optimization by Simulated Annealing'
}
export const HIGGS = {
  id: 'new-higgs-signatures-in-supersymmetry-with',
  // The dump's title really ends in a stray double quote: exports must keep it intact.
  title: 'New Higgs Signatures in Supersymmetry with Spontraneously Broken R Parity"'
}
export const DEMO_LIST = 'Annealing & optimisation'
export const DEMO_NOTE =
  'The **Metropolis** rule at temperature $T$.\n\n- cooling schedule matters\n- compare with SA on TSP'

/**
 * The library the README's `lists-*.png` shows: both papers saved, a second list holding both,
 * statuses, tags and a Markdown note; what the reading-list test builds step by step.
 */
export async function fillDemoLibrary(library: LibraryPage): Promise<void> {
  for (const paper of [ANNEALING, HIGGS]) {
    await library.open(`/paper/${paper.id}`)
    await library.page.getByRole('button', { name: 'Save to reading list' }).click()
    await expect(library.page.getByRole('button', { name: 'Saved to reading list' })).toBeVisible()
  }
  await library.open('/lists')
  await library.createList(DEMO_LIST)
  await library.transfer(library.entry(ANNEALING.title), DEMO_LIST, 'Copy')
  await expect(library.entries(ANNEALING.title)).toHaveCount(2)
  await library.transfer(library.entry(HIGGS.title), DEMO_LIST, 'Move')
  await library.listLink(DEMO_LIST).click()
  await expect(library.allEntries).toHaveCount(2)
  const annealing = library.entry(ANNEALING.title)
  await library.status(annealing).selectOption({ label: 'Read' })
  await library.addTag(annealing, 'optimisation')
  await library.addTag(annealing, 'Monte Carlo')
  await library.writeNote(annealing, DEMO_NOTE)
  const higgs = library.entry(HIGGS.title)
  await library.status(higgs).selectOption({ label: 'Reading' })
  await library.addTag(higgs, 'SUSY')
}
