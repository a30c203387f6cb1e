import type { ReactNode } from 'react'

/** The text filter above a catalog, with the count of what it shows. */
export function CatalogFilter({
  label,
  value,
  onChange,
  shown,
  total
}: {
  label: string
  value: string
  onChange: (value: string) => void
  shown: number
  total: number
}): ReactNode {
  return (
    <div className="catalog-filter">
      <input
        type="search"
        aria-label={label}
        placeholder={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <span className="muted" role="status">
        {shown.toLocaleString('en')} of {total.toLocaleString('en')}
      </span>
    </div>
  )
}

export function matchesText(query: string, ...fields: (string | null | undefined)[]): boolean {
  const q = query.trim().toLowerCase()
  return q === '' || fields.some((f) => f?.toLowerCase().includes(q))
}
