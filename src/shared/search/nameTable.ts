/** Names numbered in the order they are first seen: a segment's tables of venues, tasks, frameworks… */
export class NameTable {
  private readonly ids = new Map<string, number>()

  constructor(readonly names: string[] = []) {
    names.forEach((name, id) => this.ids.set(name, id))
  }

  idOf(name: string): number {
    let id = this.ids.get(name)
    if (id === undefined) {
      id = this.names.length
      this.ids.set(name, id)
      this.names.push(name)
    }
    return id
  }
}
