import { In } from 'typeorm'
import { Activity } from '../../entities/activity.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { Guardianship } from '../../entities/guardianship.entity'
import { Student } from '../../entities/student.entity'
import { addDays, beijingDate, chineseDate, daysBetween } from '../time'
import { messageJob } from './message-job'
import type { PlannedMessage } from './messages'

/** How far back a visit without a log is still chased (older ones are the office's to follow up). */
const LOOK_BACK_DAYS = 14

/**
 * Missing-log nudges (五（三）1: a log after every campus activity): a visit still without a log
 * a day after it → the student; three days after → also the parent(s) and the school's guiding
 * teacher. Each once. Two set-based queries for the whole cohort.
 */
export const missingLogJob = messageJob({
  name: 'missing-log',
  // Every day at 19:00 Beijing time, after school.
  cron: '0 19 * * *',
  async plan({ dataSource }, at, { cohortId }) {
    const today = beijingDate(at)
    const visits = await dataSource
      .getRepository(Activity)
      .createQueryBuilder('a')
      .innerJoin(Student, 's', 's.id = a.studentId')
      .leftJoin(GrowthLog, 'l', 'l.activityId = a.id')
      .select(['a.id AS id', 'a.studentId AS studentId', 'a.happenedOn AS happenedOn', 'a.place AS place'])
      .addSelect(['s.personId AS personId', 's.teacherId AS teacherId'])
      .where('a.cohortId = :cohortId AND a.kind = :kind', { cohortId, kind: 'campus_visit' })
      .andWhere("s.status = 'active' AND l.id IS NULL")
      .andWhere('a.happenedOn >= :from AND a.happenedOn <= :to', {
        from: addDays(today, -LOOK_BACK_DAYS),
        to: addDays(today, -1),
      })
      .getRawMany<{
        id: number
        studentId: number
        happenedOn: string
        place: string
        personId: number
        teacherId: number | null
      }>()
    const late = visits.filter((v) => daysBetween(v.happenedOn, today) >= 3)
    const guardians = late.length
      ? await dataSource
          .getRepository(Guardianship)
          .findBy({ studentId: In([...new Set(late.map((v) => Number(v.studentId)))]) })
      : []

    const planned: PlannedMessage[] = []
    for (const v of visits) {
      const when = chineseDate(v.happenedOn)
      const base = { job: 'missing-log', day: v.happenedOn }
      planned.push({
        ...base,
        personId: Number(v.personId),
        role: 'student',
        subject: `activity:${v.id}:1d`,
        text: `【成长日志提醒】你${when}在${v.place}的校园活动还没有写成长日志。发送“写成长日志”就能补上（方案五（三）1）。`,
      })
      if (daysBetween(v.happenedOn, today) < 3) continue
      const others = `孩子${when}在${v.place}的校园活动三天了还没有写成长日志，请提醒孩子补写（方案五（三）1）。`
      for (const g of guardians.filter((x) => x.studentId === Number(v.studentId))) {
        planned.push({
          ...base,
          personId: g.parentId,
          role: 'parent',
          subject: `activity:${v.id}:3d`,
          text: `【成长日志提醒】${others}`,
        })
      }
      if (v.teacherId != null) {
        planned.push({
          ...base,
          personId: Number(v.teacherId),
          role: 'teacher',
          subject: `activity:${v.id}:3d`,
          text: `【成长日志提醒】贵校一名学生${when}在${v.place}的校园活动三天了还没有写成长日志，请督促补写。`,
        })
      }
    }
    return planned
  },
})
