import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { vocabularySchema } from './vocabulary'

/**
 * The schema of a cohort's program file (core/knowledge/cohorts/<year>.json): every fact of one
 * year's plan as the project's own data, each tied to the article (section) it rests on.
 * A later year's program is one more file of this shape; no code changes.
 */

const section = z.string().min(1)
const yearMonth = z.string().regex(/^\d{4}-\d{2}$/)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const audience = z.enum(['student', 'parent', 'teacher', 'school', 'mentor', 'university', 'city', 'office'])
const level = z.enum(['school', 'county', 'city', 'regional', 'national'])

const milestoneSchema = z.object({
  key: z.string().regex(/^[a-z_]+$/),
  title: z.string().min(1),
  due: day,
  month: yearMonth.optional(),
  note: z.string().optional(),
  section,
  audience: z.array(audience).min(1),
})

const factSchema = z.object({
  id: z.string().min(1),
  section,
  title: z.string().min(1),
  /** The fact in the project's own words, ready to be said to a person. */
  answer: z.string().min(1),
  /** Words and phrases a question about this fact tends to contain. */
  keywords: z.array(z.string()).default([]),
  intent: z.string().optional(),
})

export const programSchema = z.object({
  cohort: z.number().int().min(2000).max(2100),
  name: z.string(),
  shortName: z.string(),
  training: z.object({
    start: yearMonth,
    end: yearMonth,
    requiredVisits: z.number().int().positive(),
    section,
    visitsSection: section,
  }),
  bodies: z.object({
    organisers: z.object({ names: z.array(z.string()).min(1), section }),
    undertakers: z.object({ names: z.array(z.string()).min(1), section }),
    office: z.object({
      name: z.string(),
      short: z.string(),
      formedBy: z.array(z.string()),
      runBy: z.string(),
      section,
    }),
  }),
  cities: z.array(z.object({ name: z.string(), quota: z.number().int().positive(), section })).min(1),
  citiesSection: section,
  universities: z.array(z.object({ name: z.string(), aliases: z.array(z.string()), city: z.string() })).min(1),
  universitiesSection: section,
  subjects: z.object({ names: z.array(z.string()).min(1), open: z.boolean(), section }),
  eligibility: z.object({
    grades: z.object({ allowed: z.array(z.string()).min(1), section }),
    cities: z.object({ section }),
    rank: z.object({
      subjectTopPercent: z.number().positive(),
      overallTopPercent: z.number().positive(),
      inclusive: z.boolean(),
      section,
    }),
    qualities: z.object({ section }),
    priority: z.object({
      section,
      stages: z.array(z.enum(['junior', 'senior'])),
      awards: z.array(
        z.object({
          category: z.enum(['science_competition', 'subject_olympiad', 'other']),
          minLevel: level,
          section,
        }),
      ),
      patents: z.object({
        types: z.array(z.enum(['invention', 'utility_model', 'design'])),
        mustBeGranted: z.boolean(),
        section,
      }),
    }),
    levels: z.array(level),
  }),
  milestones: z.array(milestoneSchema).min(1),
  undatedSteps: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      section,
      workingDays: z.number().int().positive().optional(),
    }),
  ),
  evaluation: z.object({
    midterm: z.object({
      by: yearMonth,
      section,
      failing: z.string(),
      /** What the mid-term rests on (a report, the mentor team's judgement); none named when absent. */
      materials: z.array(z.string()).default([]),
    }),
    annual: z.object({ by: yearMonth, section, materials: z.array(z.string()).min(1) }),
  }),
  contacts: z
    .array(
      z.object({
        key: z.string(),
        city: z.string().optional(),
        organisation: z.string(),
        person: z.string(),
        phone: z.string(),
        section,
      }),
    )
    .min(1),
  facts: z.array(factSchema).default([]),
  /** How people name this plan's steps, parties, titles and open topics (cohorts/<year>.vocabulary.json). */
  vocabulary: vocabularySchema,
})

export type Program = z.infer<typeof programSchema>
export type ProgramMilestone = z.infer<typeof milestoneSchema>
export type ProgramFact = z.infer<typeof factSchema>

const COHORTS_DIR = join(__dirname, 'cohorts')

/**
 * Reads and validates one program file and its vocabulary beside it (`<year>.json` and
 * `<year>.vocabulary.json`). Throws with the file name and the first problem when they do not fit.
 */
export function readProgramFile(file: string): Program {
  const raw = JSON.parse(readFileSync(file, 'utf8'))
  const vocabularyFile = file.replace(/\.json$/, '.vocabulary.json')
  if (raw.vocabulary === undefined && existsSync(vocabularyFile))
    raw.vocabulary = JSON.parse(readFileSync(vocabularyFile, 'utf8'))
  const parsed = programSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`${file}: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return parsed.data
}

let cache: Map<number, Program> | undefined

/** Every built-in program (one file per cohort year), by cohort year. Read once. */
/** The year of a month in the cohort's training: a month before the training's first is in the year after. */
export function cohortYearOf(program: Program, month: number): number {
  const start = program.training.start
  return Number(start.slice(0, 4)) + (month < Number(start.slice(5, 7)) ? 1 : 0)
}

export function builtInPrograms(): Map<number, Program> {
  if (cache) return cache
  cache = new Map()
  for (const name of readdirSync(COHORTS_DIR).sort()) {
    if (!/^\d{4}\.json$/.test(name)) continue
    const program = readProgramFile(join(COHORTS_DIR, name))
    cache.set(program.cohort, program)
  }
  return cache
}

/** The built-in program of a cohort year, or of the latest year when none is given. */
export function builtInProgram(cohort?: number): Program | undefined {
  const all = builtInPrograms()
  if (cohort !== undefined) return all.get(cohort)
  return [...all.values()].sort((a, b) => b.cohort - a.cohort)[0]
}

/** The phone of the management office, the fallback for every question the plan does not answer. */
export function officeContact(program: Program) {
  const office = program.contacts.find((c) => c.key === 'office')
  if (!office) throw new Error(`program ${program.cohort} names no office contact`)
  return office
}
