import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EligibilityInput } from '../../core/rules/eligibility'

/** The acceptance checks' folder, beside the project (as CI lays it out). */
export const SHARED_EVAL = join(__dirname, '../../../shared/eval')

/** The lines of a JSON-lines file, parsed. */
export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)
}

/** One line of eligibility-dev.jsonl. */
export interface EligibilityDevCase {
  id: string
  question: string
  profile: EligibilityInput
  expect: { verdict: string; priority: boolean }
}

/** The path of one of the shared dev sets, and whether this checkout has it (a clone without ../shared skips those cases). */
export function devSetFile(name: 'qa-dev.jsonl' | 'eligibility-dev.jsonl'): { file: string; present: boolean } {
  const file = join(SHARED_EVAL, name)
  return { file, present: existsSync(file) }
}

/** The dev eligibility cases, or none where the shared folder is absent. */
export function eligibilityDevCases(): EligibilityDevCase[] {
  const { file, present } = devSetFile('eligibility-dev.jsonl')
  return present ? readJsonl<EligibilityDevCase>(file) : []
}
