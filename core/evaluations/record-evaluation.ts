import type { DataSource } from 'typeorm'
import { Evaluation, type EvaluationKind, type EvaluationResult } from '../../entities/evaluation.entity'
import { GrowthLog } from '../../entities/growth-log.entity'
import { Student } from '../../entities/student.entity'
import type { Actor } from '../actor'
import { hasRole } from '../actor'
import { audit } from '../audit'
import type { Clock } from '../clock'
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../errors'
import type { Program } from '../knowledge/program'
import { requireAccess } from '../policies'
import { DeadlineError } from '../selection/steps'
import { beijingDate, chineseDate, lastDayOfMonth } from '../time'
import { STUDENT_STATUS_WORDS, studentRecord } from './student-record'

/** The names of the evaluations, in the plan's words. */
export const EVALUATION_NAMES: Record<EvaluationKind, string> = { midterm: '中期评价', annual: '年度评价' }

/** The names of the results. */
export const RESULT_NAMES: Record<EvaluationResult, string> = { excellent: '优秀', pass: '合格', fail: '不合格' }

/** A passing result recorded while materials of the checklist are missing (422 `materials_missing`). */
export class MaterialsMissingError extends AppError {
  constructor(message: string) {
    super('materials_missing', message, 422)
  }
}

/** An evaluation's rule from the program: its last day, article and checklist of materials. */
export function evaluationRule(program: Program, kind: EvaluationKind) {
  const rule = program.evaluation[kind]
  return { due: lastDayOfMonth(rule.by), section: rule.section, materials: rule.materials }
}

/** What recording an evaluation answers. */
export interface RecordedEvaluation {
  kind: EvaluationKind
  result: EvaluationResult
  exited: boolean
  studentStatus: Student['status']
}

/**
 * Records a student's mid-term (六（一）: the mentor team judges, so the student's mentor or the
 * office records it) or annual evaluation (六（二）: the office), with the materials of the
 * cohort's checklist that were received. A passing result needs the whole checklist; a failing
 * one needs its reason and ends the student's training: status `exited` with the reason, in
 * the same transaction and audit trail, so every reminder to them and their family stops. Due by
 * the end of the month the program names; the annual one comes after a passed mid-term.
 *
 * @throws ForbiddenError for the wrong role or someone else's mentor; NotFoundError for a
 * student not theirs to read; ConflictError for a student not in training, an evaluation
 * already recorded, or an annual one before the mid-term; DeadlineError after its month;
 * ValidationError for a material not on the checklist or a failure without a reason;
 * MaterialsMissingError for a pass with materials missing.
 */
export async function recordEvaluation(
  deps: { dataSource: DataSource; clock: Clock },
  actor: Actor,
  personId: number,
  input: { kind: EvaluationKind; result: EvaluationResult; materials: string[]; comment?: string },
): Promise<RecordedEvaluation> {
  requireAccess(actor, 'evaluation.record')
  const { student, program, isOwnMentor } = await studentRecord(deps.dataSource, actor, personId)
  const name = EVALUATION_NAMES[input.kind]
  const rule = evaluationRule(program, input.kind)
  const office = hasRole(actor, 'office')
  if (input.kind === 'annual' && !office)
    throw new ForbiddenError(`${name}由管理办公室联合高校完成（方案${rule.section}）`)
  if (input.kind === 'midterm' && !office && !isOwnMentor)
    throw new ForbiddenError(`${name}由学生的导师团队作出（方案${rule.section}）`)
  if (student.status !== 'active') throw new ConflictError(`该学员${STUDENT_STATUS_WORDS[student.status]}，不能再评价`)
  const now = deps.clock.now()
  if (beijingDate(now) > rule.due)
    throw new DeadlineError(`${name}已于${chineseDate(rule.due)}截止（方案${rule.section}）`)

  const unknown = input.materials.filter((m) => !rule.materials.includes(m))
  if (unknown.length)
    throw new ValidationError(`materials: “${unknown[0]}”不在${name}的材料清单中（${rule.materials.join('、')}）`)
  const comment = input.comment?.trim() || null
  if (input.result === 'fail' && !comment) throw new ValidationError(`comment: ${name}不合格须写明理由`)
  const missing = rule.materials.filter((m) => !input.materials.includes(m))
  if (input.result !== 'fail' && missing.length)
    throw new MaterialsMissingError(`${name}材料不全，还缺：${missing.join('、')}（方案${rule.section}）`)

  return deps.dataSource.transaction(async (m) => {
    const done = await m.getRepository(Evaluation).findBy({ studentId: student.id })
    if (done.some((e) => e.kind === input.kind)) throw new ConflictError(`这位学员的${name}已经记录过了`)
    if (input.kind === 'annual' && !done.some((e) => e.kind === 'midterm' && e.result !== 'fail'))
      throw new ConflictError(`须先完成中期评价（方案${program.evaluation.midterm.section}），再做年度评价`)
    const exited = input.result === 'fail'
    await m.insert(Evaluation, {
      studentId: student.id,
      kind: input.kind,
      result: input.result,
      exit: exited,
      comment,
      materials: input.materials,
      evaluatorId: actor.personId ?? null,
      evaluatedAt: now,
    })
    await audit(m, actor, 'evaluation.record', `student:${student.id}`, { kind: input.kind, result: input.result }, now)
    if (exited) {
      const exitReason = `${name}不合格：${comment}`
      await m.update(Student, { id: student.id }, { status: 'exited', exitedAt: now, exitReason })
      await audit(m, actor, 'student.exit', `student:${student.id}`, { reason: exitReason }, now)
    }
    return { kind: input.kind, result: input.result, exited, studentStatus: exited ? 'exited' : student.status }
  })
}

/** One evaluation's checklist and outcome for a student. */
export interface EvaluationSheet {
  kind: EvaluationKind
  name: string
  section: string
  due: string
  materials: Array<{ name: string; received: boolean }>
  result: EvaluationResult | null
  comment: string | null
  evaluatedOn: string | null
}

/**
 * A student's two evaluations with their checklists (what was received), the growth logs
 * written so far (the 成长日志 of 六（二）), and the student's standing.
 * @throws NotFoundError when the student is not the actor's to read.
 */
export async function evaluationSheets(deps: { dataSource: DataSource }, actor: Actor, personId: number) {
  const { student, program } = await studentRecord(deps.dataSource, actor, personId)
  const [done, logs] = await Promise.all([
    deps.dataSource.getRepository(Evaluation).findBy({ studentId: student.id }),
    deps.dataSource.getRepository(GrowthLog).countBy({ studentId: student.id }),
  ])
  const sheets: EvaluationSheet[] = (['midterm', 'annual'] as const).map((kind) => {
    const rule = evaluationRule(program, kind)
    const e = done.find((d) => d.kind === kind)
    return {
      kind,
      name: EVALUATION_NAMES[kind],
      section: rule.section,
      due: rule.due,
      materials: rule.materials.map((name) => ({ name, received: e?.materials?.includes(name) ?? false })),
      result: e?.result ?? null,
      comment: e?.comment ?? null,
      evaluatedOn: e ? beijingDate(e.evaluatedAt) : null,
    }
  })
  return {
    status: student.status,
    exitReason: student.exitReason,
    growthLogs: logs,
    evaluations: sheets,
  }
}
