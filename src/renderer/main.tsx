import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router-dom'
import { App } from './app/App'
import { applyStoredTheme } from './app/theme'
import { startSearchWorker } from './search/searchClient'
import './styles/app.css'

applyStoredTheme()
startSearchWorker()
const container = document.getElementById('root')
if (!container) throw new Error('index.html lacks #root')
createRoot(container).render(
  <StrictMode>
    {/* Filters and chart settings live in the URL (`useUrlState`) and drive controlled inputs: a
        router update deferred in a transition would reset a checkbox or a text field between
        keystrokes. Only the chart pages suspend, on a visit before their code is fetched, and
        they show their own fallback (chartPages.tsx); transitions bought nothing. */}
    <BrowserRouter useTransitions={false}>
      <App />
    </BrowserRouter>
  </StrictMode>
)
