import type { DataSource } from 'typeorm'

/** The few spellings that differ between SQLite and MySQL/MariaDB in the jobs' queries. */
export interface Dialect {
  sqlite: boolean
  /** Text joined from SQL expressions (SQLite `||`, MySQL `CONCAT`: in MySQL `||` means OR). */
  concat(...parts: string[]): string
  /** A quoted SQL string literal of fixed text. */
  literal(text: string): string
  /** A YYYY-MM-DD text expression written the Chinese way, as chineseDate() writes it: 2024年9月8日. */
  chineseDate(day: string): string
  /** The group's values of `value` joined by `separator` in the order of `orderBy` (NULLs left out). */
  groupConcat(value: string, separator: string, orderBy: string): string
}

/** The dialect of a data source. */
export function dialectOf(ds: DataSource): Dialect {
  const sqlite = ds.options.type === 'better-sqlite3'
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`
  const concat = (...parts: string[]) => (sqlite ? `(${parts.join(' || ')})` : `CONCAT(${parts.join(', ')})`)
  return {
    sqlite,
    concat,
    literal,
    groupConcat: (value, separator, orderBy) =>
      sqlite
        ? `GROUP_CONCAT(${value}, ${literal(separator)} ORDER BY ${orderBy})`
        : `GROUP_CONCAT(${value} ORDER BY ${orderBy} SEPARATOR ${literal(separator)})`,
    // `+ 0` reads '09' as 9 in both databases.
    chineseDate: (day) =>
      concat(
        `SUBSTR(${day}, 1, 4)`,
        literal('年'),
        `(SUBSTR(${day}, 6, 2) + 0)`,
        literal('月'),
        `(SUBSTR(${day}, 9, 2) + 0)`,
        literal('日'),
      ),
  }
}

/** How many people a message about a group names; the rest are counted. */
export const NAMED_AT_MOST = 10

/**
 * A teacher's or mentor's message about several students instead of one message each: `rows`
 * (a SELECT with the columns of `groupBy`, `who` — the person id of the one to name —, `detail`
 * — text after their name, '' for none — and the columns `orderBy` reads) grouped, each group
 * with its count `n` and `names`, the first NAMED_AT_MOST people in `orderBy` order named and
 * joined with 、. Ranked on ids, so only the named rows are joined to their names. Read `more`
 * after the names: 等 when some are only counted.
 */
export function namedGroups(d: Dialect, rows: string, groupBy: string[], orderBy: string): string {
  const by = (table: string) => groupBy.map((c) => `${table}.${c}`).join(', ')
  return `SELECT ${by('u')}, MAX(u.total) AS n,
      ${d.groupConcat(d.concat('p.displayName', 'u.detail'), '、', 'u.rn')} AS names
    FROM (SELECT w.*, ROW_NUMBER() OVER (PARTITION BY ${by('w')} ORDER BY ${orderBy}) AS rn,
        COUNT(*) OVER (PARTITION BY ${by('w')}) AS total
      FROM (${rows}) w) u
    INNER JOIN person p ON p.id = u.who
    WHERE u.rn <= ${NAMED_AT_MOST}
    GROUP BY ${by('u')}`
}

/** 等 after the names of a namedGroups row `g` when it names fewer than it counts. */
export const more = (g: string) => `CASE WHEN ${g}.n > ${NAMED_AT_MOST} THEN ' 等' ELSE '' END`
