import { z } from 'zod';
import type { AnswerMark, LayerAnswerMarks } from '../../../shared/core/network/answers';
import { answersSchema, networkFromDocument, PROJECT_FORMAT } from '../../../shared/project/index';
import { schemaIssuesOf } from '../../../shared/protocol/schema-issues';
import type { CliLanguage } from '../language';
import type { CliCommand } from './types';

/** `{ network, answers }`, for a spec with answers kept outside a project file. */
const looseDocumentSchema = z.strictObject({ network: z.unknown(), answers: answersSchema });

const QUANTITIES = ['output', 'params', 'rf'] as const;

function marksToText(marks: readonly LayerAnswerMarks[], answers: z.infer<typeof answersSchema>, language: CliLanguage): string {
  const lines: string[] = [];
  let right = 0;
  let total = 0;
  for (const mark of marks) {
    for (const quantity of QUANTITIES) {
      const result = mark[quantity];
      if (!result) continue;
      total++;
      if (result.status === 'right') right++;
      const typed = answers.layers[mark.index - 1]?.[quantity] ?? '';
      // What the student typed is written as typed; the engine's values take the language's digits.
      const line = language.say('answers.line', { index: mark.index, quantity: language.say(`answers.quantity.${quantity}`), typed, verdict: language.say(`answers.status.${result.status}`) });
      lines.push(`${line}${result.status === 'right' ? '' : language.say('answers.expected', { expected: language.answerExpected(result) })}`);
      lines.push(`  ${language.answerReason(result)}`);
    }
  }
  lines.push('', language.say('answers.total', { right, total }));
  return lines.join('\n') + '\n';
}

/** A mark as the JSON output has always had it (status, expected, reason, reading): the codes for phrasing stay out of the contract. */
function jsonMark(mark: AnswerMark): Pick<AnswerMark, 'status' | 'expected' | 'reason' | 'reading'> {
  return { status: mark.status, expected: mark.expected, reason: mark.reason, ...(mark.reading ? { reading: mark.reading } : {}) };
}

function jsonMarks(marks: LayerAnswerMarks): Record<string, unknown> {
  const result: Record<string, unknown> = { index: marks.index };
  for (const quantity of QUANTITIES) if (marks[quantity]) result[quantity] = jsonMark(marks[quantity]!);
  return result;
}

/**
 * `check-answers`: marks a student's saved answers (answer-check mode) against the engine,
 * each right or wrong with the reason. Reads a project file (its tools.answers) or
 * `{ "network": <spec or project>, "answers": { "layers": [...] } }`.
 */
export const checkAnswersCommand: CliCommand = {
  name: 'check-answers',
  description: "marks the answers saved in a project file (answer-check mode) right or wrong, with the reason",
  descriptionFa: 'پاسخ‌های ذخیره‌شده در یک پروندهٔ پروژه (حالت بررسی پاسخ) را درست یا نادرست علامت می‌زند، همراه با دلیل',
  run(document, core, _flags, language) {
    let networkDocument: unknown = document;
    let answersValue: unknown;
    if (typeof document === 'object' && document !== null && (document as { format?: unknown }).format === PROJECT_FORMAT) {
      answersValue = (document as { tools?: { answers?: unknown } }).tools?.answers;
      if (answersValue === undefined) {
        return { text: '', json: undefined, errors: [language.say('answers.noneSaved')] };
      }
    } else {
      const loose = looseDocumentSchema.safeParse(document);
      if (!loose.success) {
        return {
          text: '',
          json: undefined,
          errors: schemaIssuesOf(loose.error).map((issue) => language.say('answers.notADocument', { path: issue.path.join('.') || 'document', message: language.schemaIssue(issue) })),
        };
      }
      networkDocument = loose.data.network;
      answersValue = loose.data.answers;
    }
    const answers = answersSchema.safeParse(answersValue);
    if (!answers.success) {
      return { text: '', json: undefined, errors: schemaIssuesOf(answers.error).map((issue) => `answers.${issue.path.join('.')}: ${language.schemaIssue(issue)}`) };
    }
    const network = networkFromDocument(networkDocument);
    if (!network.ok) {
      const errors = network.projectError ? [language.projectError(network.projectError)] : (network.issues?.map(language.schemaIssue) ?? network.errors);
      return { text: '', json: undefined, errors: errors.map((error) => `network: ${error}`) };
    }
    const marks = core.checkAnswers({ spec: network.spec, answers: answers.data });
    const counted = marks.flatMap((mark) => QUANTITIES.flatMap((quantity) => (mark[quantity] ? [mark[quantity]!.status] : [])));
    return {
      text: marksToText(marks, answers.data, language),
      json: { marks: marks.map(jsonMarks), right: counted.filter((status) => status === 'right').length, total: counted.length },
      errors: [],
    };
  },
};
