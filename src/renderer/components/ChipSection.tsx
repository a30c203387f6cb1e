import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'

/** A titled list of links shown as chips (a task's subtasks, a paper's methods); nothing when empty. */
export function ChipSection({
  id,
  title,
  items
}: {
  id: string
  title: string
  items: { key: string; to: string; label: string }[]
}): ReactNode {
  if (items.length === 0) return null
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="chip-list">
        {items.map((item) => (
          <li key={item.key}>
            <Link className="chip" to={item.to}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
