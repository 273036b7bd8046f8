import type { DataSource, EntityManager } from 'typeorm'
import { City } from '../../entities/city.entity'
import { Cohort } from '../../entities/cohort.entity'
import { CohortCity } from '../../entities/cohort-city.entity'
import { Contact } from '../../entities/contact.entity'
import { District } from '../../entities/district.entity'
import { Milestone } from '../../entities/milestone.entity'
import { Subject } from '../../entities/subject.entity'
import { University } from '../../entities/university.entity'
import { builtInPrograms, type Program } from '../knowledge/program'
import { guangxiRegions } from '../rules/regions'

/**
 * Writes a cohort's program into the tables: the cohort, every Guangxi city and county-level
 * division (shared by all cohorts, added when missing), the cohort's cities with their quotas
 * (四（二）1), universities, subjects, milestones in program order and contacts. One
 * transaction; a cohort year already in the database is left as it is (`loaded: false`),
 * also when another instance loads it at the same moment. Throws on any other database error.
 */
export async function loadProgram(ds: DataSource, program: Program): Promise<{ loaded: boolean }> {
  try {
    return await ds.transaction(async (m) => {
      if (await m.existsBy(Cohort, { year: program.cohort })) return { loaded: false }
      await writeProgram(m, program)
      return { loaded: true }
    })
  } catch (error) {
    // Two instances starting together: the unique cohort year stops the second; that is success.
    if (await ds.getRepository(Cohort).existsBy({ year: program.cohort })) return { loaded: false }
    throw error
  }
}

/** Loads every built-in program (core/knowledge/cohorts/*.json) whose cohort is not in the database yet; returns the years it loaded. */
export async function ensureBuiltInPrograms(ds: DataSource): Promise<number[]> {
  const loaded: number[] = []
  for (const program of builtInPrograms().values()) {
    if ((await loadProgram(ds, program)).loaded) loaded.push(program.cohort)
  }
  return loaded
}

async function writeProgram(m: EntityManager, program: Program): Promise<void> {
  const cityIds = await ensureCities(m)
  const cityId = (name: string): number => {
    const id = cityIds.get(name)
    if (id === undefined) throw new Error(`program ${program.cohort} names ${name}, which is not a Guangxi city`)
    return id
  }

  const cohort = await m.save(
    m.create(Cohort, {
      year: program.cohort,
      name: program.name,
      trainingStart: program.training.start,
      trainingEnd: program.training.end,
      requiredVisits: program.training.requiredVisits,
    }),
  )

  await m.insert(
    CohortCity,
    program.cities.map((c) => ({ cohortId: cohort.id, cityId: cityId(c.name), quota: c.quota })),
  )

  const knownUniversities = new Set((await m.find(University)).map((u) => u.name))
  const newUniversities = program.universities.filter((u) => !knownUniversities.has(u.name))
  if (newUniversities.length > 0) {
    await m.insert(
      University,
      newUniversities.map((u) => ({ name: u.name, aliases: u.aliases, cityId: cityIds.get(u.city) ?? null })),
    )
  }

  const knownSubjects = new Set((await m.find(Subject)).map((s) => s.name))
  const newSubjects = program.subjects.names.filter((name) => !knownSubjects.has(name))
  if (newSubjects.length > 0)
    await m.insert(
      Subject,
      newSubjects.map((name) => ({ name })),
    )

  await m.insert(
    Milestone,
    program.milestones.map((ms, position) => ({
      cohortId: cohort.id,
      key: ms.key,
      title: ms.title,
      due: ms.due,
      month: ms.month ?? null,
      note: ms.note ?? null,
      section: ms.section,
      audience: ms.audience,
      position,
    })),
  )

  await m.insert(
    Contact,
    program.contacts.map((c) => ({
      cohortId: cohort.id,
      key: c.key,
      cityId: c.city ? cityId(c.city) : null,
      organisation: c.organisation,
      person: c.person,
      phone: c.phone,
      section: c.section,
    })),
  )
}

/** Adds the Guangxi cities and divisions not yet stored; returns every city's id by name. */
async function ensureCities(m: EntityManager): Promise<Map<string, number>> {
  const known = new Set((await m.find(City)).map((c) => c.name))
  const missing = guangxiRegions().filter((c) => !known.has(c.name))
  if (missing.length > 0) {
    await m.insert(
      City,
      missing.map((c) => ({ name: c.name, short: c.short, aliases: c.aliases ?? [], inGuangxi: true })),
    )
  }
  const ids = new Map((await m.find(City)).map((c) => [c.name, c.id]))

  const knownDistricts = new Set((await m.find(District)).map((d) => `${d.cityId}/${d.name}`))
  const newDistricts = guangxiRegions().flatMap((c) => {
    const id = ids.get(c.name) as number
    return c.divisions
      .filter((d) => !knownDistricts.has(`${id}/${d.name}`))
      .map((d) => ({ cityId: id, name: d.name, formerNames: d.formerly ?? [], aliases: d.aliases ?? [] }))
  })
  if (newDistricts.length > 0) await m.insert(District, newDistricts)
  return ids
}
