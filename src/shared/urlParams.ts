/**
 * A page's view settings (filters, scale) kept in its URL's query string, so a reload, the Back
 * button and a shared link all bring the same view back. A schema names each setting's
 * parameter and how it reads; a setting at its default is left out of the URL, so an untouched
 * page keeps its plain address, and a value that does not parse falls back to the default
 * rather than breaking the page.
 */

export interface ParamField<T> {
  key: string
  defaultValue: T
  /** `null`: the parameter is absent, or says nothing this field understands. */
  parse(text: string): T | null
  format(value: T): string
}

export type ParamSchema<T> = { [K in keyof T]: ParamField<T[K]> }

/** `key=1` when on; anything else is off. */
export function flagParam(key: string): ParamField<boolean> {
  return {
    key,
    defaultValue: false,
    parse: (text) => (text === '1' ? true : null),
    format: () => '1'
  }
}

/** A whole number, `null` (absent) by default. */
export function integerParam(key: string): ParamField<number | null> {
  return {
    key,
    defaultValue: null,
    parse: (text) => (/^-?\d+$/.test(text) ? Number(text) : null),
    format: (value) => String(value)
  }
}

/** Free text, `null` (absent) by default; an empty value is absent. */
export function optionalTextParam(key: string): ParamField<string | null> {
  return { key, defaultValue: null, parse: (text) => text || null, format: (value) => value ?? '' }
}

/** Free text, `''` by default. */
export function textParam(key: string): ParamField<string> {
  return { key, defaultValue: '', parse: (text) => text, format: (value) => value }
}

/** One of a fixed set of words; anything else is the default. */
export function choiceParam<T extends string>(
  key: string,
  choices: readonly T[],
  defaultValue: T
): ParamField<T> {
  return {
    key,
    defaultValue,
    parse: (text) => ((choices as readonly string[]).includes(text) ? (text as T) : null),
    format: (value) => value
  }
}

export function readParams<T>(schema: ParamSchema<T>, params: URLSearchParams): T {
  const values = {} as T
  for (const name of Object.keys(schema) as (keyof T)[]) {
    const field = schema[name]
    const text = params.get(field.key)
    values[name] = (text === null ? null : field.parse(text)) ?? field.defaultValue
  }
  return values
}

/**
 * `params` with `values` written in: defaults removed, other parameters (the page's own, like
 * a leaderboard's `metric`) kept as they were.
 */
export function writeParams<T>(schema: ParamSchema<T>, values: T, params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const name of Object.keys(schema) as (keyof T)[]) {
    const field = schema[name]
    const value = values[name]
    const text = field.format(value)
    if (value === field.defaultValue || text === '') next.delete(field.key)
    else next.set(field.key, text)
  }
  return next
}
