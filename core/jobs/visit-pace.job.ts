import { Activity } from '../../entities/activity.entity'
import { Mentor } from '../../entities/mentor.entity'
import { Student } from '../../entities/student.entity'
import { weekStart } from '../logs/mentor-week'
import { beijingDate, daysBetween, lastDayOfMonth } from '../time'
import { messageJob } from './message-job'
import type { PlannedMessage } from './messages'

/**
 * Visit pace: a student more than one visit behind a steady pace to the required number by the
 * end of the cycle (五（三）1) → the student, the school's teacher and the mentor, once a week.
 * Counted per week. One grouped query for the cohort.
 */
export const visitPaceJob = messageJob({
  name: 'visit-pace',
  // Mondays at 08:30 Beijing time.
  cron: '30 8 * * 1',
  async plan({ dataSource }, at, { program, cohortId }) {
    const today = beijingDate(at)
    const start = `${program.training.start}-01`
    const end = lastDayOfMonth(program.training.end)
    if (today < start || today > end) return []
    const required = program.training.requiredVisits
    const expected = Math.floor((required * daysBetween(start, today)) / daysBetween(start, end))
    const rows = await dataSource
      .getRepository(Student)
      .createQueryBuilder('s')
      .leftJoin(Activity, 'a', "a.studentId = s.id AND a.kind = 'campus_visit' AND a.cohortId = s.cohortId")
      .leftJoin(Mentor, 'm', 'm.id = s.mentorId')
      .select(['s.id AS id', 's.personId AS personId', 's.teacherId AS teacherId', 'm.personId AS mentorPersonId'])
      .addSelect('COUNT(a.id)', 'visits')
      .where("s.cohortId = :cohortId AND s.status = 'active'", { cohortId })
      .groupBy('s.id')
      .addGroupBy('s.personId')
      .addGroupBy('s.teacherId')
      .addGroupBy('m.personId')
      .getRawMany<{
        id: number
        personId: number
        teacherId: number | null
        mentorPersonId: number | null
        visits: number | string
      }>()
    const planned: PlannedMessage[] = []
    for (const r of rows) {
      const visits = Number(r.visits)
      if (visits >= expected - 1) continue
      const base = { job: 'visit-pace', subject: `student:${r.id}`, day: weekStart(at) }
      const pace = `按进度到今天应完成约 ${expected} 次校园活动，目前 ${visits}/${required} 次`
      planned.push({
        ...base,
        personId: Number(r.personId),
        role: 'student',
        text: `【活动进度提醒】${pace}，请和导师约好下一次活动（方案五（三）1）。`,
      })
      const others = `【活动进度提醒】你负责的一名学生${pace}，请关注（方案五（三）1）。`
      if (r.teacherId != null) planned.push({ ...base, personId: Number(r.teacherId), role: 'teacher', text: others })
      if (r.mentorPersonId != null)
        planned.push({ ...base, personId: Number(r.mentorPersonId), role: 'mentor', text: others })
    }
    return planned
  },
})
