import type { ProgramMilestone } from '../knowledge/program'
import { milestoneStatus } from '../rules/deadlines'
import { beijingDate, daysBetween } from '../time'
import { type MessageSource, messageJob } from './message-job'
import type { RecipientRole } from './messages'
import { audienceQuery, recipientRole } from './recipients'
import { dialectOf } from './sql'

/** Days before a milestone on which its audience is reminded (and on the day itself). */
export const REMINDER_DAYS = [7, 3, 1, 0]

/** The role a person reminded of several steps is addressed in: the first of theirs in this order. */
const ROLE_ORDER: RecipientRole[] = ['student', 'parent', 'teacher', 'mentor', 'staff']

/** How many steps one message may carry; a day with more (no plan has one) sends them in several. */
const STEPS_PER_MESSAGE = 5

/** The day's subject of a message of the steps in `batch` (the first batch: `due`). */
const subjectOf = (batch: number) => (batch === 0 ? 'due' : `due:${batch + 1}`)

/**
 * Deadline reminders: 7, 3 and 1 days before each dated step of the plan and on the day, to the
 * step's audience (schools' teachers, city staff, students, parents, mentors, office). The
 * evaluations' reminders carry the checklist of materials (六（二）). A month-only step counts
 * from its month's last day and is spoken of as its month. Each person hears once a day, in one
 * message, of every step due for them that day (a teacher is not reminded twice at 09:00 of two
 * steps that end together): one query for the day, every person once, their steps as a set of
 * bits, each set's text composed in advance.
 */
export const deadlineRemindersJob = messageJob({
  name: 'deadline-reminders',
  // Every day at 09:00 Beijing time.
  cron: '0 9 * * *',
  async messages({ dataSource }, at, { program, cohortId }) {
    const d = dialectOf(dataSource)
    const today = beijingDate(at)
    const due = program.milestones.filter((m) => REMINDER_DAYS.includes(daysBetween(today, m.due)))
    const sources: MessageSource[] = []
    for (let i = 0; i < due.length; i += STEPS_PER_MESSAGE) {
      const steps = due.slice(i, i + STEPS_PER_MESSAGE)
      const branches: string[] = []
      const parameters: unknown[] = [subjectOf(i / STEPS_PER_MESSAGE), today]
      steps.forEach((milestone, bit) => {
        for (const audience of milestone.audience) {
          const role = recipientRole(audience)
          const people = audienceQuery(audience, cohortId)
          if (!role || !people) continue
          branches.push(
            `SELECT p.personId, ${ROLE_ORDER.indexOf(role)} AS pos, ${1 << bit} AS bit FROM (${people.sql}) p`,
          )
          parameters.push(...people.parameters)
        }
      })
      if (branches.length === 0) continue
      // Every set of the steps a person may be reminded of, as the text of that set.
      const texts = new Map<number, string>()
      for (let set = 1; set < 1 << steps.length; set++)
        texts.set(
          set,
          reminderText(
            program.evaluation.annual.materials,
            steps.filter((_, bit) => set & (1 << bit)),
            at,
          ),
        )
      // Grouped first, the words added after: what the database groups is three numbers a row.
      sources.push({
        sql: `SELECT u.personId, CASE u.pos ${ROLE_ORDER.map((r, i) => `WHEN ${i} THEN '${r}'`).join(' ')} END AS role,
            ? AS subject, ? AS day,
            CASE u.steps ${[...texts].map(([set, text]) => `WHEN ${set} THEN ${d.literal(text)}`).join(' ')} END AS text
          FROM (SELECT v.personId, MIN(v.pos) AS pos, SUM(DISTINCT v.bit) AS steps
            FROM (${branches.join(' UNION ALL ')}) v GROUP BY v.personId) u`,
        parameters,
        texts: [...texts.values()],
      })
    }
    return sources
  },
})

/** One reminder of some steps: each step's title, when it is due, its article; the annual evaluation's materials. */
function reminderText(materials: string[], steps: ProgramMilestone[], at: Date): string {
  const lines = steps.map((milestone) => {
    const list = milestone.key === 'annual_evaluation' ? `需准备的材料：${materials.join('、')}。` : ''
    return `${milestone.title}：${milestoneStatus(milestone, at).text}（方案${milestone.section}）。${list}`
  })
  return `【八桂英才计划提醒】${lines.join('\n')}`
}
