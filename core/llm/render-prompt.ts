import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Prompts live as Markdown files in prompts/<name>.md so they can be read and reviewed as
 * text. A template may hold `{{placeholders}}` and a `<!-- user -->` line: above it is the
 * system message (our instructions), below it the user message (the question and facts), so
 * text from a person never sits among the instructions.
 */

const USER_MARKER = /^<!--\s*user\s*-->\s*$/m

// tsx runs from the source tree; a compiled build may run from dist/, where prompts/ is not copied.
const PROMPT_DIRS = [join(__dirname, '..', '..', 'prompts'), join(process.cwd(), 'prompts')]

const cache = new Map<string, string>()

/**
 * Reads prompts/<name>.md (cached after the first read).
 * @throws Error when no such prompt file exists.
 */
export function loadPromptTemplate(name: string): string {
  const cached = cache.get(name)
  if (cached !== undefined) return cached
  const path = PROMPT_DIRS.map((dir) => join(dir, `${name}.md`)).find((p) => existsSync(p))
  if (path === undefined) throw new Error(`prompt template not found: ${name}.md`)
  const text = readFileSync(path, 'utf8')
  cache.set(name, text)
  return text
}

/**
 * Replaces every `{{name}}` with its value in one pass, so a value that itself contains
 * `{{…}}` (a question typed by a person) is inserted literally and never expanded.
 * @throws Error naming the first placeholder that has no value, so a typo fails loudly in tests.
 */
export function renderPrompt(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, key: string) => {
    const value = values[key]
    if (value === undefined) throw new Error(`prompt placeholder has no value: ${key}`)
    return String(value)
  })
}

/** Renders prompts/<name>.md and splits it into the system and user messages. */
export function renderChatPrompt(
  name: string,
  values: Record<string, string | number>,
): { system: string; user: string } {
  const rendered = renderPrompt(loadPromptTemplate(name), values)
  const marker = USER_MARKER.exec(rendered)
  if (marker === null) return { system: '', user: rendered.trim() }
  return {
    system: rendered.slice(0, marker.index).trim(),
    user: rendered.slice(marker.index + marker[0].length).trim(),
  }
}
