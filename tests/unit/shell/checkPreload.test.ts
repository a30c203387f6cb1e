import { describe, expect, it } from 'vitest'
import { preloadProblems } from '../../../scripts/checkPreload'

describe('preload bundle check', () => {
  it('accepts a CommonJS bundle that requires only electron', () => {
    expect(
      preloadProblems(
        'let electron = require("electron");\nelectron.contextBridge.exposeInMainWorld("pwc", {})'
      )
    ).toEqual([])
  })

  it.each([
    ['an ES module', 'import { contextBridge } from "electron"\n', /ES module/],
    ['an npm import', 'const e = require("electron"); const d = require("dexie")', /requires "dexie"/],
    [
      'a split chunk',
      'const e = require("electron"); require("./chunk-abc.js")',
      /requires "\.\/chunk-abc\.js"/
    ],
    ['a dynamic require', 'const e = require("electron"); require(name)', /dynamic require/]
  ])('refuses %s', (_name, source, problem) => {
    expect(preloadProblems(source).join('; ')).toMatch(problem)
  })
})
