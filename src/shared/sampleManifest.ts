/**
 * `resources/sample/manifest.json`: the real archive slice shipped with the app. Both hosts
 * read it, so the list of sample files is declared once.
 */
export interface SampleManifest {
  /** Where the sample's records came from, and their licence. */
  attribution: string
  files: { name: string; size: number; source: string }[]
}

export const SAMPLE_MANIFEST_PATH = '/resources/sample/manifest.json'

export function parseSampleManifest(value: unknown): SampleManifest {
  const manifest = value as SampleManifest
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    typeof manifest.attribution !== 'string' ||
    !Array.isArray(manifest.files) ||
    !manifest.files.every((f) => typeof f?.name === 'string' && typeof f.size === 'number')
  ) {
    throw new Error('resources/sample/manifest.json is malformed')
  }
  return manifest
}
