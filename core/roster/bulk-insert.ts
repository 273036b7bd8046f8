import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm'
import { ConflictError } from '../errors'

const CHUNK = 500

/**
 * Inserts many rows with one statement per 500 and returns their new ids in order — what a
 * 5,000-row import needs instead of 5,000 round trips. A multi-row INSERT takes consecutive ids
 * (SQLite inside a transaction; InnoDB for an insert whose row count is known); `sameRow` checks
 * that against what was written, one SELECT per chunk, and a mismatch undoes the whole import.
 * @throws ConflictError (409) when the ids could not be confirmed.
 */
export async function insertReturningIds<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: T[],
  check: { column: keyof T & string; value: (row: T) => unknown },
): Promise<number[]> {
  const ids: number[] = []
  const sqlite = m.connection.options.type === 'better-sqlite3' || m.connection.options.type === 'sqlite'
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK)
    const result = await m.createQueryBuilder().insert().into(entity).values(chunk).updateEntity(false).execute()
    const raw = result.raw as number | { insertId?: number }
    const first = sqlite ? Number(raw) - chunk.length + 1 : Number((raw as { insertId?: number }).insertId)
    const last = first + chunk.length - 1
    const written = await m
      .createQueryBuilder(entity, 'e')
      .select(['e.id AS id', `e.${check.column} AS v`])
      .where('e.id BETWEEN :first AND :last', { first, last })
      .orderBy('e.id', 'ASC')
      .getRawMany<{ id: number; v: unknown }>()
    const confirmed =
      Number.isFinite(first) &&
      written.length === chunk.length &&
      written.every((w, n) => String(w.v) === String(check.value(chunk[n] as T)) && Number(w.id) === first + n)
    if (!confirmed) throw new ConflictError('导入时数据库正被同时写入，名册未导入，请稍后重试')
    for (let n = 0; n < chunk.length; n++) ids.push(first + n)
  }
  return ids
}

/** Inserts many rows, 500 a statement, when their ids are not needed. */
export async function insertMany<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: T[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + CHUNK))
      .updateEntity(false)
      .execute()
  }
}

/** `list` in slices of `size`, for IN (…) lists that stay within every driver's limits. */
export function slices<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}
