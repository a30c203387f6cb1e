import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { routes } from '../../shared/routes'
import { PageHeader } from '../components/Page'

const SECTIONS = [
  { to: routes.papers(), title: 'Papers', text: 'Every paper with its code, tasks, methods and results.' },
  {
    to: routes.sotaHome(),
    title: 'Tasks / SotA',
    text: 'Benchmarks by area, with state-of-the-art charts over time.'
  },
  {
    to: routes.datasets(),
    title: 'Datasets',
    text: 'The datasets papers evaluate on, with their leaderboards.'
  },
  {
    to: routes.methods(),
    title: 'Methods',
    text: 'Building blocks of models, with their formulas and papers.'
  },
  {
    to: routes.lists(),
    title: 'Reading lists',
    text: 'Your own library: lists, notes and tags that stay yours.'
  }
]

export function HomePage(): ReactNode {
  return (
    <div>
      <PageHeader title="Papers With Code 2" kicker="The archive, offline">
        A community resource for machine learning research — papers, code, benchmarks and state-of-the-art
        results — kept on your machine.
      </PageHeader>
      <ul className="card-grid">
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <Link to={section.to} className="card card--link">
              <h2>{section.title}</h2>
              <p>{section.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
