import type { CommandNode, IvrModel } from '../../model/ivr.ts'

/**
 * The department ids the IVR's `transfer` commands name, each once, in the order they first
 * appear, nested commands included. These are the departments whose state a test call asks for.
 */
export function departmentsOf(model: IvrModel): string[] {
  const found = new Set<string>()
  const walk = (commands: readonly CommandNode[]) => {
    for (const command of commands) {
      if (command.kind === 'transfer') {
        const id = command.to?.value
        if (id) found.add(id)
        for (const branch of command.branches) walk(branch.commands)
      } else if (command.kind === 'choice') {
        for (const option of command.options) if (option.do) walk(option.do)
      }
    }
  }
  for (const section of model.sections) walk(section.commands)
  return [...found]
}

/** The same list as before when the ids did not change, so views can skip a render. */
export function sameDepartments(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}
