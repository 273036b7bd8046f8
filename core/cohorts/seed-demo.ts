import type { DataSource, EntityManager } from 'typeorm'
import { Activity } from '../../entities/activity.entity'
import { City } from '../../entities/city.entity'
import { Cohort } from '../../entities/cohort.entity'
import { District } from '../../entities/district.entity'
import { Group } from '../../entities/group.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { Guardianship } from '../../entities/guardianship.entity'
import { IdentityBinding } from '../../entities/identity-binding.entity'
import { Mentor } from '../../entities/mentor.entity'
import { Person } from '../../entities/person.entity'
import { PersonRole, type Role } from '../../entities/person-role.entity'
import { School } from '../../entities/school.entity'
import { Student } from '../../entities/student.entity'
import { Subject } from '../../entities/subject.entity'
import { University } from '../../entities/university.entity'
import type { Clock } from '../clock'
import { builtInProgram } from '../knowledge/program'
import { loadProgram } from './load-program'

/** The cohort the demo people belong to. */
export const DEMO_COHORT = 2023

/** The `npm run chat -- --as <handle>` handles of CONTRACT §5 that are real people (anonymous is nobody). */
export const DEMO_HANDLES = [
  'demo-student',
  'demo-parent',
  'demo-teacher',
  'demo-mentor',
  'demo-staff',
  'demo-student-2',
] as const

// Every name below is invented for the demonstration; the schools' districts are where such a school would sit.
interface DemoStudent {
  handle: string
  name: string
  city: string
  school: { name: string; district: string }
  grade: string
  subject: string
  mentor: { handle: string; name: string; university: string; title: string }
  teacher: { handle: string; name: string }
  parent: { handle: string; name: string; relation: string }
  visits: Array<{ on: string; place: string; title: string; log?: { content: string; takeaway: string } }>
}

const DEMO_STUDENTS: DemoStudent[] = [
  {
    handle: 'demo-student',
    name: '林小雨',
    city: '南宁市',
    school: { name: '南宁市第三中学', district: '青秀区' },
    grade: '高一',
    subject: '物理',
    mentor: { handle: 'demo-mentor', name: '韦志明', university: '广西大学', title: '教授' },
    teacher: { handle: 'demo-teacher', name: '黄丽萍' },
    parent: { handle: 'demo-parent', name: '林建国', relation: '父亲' },
    visits: [
      {
        on: '2023-11-18',
        place: '广西大学物理科学与工程技术学院',
        title: '参观光学实验室',
        log: { content: '参观光学实验室，观看激光干涉演示。', takeaway: '第一次看到干涉条纹，想弄懂它的原理。' },
      },
      {
        on: '2023-12-09',
        place: '广西大学图书馆',
        title: '文献检索入门',
        log: { content: '跟导师学习查找和阅读中文文献。', takeaway: '学会了用关键词检索论文。' },
      },
      {
        on: '2024-01-13',
        place: '广西大学物理科学与工程技术学院',
        title: '课题组组会旁听',
        log: { content: '旁听课题组组会，听研究生汇报实验进展。', takeaway: '明白了做实验要先做好记录。' },
      },
    ],
  },
  {
    handle: 'demo-student-2',
    name: '覃子豪',
    city: '柳州市',
    school: { name: '柳州市鱼峰实验中学', district: '鱼峰区' },
    grade: '高一',
    subject: '计算机',
    mentor: { handle: 'demo-mentor-2', name: '蒙海峰', university: '广西科技大学', title: '副教授' },
    teacher: { handle: 'demo-teacher-2', name: '吴晓东' },
    parent: { handle: 'demo-parent-2', name: '覃丽华', relation: '母亲' },
    visits: [
      {
        on: '2023-11-25',
        place: '广西科技大学计算机科学与技术学院',
        title: '参观机器人实验室',
        log: { content: '参观机器人实验室，看机械臂分拣演示。', takeaway: '对机器视觉产生了兴趣。' },
      },
      { on: '2023-12-16', place: '广西科技大学计算机科学与技术学院', title: '编程工作坊' },
    ],
  },
]

const DEMO_STAFF = { handle: 'demo-staff', name: '陆文静' }

/** Groups the bot has seen and staff have labelled (本群设置), so broadcasts have somewhere to go. */
const DEMO_GROUPS: Array<{ kind: Group['kind']; externalId: string; name: string; city: string; audience: Role }> = [
  {
    kind: 'room',
    externalId: 'demo-nanning-parents@chatroom',
    name: '南宁英才计划家长群',
    city: '南宁市',
    audience: 'parent',
  },
  {
    kind: 'room',
    externalId: 'demo-nanning-students@chatroom',
    name: '南宁英才计划学生群',
    city: '南宁市',
    audience: 'student',
  },
  {
    kind: 'wecom_chat',
    externalId: 'demo-liuzhou-students',
    name: '柳州英才计划学生群',
    city: '柳州市',
    audience: 'student',
  },
]

