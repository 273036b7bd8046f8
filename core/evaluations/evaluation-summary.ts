import ExcelJS from 'exceljs'
import type { DataSource } from 'typeorm'
import { Activity } from '../../entities/activity.entity'
import { City } from '../../entities/city.entity'
import { Evaluation } from '../../entities/evaluation.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { Mentor } from '../../entities/mentor.entity'
import { Person } from '../../entities/person.entity'
import { ResearchTopic } from '../../entities/research-topic.entity'
import { School } from '../../entities/school.entity'
import { Student } from '../../entities/student.entity'
import { Subject } from '../../entities/subject.entity'
import { whereStudentVisible } from '../access/student-scope'
import { datetimeValue } from '../data-source'
import type { Actor } from '../actor'
import type { Clock } from '../clock'
import { requireAccess } from '../policies'
import { cohortOfYear } from '../selection/cohort-of'
import { beijingDate } from '../time'
import { EVALUATION_NAMES, evaluationRule, RESULT_NAMES } from './record-evaluation'
import { STUDENT_STATUS_WORDS } from './student-record'

const COLUMNS = [
  { header: '姓名', key: 'name', width: 10 },
  { header: '市', key: 'city', width: 8 },
  { header: '学校', key: 'school', width: 20 },
  { header: '年级', key: 'grade', width: 6 },
  { header: '学科', key: 'subject', width: 8 },
  { header: '导师', key: 'mentor', width: 10 },
  { header: '状态', key: 'status', width: 18 },
  { header: '研究方向', key: 'direction', width: 18 },
  { header: '选题', key: 'title', width: 24 },
  { header: '备案', key: 'filed', width: 12 },
  { header: '进校活动（次）', key: 'visits', width: 14 },
  { header: '成长日志（篇）', key: 'logs', width: 14 },
  { header: EVALUATION_NAMES.midterm, key: 'midterm', width: 10 },
  { header: `${EVALUATION_NAMES.annual}`, key: 'annual', width: 10 },
  { header: '年度评价材料缺项', key: 'missing', width: 30 },
  { header: '退出原因', key: 'exitReason', width: 30 },
]

/**
 * The evaluation summary of a cohort as an .xlsx workbook, one row per student the actor may
 * read (core/access/student-scope.ts): school, mentor, topic and its filing (九（四）), campus
 * visits and growth logs against 五（三）1, the mid-term and annual results (六) with the
 * annual checklist's missing materials, and why a student left. One query for every row.
 * @throws ForbiddenError for students and parents; NotFoundError for an unknown cohort.
 */
export async function evaluationSummary(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  year: number,
): Promise<Buffer> {
  requireAccess(actor, 'evaluation.summary')
  const { cohort, program } = await cohortOfYear(deps.dataSource.manager, year)
  const qb = deps.dataSource
    .getRepository(Student)
    .createQueryBuilder('s')
    .innerJoin(Person, 'p', 'p.id = s.personId')
    .innerJoin(City, 'ci', 'ci.id = s.cityId')
    .innerJoin(School, 'sc', 'sc.id = s.schoolId')
    .leftJoin(Subject, 'su', 'su.id = s.subjectId')
    .leftJoin(Mentor, 'me', 'me.id = s.mentorId')
    .leftJoin(Person, 'mp', 'mp.id = me.personId')
    .leftJoin(ResearchTopic, 't', 't.studentId = s.id')
    .leftJoin(Evaluation, 'em', "em.studentId = s.id AND em.kind = 'midterm'")
    .leftJoin(Evaluation, 'ea', "ea.studentId = s.id AND ea.kind = 'annual'")
    .select(['p.displayName AS name', 'ci.name AS city', 'sc.name AS school', 's.grade AS grade'])
    .addSelect(['su.name AS subject', 'mp.displayName AS mentor', 's.status AS status', 's.exitReason AS exitReason'])
    .addSelect(['t.direction AS direction', 't.title AS title', 't.filedAt AS filedAt'])
    .addSelect(['em.result AS midterm', 'ea.result AS annual', 'ea.materials AS annualMaterials'])
    .addSelect((q) => q.select('COUNT(*)').from(Activity, 'ac').where('ac.studentId = s.id'), 'visits')
    .addSelect((q) => q.select('COUNT(*)').from(GrowthLog, 'gl').where('gl.studentId = s.id'), 'logs')
    .where('s.cohortId = :cohortId', { cohortId: cohort.id })
  whereStudentVisible(qb, actor)
  const rows = await qb.orderBy('ci.name', 'ASC').addOrderBy('sc.name', 'ASC').addOrderBy('s.id', 'ASC').getRawMany()
  const checklist = evaluationRule(program, 'annual').materials

  const book = new ExcelJS.Workbook()
  book.created = deps.clock.now()
  const sheet = book.addWorksheet(`${cohort.year}年度评价汇总`)
  sheet.columns = COLUMNS
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  for (const r of rows as Array<Record<string, unknown>>) {
    const received: string[] = typeof r.annualMaterials === 'string' ? JSON.parse(r.annualMaterials) : []
    const status = r.status as Student['status']
    sheet.addRow({
      name: r.name,
      city: r.city,
      school: r.school,
      grade: r.grade,
      subject: r.subject ?? '',
      mentor: r.mentor ?? '',
      status: STUDENT_STATUS_WORDS[status],
      direction: r.direction ?? '',
      title: r.title ?? '',
      filed: r.filedAt ? beijingDate(datetimeValue(r.filedAt)) : r.title ? '未备案' : '',
      visits: Number(r.visits),
      logs: Number(r.logs),
      midterm: r.midterm ? RESULT_NAMES[r.midterm as keyof typeof RESULT_NAMES] : '',
      annual: r.annual ? RESULT_NAMES[r.annual as keyof typeof RESULT_NAMES] : '',
      missing: r.annual ? checklist.filter((m) => !received.includes(m)).join('、') : '',
      exitReason: r.exitReason ?? '',
    })
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
