import { milestoneStatus } from '../rules/deadlines'
import { beijingDate, daysBetween } from '../time'
import { emitInBatches, messageJob } from './message-job'
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
  async plan({ dataSource }, at, { program, cohortId }, emit) {
    const today = beijingDate(at)
    for (const milestone of program.milestones) {
      const left = daysBetween(today, milestone.due)
      if (!REMINDER_DAYS.includes(left)) continue
      const status = milestoneStatus(milestone, at)
      const materials =
        milestone.key === 'annual_evaluation' ? `需准备的材料：${program.evaluation.annual.materials.join('、')}。` : ''
      const text = `【八桂英才计划提醒】${milestone.title}：${status.text}（方案${milestone.section}）。${materials}`
      // One reminder per person and step, whatever the number of their roles in its audience (school and teacher are one).
      const seen = new Set<number>()
      const subject = `${milestone.key}:d${left}`
      for (const audience of milestone.audience) {
        const role = recipientRole(audience)
        if (!role) continue
        const people = (await peopleFor(dataSource, cohortId, audience)).filter((id) => !seen.has(id))
        for (const id of people) seen.add(id)
        await emitInBatches(
          people,
          (personId) => [{ job: 'deadline-reminders', personId, role, subject, day: today, text }],
          emit,
        )
      }
    }
  },
})