/**
 * Seeds the demo people of CONTRACT §5 into the 2023 cohort (loading the built-in 2023
 * program first if needed): two students with their schools, guiding teachers, mentors,
 * parents, a few campus visits and growth logs, a management office staff member, each
 * bound on the `terminal` channel to their handle, and three labelled groups (南宁, 柳州). Idempotent: when demo-student is already
 * bound, nothing is written (`seeded: false`). One transaction. Throws when the 2023 program
 * is neither in the database nor built in.
 */
export async function seedDemo(ds: DataSource, clock: Clock): Promise<{ seeded: boolean }> {
  if (await isDemoSeeded(ds)) return { seeded: false }
  if (!(await ds.getRepository(Cohort).existsBy({ year: DEMO_COHORT }))) {
    const program = builtInProgram(DEMO_COHORT)
    if (!program) throw new Error(`the demo needs the ${DEMO_COHORT} program, which is not built in`)
    await loadProgram(ds, program)
  }
  try {
    return await ds.transaction(async (m) => {
      if (await demoBound(m)) return { seeded: false }
      await writeDemo(m, clock.now())
      return { seeded: true }
    })
  } catch (error) {
    // A second instance seeding at the same moment trips over the unique bindings: already seeded.
    if (await isDemoSeeded(ds)) return { seeded: false }
    throw error
  }
}

/** True once the demo people are in the database (what dev-login checks before it answers). */
export async function isDemoSeeded(ds: DataSource): Promise<boolean> {
  return demoBound(ds.manager)
}

function demoBound(m: EntityManager): Promise<boolean> {
  return m.existsBy(IdentityBinding, { channel: 'terminal', externalId: 'demo-student' })
}

async function writeDemo(m: EntityManager, now: Date): Promise<void> {
  const cohort = await m.findOneByOrFail(Cohort, { year: DEMO_COHORT })

  const person = async (handle: string, displayName: string, role: Role, scope: Partial<PersonRole> = {}) => {
    const p = await m.save(m.create(Person, { displayName, phone: null, createdAt: now }))
    await m.insert(PersonRole, { personId: p.id, role, cityId: null, schoolId: null, ...scope })
    await m.insert(IdentityBinding, { personId: p.id, channel: 'terminal', externalId: handle, boundAt: now })
    return p
  }

  await person(DEMO_STAFF.handle, DEMO_STAFF.name, 'office')
  for (const g of DEMO_GROUPS) {
    const city = await m.findOneByOrFail(City, { name: g.city })
    await m.insert(Group, {
      kind: g.kind,
      externalId: g.externalId,
      name: g.name,
      cohortId: cohort.id,
      cityId: city.id,
      audience: g.audience,
      subjectId: null,
      seenAt: now,
    })
  }

  for (const demo of DEMO_STUDENTS) {
    const city = await m.findOneByOrFail(City, { name: demo.city })
    const district = await m.findOneByOrFail(District, { cityId: city.id, name: demo.school.district })
    const school =
      (await m.findOneBy(School, { cityId: city.id, name: demo.school.name })) ??
      (await m.save(m.create(School, { name: demo.school.name, cityId: city.id, districtId: district.id })))
    const subject = await m.findOneByOrFail(Subject, { name: demo.subject })
    const university = await m.findOneByOrFail(University, { name: demo.mentor.university })

    const mentorPerson = await person(demo.mentor.handle, demo.mentor.name, 'mentor')
    const mentor = await m.save(
      m.create(Mentor, {
        personId: mentorPerson.id,
        universityId: university.id,
        title: demo.mentor.title,
        subjectId: subject.id,
      }),
    )
    const teacher = await person(demo.teacher.handle, demo.teacher.name, 'teacher', { schoolId: school.id })
    const studentPerson = await person(demo.handle, demo.name, 'student')
    const student = await m.save(
      m.create(Student, {
        personId: studentPerson.id,
        cohortId: cohort.id,
        cityId: city.id,
        schoolId: school.id,
        grade: demo.grade,
        subjectId: subject.id,
        mentorId: mentor.id,
        teacherId: teacher.id,
        status: 'active',
      }),
    )
    const parent = await person(demo.parent.handle, demo.parent.name, 'parent')
    await m.insert(Guardianship, { parentId: parent.id, studentId: student.id, relation: demo.parent.relation })

    for (const [i, visit] of demo.visits.entries()) {
      // Written on the evening of the visit, as a student would, so the demo's history reads true.
      const writtenAt = new Date(`${visit.on}T20:00:00+08:00`)
      const activity = await m.save(
        m.create(Activity, {
          studentId: student.id,
          cohortId: cohort.id,
          kind: 'campus_visit',
          happenedOn: visit.on,
          place: visit.place,
          title: visit.title,
          createdAt: writtenAt,
        }),
      )
      if (!visit.log) continue
      await m.insert(GrowthLog, {
        studentId: student.id,
        activityId: activity.id,
        happenedOn: visit.on,
        place: visit.place,
        content: visit.log.content,
        takeaway: visit.log.takeaway,
        source: 'terminal',
        clientKey: `seed:${demo.handle}:${i + 1}`,
        createdAt: writtenAt,
      })
    }
  }
}
