import { milestoneStatus } from '../rules/deadlines'
import { beijingDate, daysBetween } from '../time'
import { type MessageSource, messageJob } from './message-job'
import { audienceQuery, recipientRole } from './recipients'

/** Days before a milestone on which its audience is reminded (and on the day itself). */
export const REMINDER_DAYS = [7, 3, 1, 0]

/**
 * Deadline reminders: 7, 3 and 1 days before each dated step of the plan and on the day, to the
 * step's audience (schools' teachers, city staff, students, parents, mentors, office). The
 * evaluations' reminders carry the checklist of materials (六（二）). A month-only step counts
 * from its month's last day and is spoken of as its month. One query per step: every person of
 * its audience once, in the role of the first audience word that names them (school and
 * teacher are one).
 */
export const deadlineRemindersJob = messageJob({
  name: 'deadline-reminders',
  // Every day at 09:00 Beijing time.
  cron: '0 9 * * *',
  async messages(_deps, at, { program, cohortId }) {
    const today = beijingDate(at)
    const sources: MessageSource[] = []
    for (const milestone of program.milestones) {
      const left = daysBetween(today, milestone.due)
      if (!REMINDER_DAYS.includes(left)) continue
      const status = milestoneStatus(milestone, at)
      const materials =
        milestone.key === 'annual_evaluation' ? `需准备的材料：${program.evaluation.annual.materials.join('、')}。` : ''
      const text = `【八桂英才计划提醒】${milestone.title}：${status.text}（方案${milestone.section}）。${materials}`
      const branches: string[] = []
      const roles: string[] = []
      const parameters: unknown[] = [`${milestone.key}:d${left}`, today, text]
      for (const audience of milestone.audience) {
        const role = recipientRole(audience)
        const people = audienceQuery(audience, cohortId)
        if (!role || !people) continue
        branches.push(`SELECT p.personId, ${branches.length} AS pos FROM (${people.sql}) p`)
        roles.push(role)
        parameters.push(...people.parameters)
      }
      if (branches.length === 0) continue
      // Grouped first, the step's words added after: what the database sorts is two numbers a person.
      sources.push({
        sql: `SELECT u.personId, CASE u.pos ${roles.map((r, i) => `WHEN ${i} THEN '${r}'`).join(' ')} END AS role,
            ? AS subject, ? AS day, ? AS text
          FROM (SELECT v.personId, MIN(v.pos) AS pos FROM (${branches.join(' UNION ALL ')}) v GROUP BY v.personId) u`,
        parameters,
        texts: [text],
      })
    }
    return sources
  },
})
