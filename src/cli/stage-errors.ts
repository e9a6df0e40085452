import type { ExtractOutput } from '../extract/extract.js';

/**
 * What a user reads of the extraction stages that failed on a document, or null when none did: "1 extraction
 * stage failed on paragraph 3: figures: <message>", paragraphs counted from 1 as a reader counts them.
 */
export function stageErrorsNote(errors: ExtractOutput['errors']): string | null {
  const [first] = errors;
  if (!first) return null;
  const where = `on paragraph ${first.paragraph + 1}: ${first.stage}: ${first.message}`;
  return errors.length === 1
    ? `1 extraction stage failed ${where}`
    : `${errors.length} extraction stages failed, the first ${where}`;
}
