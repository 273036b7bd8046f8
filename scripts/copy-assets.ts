/**
 * After `tsc` has compiled to dist/, copies the files the service reads at run time rather than
 * imports (the cohort program files and the prompt templates), so `node dist/main.js` runs.
 */
import { cpSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..')
const assets: Array<{ dir: string; pattern: RegExp }> = [
  { dir: 'core/knowledge/cohorts', pattern: /\.json$/ },
  { dir: 'core/rules/data', pattern: /\.json$/ },
  { dir: 'prompts', pattern: /\.md$/ },
]
let copied = 0
for (const { dir, pattern } of assets) {
  for (const name of readdirSync(join(root, dir)).filter((n) => pattern.test(n))) {
    cpSync(join(root, dir, name), join(root, 'dist', dir, name))
    copied++
  }
}
console.log(`copied ${copied} asset files into dist/`)
