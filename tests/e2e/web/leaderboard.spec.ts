import { expect, test } from '../support/sampleProfile'
import {
  LeaderboardPage,
  addLargeBoardOfRealResults,
  parseExportCsv,
  unguardCsvCell
} from '../support/leaderboardPage'

const IMAGENET = 'image-classification-on-imagenet'

test.describe('leaderboards and SotA charts (bundled 2020 sample)', () => {
  test('Image Classification on ImageNet: header, chart of every dated result, table with the SotA row', async ({
    samplePage
  }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard(IMAGENET)
    await expect(board.heading('Image Classification on ImageNet')).toBeVisible()
    await expect(samplePage.getByRole('link', { name: 'Image Classification', exact: true })).toHaveAttribute(
      'href',
      '/task/image-classification'
    )
    await expect(samplePage.getByTestId('result-count')).toHaveText('199 results')
    await expect(board.bodyRows).toHaveCount(199)
    // 199 rows: one has no date and three no numeric Top 1 Accuracy, so 195 are drawn.
    await expect(board.points).toHaveCount(195)
    await expect(board.unplottedNote).toContainText(
      '4 results are not plotted (1 with no date, 3 with no numeric value'
    )
    await expect(board.sotaRows).toHaveCount(1)
    await expect(board.sotaRows.getByRole('rowheader')).toHaveText('FixEfficientNet-L2')
    await expect(board.table.getByRole('columnheader', { name: 'Top 1 Accuracy' })).toHaveAttribute(
      'aria-sort',
      'descending'
    )
    // The frontier's newest step is named on the chart.
    await expect(board.chart.getByText('FixEfficientNet-L2')).toBeVisible()
  })

  test('switching metric, sorting, log scale and filters', async ({ samplePage }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard(IMAGENET)

    await board.metricSelect.selectOption('Top 5 Accuracy')
    await expect(samplePage).toHaveURL(/\?metric=Top\+5\+Accuracy$/)
    await expect(board.shownCount).toContainText('ranked by Top 5 Accuracy')
    // FixEfficientNet-L2 and NoisyStudent (EfficientNet-L2) tie at 98.7%: both are rank 1.
    await expect(board.sotaRows).toHaveCount(2)

    await board.sortBy('Number of params').click()
    await board.waitUntilDrawn()
    await expect(board.table.getByRole('columnheader', { name: 'Number of params' })).toHaveAttribute(
      'aria-sort',
      'ascending'
    )
    const params = (await board.tableSnapshot()).rows.map((row) => row[4])
    // "4.0" (no unit) is the smallest number the column states.
    expect(params.slice(0, 3)).toEqual(['4.0', '1.8M', '2.4M'])

    // Top 5 Accuracy is stated, with a date, by 151 of the 199 results.
    await expect(board.points).toHaveCount(151)
    await expect(board.unplottedNote).toContainText('48 results are not plotted')
    await expect(board.scale('Log')).toBeEnabled()
    await board.scale('Log').check()
    await expect(board.scale('Log')).toBeChecked()
    await expect(board.points).toHaveCount(151)

    await board.filter('Only with code').check()
    await expect(board.shownCount).toContainText('Showing 192 of 199 results')
    await expect(board.bodyRows).toHaveCount(192)
    await board.filter('No extra training data').check()
    // The 2020 dump never states it: every result is kept, and the page says why.
    await expect(board.shownCount).toContainText('does not say whether 192 of them used extra training data')
    await expect(board.bodyRows).toHaveCount(192)

    await board.fromYear.selectOption('2019')
    await board.waitUntilDrawn()
    const dates = (await board.tableSnapshot()).rows.map((row) => row[7])
    expect(dates.length).toBeGreaterThan(0)
    expect(dates.every((date) => date >= '2019-01-01')).toBe(true)
    // Every row left is dated 2019 or later; those with a Top 5 value are the chart's points.
    const plotted = await board.points.count()
    expect(plotted).toBeGreaterThan(0)
    expect(plotted).toBeLessThanOrEqual(dates.length)
  })

  test('scale and filters live in the URL: a reload, Back and a shared link keep them', async ({
    samplePage
  }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard(IMAGENET)
    await board.metricSelect.selectOption('Top 5 Accuracy')
    await board.scale('Log').check()
    await board.filter('Only with code').check()
    await board.fromYear.selectOption('2016')
    await expect(samplePage).toHaveURL(/\?metric=Top\+5\+Accuracy&scale=log&code=1&from=2016$/)
    const shown = await board.shownCount.textContent()

    await samplePage.reload()
    await board.waitUntilDrawn()
    await expect(board.metricSelect).toHaveValue('Top 5 Accuracy')
    await expect(board.scale('Log')).toBeChecked()
    await expect(board.filter('Only with code')).toBeChecked()
    await expect(board.fromYear).toHaveValue('2016')
    await expect(board.shownCount).toHaveText(shown ?? '')

    // Off to a paper and Back: the view is as it was left.
    await board.bodyRows.first().getByRole('link').first().click()
    await expect(samplePage).toHaveURL(/\/paper\//)
    await samplePage.goBack()
    await board.waitUntilDrawn()
    await expect(board.scale('Log')).toBeChecked()
    await expect(board.fromYear).toHaveValue('2016')

    // Putting a setting back to its default takes it out of the address.
    await board.scale('Linear').check()
    await board.filter('Only with code').uncheck()
    await expect(samplePage).toHaveURL(/\?metric=Top\+5\+Accuracy&from=2016$/)
  })

  test('a result the archive lists twice is flagged in the table and plotted once', async ({
    samplePage
  }) => {
    // Link Prediction on WN18RR lists RotatE's row twice, word for word (rows 9 and 10 of the dump).
    const board = new LeaderboardPage(samplePage)
    await board.openBoard('link-prediction-on-wn18rr', '?metric=MRR')
    await expect(board.bodyRows).toHaveCount(33)
    const rotate = board.bodyRows.filter({ has: samplePage.getByRole('rowheader', { name: /^RotatE/ }) })
    await expect(rotate).toHaveCount(2)
    const flagged = board.table.locator('.badge--repeat')
    await expect(flagged).toHaveCount(1)
    await expect(flagged).toHaveText('duplicate')
    await expect(flagged).toHaveAttribute(
      'title',
      /Listed twice in the archive: same model, paper and metric values/
    )
    await expect(rotate.nth(1).locator('.badge--repeat')).toHaveCount(1)
    // Both rows carry RotatE's rank (the unit tests check the ranks around it).
    const ranks = await rotate.locator('td:first-child').allTextContents()
    expect(ranks[0]).toBe(ranks[1])
    // 32 rows have a date and an MRR; RotatE's is drawn once.
    await expect(board.points).toHaveCount(31)
    await expect(board.chart).toContainText('1 duplicate row not plotted again')
  })

  test('a board with scores of 0 or below offers no log scale, and says why', async ({ samplePage }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard('atari-games-on-atari-2600-pong')
    await expect(board.scale('Log')).toBeDisabled()
    await expect(
      samplePage.getByText(/Log scale needs every plotted value above 0; \d+ values are 0 or below/)
    ).toBeVisible()
  })

  test('hovering a point names its model; clicking it opens the paper', async ({ samplePage }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard(IMAGENET)
    await board.stepPoints.last().hover()
    await expect(board.tooltip).toContainText('FixEfficientNet-L2')
    await expect(board.tooltip).toContainText('88.5%')
    await expect(board.tooltip).toContainText('18 Mar 2020')
    await board.stepPoints.last().click()
    await expect(samplePage).toHaveURL(/\/paper\//)
    await expect(board.heading('Fixing the train-test resolution discrepancy: FixEfficientNet')).toBeVisible()
  })

  test('a direction chosen for a metric is remembered for that leaderboard', async ({ samplePage }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard(IMAGENET)
    await expect(board.directionSelect).toHaveValue('higher-is-better')
    await board.directionSelect.selectOption('lower-is-better')
    await expect(samplePage.getByText('Your choice for this leaderboard')).toBeVisible()
    await expect(board.sotaRows.getByRole('rowheader')).toHaveText('SIFT + FVs')

    await samplePage.reload()
    await board.waitUntilDrawn()
    await expect(board.directionSelect).toHaveValue('lower-is-better')
    await expect(board.sotaRows.getByRole('rowheader')).toHaveText('SIFT + FVs')

    await board.button('Use inferred').click()
    await expect(board.directionSelect).toHaveValue('higher-is-better')
    await expect(board.sotaRows.getByRole('rowheader')).toHaveText('FixEfficientNet-L2')
  })

  test('CSV export holds the rows of the table, in its order, stamped with source and licence', async ({
    samplePage
  }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard(IMAGENET, '?metric=Top+5+Accuracy')
    await board.filter('Only with code').check()
    await board.sortBy('Top 1 Accuracy').click()
    const table = await board.tableSnapshot()
    expect(table.rows).toHaveLength(192)

    const { download, text } = await board.download('Export table as CSV')
    expect(download.suggestedFilename()).toBe('image-classification-on-imagenet.csv')
    const { comments, records } = parseExportCsv(text)
    expect(comments[0]).toBe(`Source: Papers with Code archive, leaderboard ${IMAGENET}`)
    // The date of the evaluation tables the board comes from, not the sample's newer 2022-06 dumps.
    expect(comments[1]).toBe('Archive snapshot: 2020-09')
    expect(comments[2]).toContain('Papers with Code, paperswithcode.com, CC-BY-SA 4.0')
    expect(comments).toContain('Filters: only results with code')
    const [header, ...rows] = records
    expect(header.slice(0, table.headers.length)).toEqual(table.headers)
    expect(rows.map((row) => row.slice(0, table.headers.length).map(unguardCsvCell))).toEqual(table.rows)

    const json = JSON.parse((await board.download('Export table as JSON')).text)
    expect(json.meta).toMatchObject({
      source: `Papers with Code archive, leaderboard ${IMAGENET}`,
      snapshotDate: '2020-09',
      attribution: 'Papers with Code, paperswithcode.com, CC-BY-SA 4.0',
      metric: 'Top 5 Accuracy',
      filters: ['only results with code']
    })
    expect(json.rows.map((row: { model: string }) => row.model)).toEqual(table.rows.map((row) => row[1]))
  })

  test('chart exports: SVG and PNG carry the attribution footer', async ({ samplePage }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard(IMAGENET)
    const svg = await board.download('Export chart as SVG')
    expect(svg.download.suggestedFilename()).toBe('image-classification-on-imagenet_top-1-accuracy.svg')
    expect(svg.text).toContain('<svg')
    expect(svg.text).toContain('Papers with Code, paperswithcode.com, CC-BY-SA 4.0')
    expect(svg.text).toContain(`Source: Papers with Code archive, leaderboard ${IMAGENET}`)
    expect(svg.text).toContain('Archive snapshot: 2020-09')
    expect(svg.text).toContain('Image Classification on ImageNet — Top 1 Accuracy')
    expect(svg.text.match(/<circle[^>]* class="sota-point/g)).toHaveLength(195)
    expect(svg.text).not.toContain('var(--')

    const png = await board.download('Export chart as PNG')
    expect(png.download.suggestedFilename()).toBe('image-classification-on-imagenet_top-1-accuracy.png')
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    // Width at 2× the chart: the image is drawn, not an empty canvas.
    expect(png.bytes.readUInt32BE(16)).toBeGreaterThan(1000)
  })

  test('boards added from their pages overlay their normalized frontiers on /compare', async ({
    samplePage
  }) => {
    const board = new LeaderboardPage(samplePage)
    await board.openBoard(IMAGENET)
    await board.button('+ Add to comparison').click()
    await expect(samplePage.getByText('✓ In comparison')).toBeVisible()
    await board.openBoard('image-classification-on-cifar-10')
    await board.button('+ Add to comparison').click()
    await samplePage.getByRole('link', { name: 'Open comparison (2)' }).click()

    await expect(samplePage).toHaveURL(
      /\/compare\?boards=image-classification-on-imagenet,image-classification-on-cifar-10$/
    )
    await expect(board.heading('Compare leaderboards')).toBeVisible()
    const compared = samplePage.getByRole('list', { name: 'Compared leaderboards' }).getByRole('listitem')
    await expect(compared).toHaveCount(2)
    await expect(compared.first()).toContainText('17 SotA steps: 63.3% (1 Dec 2012) → 88.5% (18 Mar 2020)')
    const overlay = samplePage.getByRole('figure', {
      name: 'Normalized state-of-the-art frontiers over time'
    })
    await expect(overlay.locator('circle.overlay-point')).not.toHaveCount(0)
    await overlay.locator('circle.overlay-point').first().hover()
    await expect(samplePage.getByRole('tooltip')).toContainText('of the way to the best')

    await samplePage.getByRole('button', { name: /Remove Image Classification on CIFAR-10/ }).click()
    await expect(compared).toHaveCount(1)
    await expect(samplePage).toHaveURL(/\/compare\?boards=image-classification-on-imagenet$/)
  })

  test('first draw of a 500-point chart (and of ImageNet, 195 points) is measured', async ({
    samplePage
  }) => {
    const board = new LeaderboardPage(samplePage)
    await board.open('/about')
    await expect(samplePage.locator('html')).toHaveAttribute('data-archive-state', 'idle')
    expect(await addLargeBoardOfRealResults(samplePage, 'sota-chart-budget-500')).toBe(500)

    const report: string[] = []
    let budgetMedian = Infinity
    for (const [slug, expected] of [
      ['sota-chart-budget-500', 500],
      ['image-classification-on-imagenet', 195]
    ] as const) {
      // In-app navigation throughout (a pasted old-site link, then Back), so the app's start-up
      // work is not timed with the chart. The first visit draws with cold code; the others show
      // the steady state.
      const runs: number[] = []
      for (let visit = 0; visit < 6; visit += 1) {
        const before = (await board.drawMeasures()).length
        if (visit === 0) {
          await board.searchBox.fill(`https://paperswithcode.com/sota/${slug}`)
          await board.searchBox.press('Enter')
        } else {
          await samplePage.goBack()
        }
        await board.waitForDrawMeasure(before)
        const last = (await board.drawMeasures()).at(-1)
        expect(last?.points).toBe(expected)
        runs.push(Math.round(last?.duration ?? NaN))
        await samplePage.getByRole('link', { name: 'About' }).click()
        await expect(board.heading('About Papers With Code 2')).toBeVisible()
      }
      const warm = runs.slice(1).sort((a, b) => a - b)
      const median = warm[Math.floor(warm.length / 2)]
      if (expected === 500) budgetMedian = median
      report.push(
        `SotA chart first draw, ${slug} (${expected} points): cold ${runs[0]} ms; warm ${runs.slice(1).join(', ')} ms (median ${median} ms)`
      )
    }
    for (const line of report) {
      console.log(line)
      test.info().annotations.push({ type: 'timing', description: line })
    }
    // Budget: 200 ms for 500 points. The machines running this are shared and loaded, so the
    // assertion is a generous regression guard, not the budget itself; the figures are printed.
    expect(budgetMedian).toBeLessThan(1000)
  })

  test('renders in light and dark themes', async ({ samplePage }) => {
    const board = new LeaderboardPage(samplePage)
    const frontierStrokes: string[] = []
    for (const theme of ['light', 'dark'] as const) {
      await board.open('/about')
      await samplePage.evaluate((value) => localStorage.setItem('pwc.theme', value), theme)
      await board.openBoard(IMAGENET)
      expect(await board.theme()).toBe(theme)
      await expect(board.points).toHaveCount(195)
      frontierStrokes.push(
        (await board.chart.locator('.recharts-line path').first().getAttribute('stroke')) ?? ''
      )
      // Under test-results/: `npm run screenshots` refreshes the README's copies.
      await samplePage.screenshot({ path: test.info().outputPath(`leaderboard-${theme}.png`) })
    }
    // Colours are literal (exports need them) and follow the theme.
    expect(frontierStrokes[0]).toMatch(/^#|^rgb/)
    expect(frontierStrokes[0]).not.toBe(frontierStrokes[1])
  })
})
