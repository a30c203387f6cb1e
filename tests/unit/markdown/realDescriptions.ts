import { REAL_FILES, realRecords } from '../archive/archiveFixtures'

/** Descriptions of the real 2022 methods and datasets dumps, the text the bounds must not change. */
export interface RealDescribed {
  url: string
  description: string | null
}

export const realMethods = realRecords<RealDescribed>(REAL_FILES.methods)
export const realDatasets = realRecords<RealDescribed>(REAL_FILES.datasets)

export function realDescription(url: string): string {
  const description = [...realMethods, ...realDatasets].find((record) => record.url === url)?.description
  if (!description) throw new Error(`No real description at ${url}`)
  return description
}

/** Every `$…$` and `$$…$$` expression of the real descriptions, as markdown-it would find it. */
export function realTexExpressions(): string[] {
  return [...realMethods, ...realDatasets].flatMap((record) =>
    [...(record.description ?? '').matchAll(/\$\$([\s\S]*?)\$\$|\$([^$]+)\$/g)].map((match) =>
      (match[1] ?? match[2]).replace(/\\_/g, '_')
    )
  )
}
