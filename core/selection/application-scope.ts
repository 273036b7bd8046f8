import { Brackets, type WhereExpressionBuilder } from 'typeorm'
import { type Actor, scopeIds } from '../actor'

/**
 * Whose applications a person may read — the one rule every read of an application goes through:
 *
 * | role        | may read                                                          |
 * | ----------- | ----------------------------------------------------------------- |
 * | teacher     | the applications of the school the role is for (九（二）1)          |
 * | city_staff  | the applications of the city the role is for (九（二）2（1）, 3)     |
 * | mentor      | the candidates and those selected (九（二）3), and any they chose   |
 * | student     | their own application                                             |
 * | office      | every application                                                 |
 *
 * Parents read none: an applicant's guardianship is recorded only once they are selected.
 */
export function whereApplicationVisible(qb: WhereExpressionBuilder, actor: Actor, alias = 'a'): void {
  if (actor.roles.some((r) => r.role === 'office')) return
  const me = actor.personId ?? -1
  const schools = scopeIds(actor, 'teacher', 'schoolId')
  const cities = scopeIds(actor, 'city_staff', 'cityId')
  qb.andWhere(
    new Brackets((or) => {
      or.where(`${alias}.personId = :avMe`, { avMe: me })
      if (schools.length > 0) or.orWhere(`${alias}.schoolId IN (:...avSchools)`, { avSchools: schools })
      if (cities.length > 0) or.orWhere(`${alias}.cityId IN (:...avCities)`, { avCities: cities })
      if (actor.roles.some((r) => r.role === 'mentor')) {
        or.orWhere(`${alias}.status IN ('candidate', 'selected', 'announced')`)
        or.orWhere(`${alias}.mentorId IN (SELECT avm.id FROM mentor avm WHERE avm.personId = :avMe)`)
      }
    }),
  )
}
