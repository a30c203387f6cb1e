/**
 * `npm run archive -- <command> …`: archive tools that run in plain Node.
 *
 *   inspect <dump file…>   parse and normalize dumps without a database; print a JSON report
 *   frontier …             print a leaderboard's state-of-the-art frontier
 */
import { runFrontier } from '../src/main/cli/frontierCommand'
import { runInspect } from '../src/main/cli/inspectCommand'

type Command = (args: string[], out: (line: string) => void, err: (line: string) => void) => Promise<number>

const COMMANDS: Record<string, Command> = {
  inspect: runInspect,
  frontier: runFrontier
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv
  const run = command === undefined ? undefined : COMMANDS[command]
  if (!run) {
    console.error(`usage: npm run archive -- <${Object.keys(COMMANDS).join('|')}> …`)
    return 2
  }
  return run(
    args,
    (line) => console.log(line),
    (line) => console.error(line)
  )
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error)
    process.exitCode = 1
  }
)
