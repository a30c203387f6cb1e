/**
 * SQLite FTS5 (through better-sqlite3) as a search peer: an on-disk database in the benchmark's
 * temp dir, papers inserted in one transaction, `bm25()` with our field boosts, a page of
 * `LIMIT 20` and a `count(*)` of all matches, as our results page shows.
 */
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import type { ParsedQuery } from '../../src/shared/search/queryParser'
import type { SearchablePaper } from '../../src/shared/search/searchDocuments'
import { FTS5_BM25_WEIGHTS, FTS5_COLUMNS, toFts5Query } from './fts5Query'
import {
  directoryBytes,
  installedVersion,
  type PeerAnswer,
  type PeerApproximation,
  type PeerFootprint,
  type PeerModule,
  type SearchPeer
} from './searchPeer'

const require = createRequire(import.meta.url)

/**
 * Prefix indexes for 2- and 3-letter prefixes, where a prefix has the most completions;
 * longer ones are read from the main index's sorted terms.
 */
const PREFIX_INDEXES = '2 3'

function loadDriver(): typeof BetterSqlite3 {
  return require('better-sqlite3') as typeof BetterSqlite3
}

type Statement = BetterSqlite3.Statement<unknown[], unknown>

class Fts5Peer implements SearchPeer {
  readonly name = 'SQLite FTS5'
  readonly configuration: string
  private db: BetterSqlite3.Database
  private readonly file: string
  private readonly insertText: Statement
  private readonly insertMeta: Statement
  private readonly statements = new Map<string, Statement>()
  private readonly seen = new Set<PeerApproximation>()
  private rowid = 0

  constructor(private readonly dir: string) {
    const Database = loadDriver()
    mkdirSync(dir, { recursive: true })
    this.file = join(dir, 'papers.sqlite')
    this.db = new Database(this.file)
    const version = (this.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
    this.configuration = `better-sqlite3 ${installedVersion('better-sqlite3')}, SQLite ${version}, fts5(${FTS5_COLUMNS.join(', ')}), tokenize 'unicode61 remove_diacritics 2', prefix '${PREFIX_INDEXES}', bm25 weights ${FTS5_BM25_WEIGHTS.join('/')}`
    // A bulk load into a fresh file: nothing to protect from a crash until it is complete.
    this.db.pragma('journal_mode = OFF')
    this.db.pragma('synchronous = OFF')
    this.db.exec(`
      CREATE VIRTUAL TABLE paper_text USING fts5(
        ${FTS5_COLUMNS.join(', ')},
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '${PREFIX_INDEXES}'
      );
      CREATE TABLE paper_meta (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        year INTEGER NOT NULL,
        date TEXT,
        has_code INTEGER NOT NULL,
        official_code INTEGER NOT NULL
      );
    `)
    this.insertText = this.db.prepare(
      `INSERT INTO paper_text (rowid, ${FTS5_COLUMNS.join(', ')}) VALUES (?, ${FTS5_COLUMNS.map(() => '?').join(', ')})`
    )
    this.insertMeta = this.db.prepare('INSERT INTO paper_meta VALUES (?, ?, ?, ?, ?, ?)')
    this.db.exec('BEGIN')
  }

  add(paper: SearchablePaper): void {
    this.rowid += 1
    // Model names share the abstract's weight, as in our index.
    const abstract = paper.models?.length ? `${paper.abstract} ${paper.models.join(' ; ')}` : paper.abstract
    this.insertText.run(
      this.rowid,
      paper.title,
      paper.authors.join(' ; '),
      paper.tasks.join(' ; '),
      paper.venue ?? '',
      abstract,
      (paper.datasets ?? []).join(' ; '),
      (paper.methods ?? []).join(' ; '),
      paper.frameworks.join(' ; ')
    )
    this.insertMeta.run(
      this.rowid,
      paper.id,
      paper.year ?? 0,
      paper.date,
      paper.hasCode ? 1 : 0,
      paper.hasOfficialCode ? 1 : 0
    )
  }

  finishBuild(): void {
    this.db.exec('COMMIT')
    // Merges the segments a bulk insert leaves behind: what a real app does after an import.
    this.db.exec("INSERT INTO paper_text (paper_text) VALUES ('optimize')")
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql)
    if (statement === undefined) {
      statement = this.db.prepare(sql)
      this.statements.set(sql, statement)
    }
    return statement
  }

  search(query: ParsedQuery, limit: number): PeerAnswer {
    const translated = toFts5Query(query)
    translated.approximations.forEach((approximation) => this.seen.add(approximation))
    if (translated.unsupported !== null) return { ids: [], total: 0 }
    const where = translated.conditions.map((condition) => ` AND ${condition}`).join('')
    if (translated.match === null) {
      const from = `FROM paper_meta m WHERE 1${where}`
      const page = this.statement(`SELECT m.id ${from} ORDER BY m.date DESC LIMIT ?`)
      const count = this.statement(`SELECT count(*) AS n ${from}`)
      const ids = (page.all(...translated.params, limit) as { id: string }[]).map((row) => row.id)
      return { ids, total: (count.get(...translated.params) as { n: number }).n }
    }
    const from = `FROM paper_text JOIN paper_meta m ON m.rowid = paper_text.rowid WHERE paper_text MATCH ?${where}`
    const page = this.statement(
      `SELECT m.id ${from} ORDER BY bm25(paper_text, ${FTS5_BM25_WEIGHTS.join(', ')}), m.date DESC LIMIT ?`
    )
    const count = this.statement(`SELECT count(*) AS n ${from}`)
    const params = [translated.match, ...translated.params]
    const ids = (page.all(...params, limit) as { id: string }[]).map((row) => row.id)
    return { ids, total: (count.get(...params) as { n: number }).n }
  }

  approximations(): ReadonlySet<PeerApproximation> {
    return this.seen
  }

  /** Closes and reopens the file: its size is final, and searching then starts from disk as an app would. */
  footprint(): PeerFootprint {
    this.statements.clear()
    this.db.close()
    const bytes = directoryBytes(this.dir)
    this.db = new (loadDriver())(this.file, { readonly: true })
    return { kind: 'on disk', bytes, writeMs: 0 }
  }

  close(): void {
    this.db.close()
  }
}

export const fts5PeerModule: PeerModule = {
  unavailableReason() {
    try {
      const Database = loadDriver()
      const probe = new Database(':memory:')
      probe.exec('CREATE VIRTUAL TABLE probe USING fts5(text)')
      probe.close()
      return null
    } catch (error) {
      return `better-sqlite3 could not be loaded (${String(error).split('\n')[0]}); its native addon is built by its install script, which npm runs only when package.json's allowScripts approves it`
    }
  },
  createPeer: (dir) => new Fts5Peer(dir)
}
