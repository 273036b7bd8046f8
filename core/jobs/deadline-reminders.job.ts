import { milestoneStatus } from '../rules/deadlines'
import { beijingDate, daysBetween } from '../time'
import { messageJob } from './message-job'
import type { PlannedMessage } from './messages'
import { peopleFor, recipientRole } from './recipients'

/** Days before a milestone on which its audience is reminded (and on the day itself). */
export const REMINDER_DAYS = [7, 3, 1, 0]

/**
 * Deadline reminders: 7, 3 and 1 days before each dated step of the plan and on the day, to the
 * step's audience (schools' teachers, city staff, students, parents, mentors, office). The
 * evaluations' reminders carry the checklist of materials (六（二）). A month-only step counts
 * from its month's last day and is spoken of as its month.
 */
export const deadlineRemindersJob = messageJob({
  name: 'deadline-reminders',
  // Every day at 09:00 Beijing time.
  cron: '0 9 * * *',
  async plan({ dataSource }, at, { program, cohortId }) {
    const today = beijingDate(at)
    const planned: PlannedMessage[] = []
    for (const milestone of program.milestones) {
      const left = daysBetween(today, milestone.due)
      if (!REMINDER_DAYS.includes(left)) continue
      const status = milestoneStatus(milestone, at)
      const materials =
        milestone.key === 'annual_evaluation' ? `需准备的材料：${program.evaluation.annual.materials.join('、')}。` : ''
      const text = `【八桂英才计划提醒】${milestone.title}：${status.text}（方案${milestone.section}）。${materials}`
      const seen = new Set<string>()
      for (const audience of milestone.audience) {
        const role = recipientRole(audience)
        if (!role) continue
        for (const personId of await peopleFor(dataSource, cohortId, audience)) {
          if (seen.has(`${personId}:${role}`)) continue
          seen.add(`${personId}:${role}`)
          planned.push({
            job: 'deadline-reminders',
            personId,
            role,
            subject: `${milestone.key}:d${left}`,
            day: today,
            text,
          })
        }
      }
    }
    return planned
  },
})
