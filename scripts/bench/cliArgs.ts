/** The benchmarks' command-line flags: `--name value` pairs. */

/** The value after `--name` in `argv`, if any. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`)
  return index >= 0 ? argv[index + 1] : undefined
}

/** `--scale`, a share of the full archive in (0, 1]; 0.1 when absent. */
export function scaleArg(argv: readonly string[]): number {
  const scale = Number(argValue(argv, 'scale') ?? '0.1')
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]')
  return scale
}
