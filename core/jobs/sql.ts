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
