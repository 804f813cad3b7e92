import type { ParseErrorCode } from '../core/expr/parse';

/**
 * English phrasing of the model parser's errors (shared/core/expr/parse.ts): word for word its
 * `message` (a test holds them equal). `found` and `character` are written by `describeValue`
 * ("the end", "the number 2", "\"x\"").
 */
export const enExpressionErrors = {
  codes: {
    not_text: 'the model must be text',
    too_long: 'the model is longer than {max} characters',
    number_too_large: 'the number {number} is too large',
    member_access: 'member access (".") is not allowed: write a number like 0.5, or a name',
    brackets: 'brackets are not allowed: use parentheses ( )',
    comma: '"," is not allowed: every function takes one argument, and decimals use "."',
    unexpected_character: 'unexpected {character}: use numbers, names, + - * / ^, parentheses and {functions}',
    too_many_parts: 'the model has more than {max} parts',
    too_deep: 'the model nests deeper than {max} levels',
    missing_multiplication: 'write "*" between {number} and {found}',
    reserved_name: '"{name}" is not allowed as a name',
    unknown_function: 'unknown function "{name}"; the functions are {functions}',
    unclosed_call: 'expected ")" to close {name}( but found {found}',
    function_without_call: '{name} is a function: write {name}(...)',
    missing_operator: 'expected an operator between "{name}" and {found}',
    unclosed_parenthesis: 'expected ")" to close the "(" at character {opened_at} but found {found}',
    empty: 'the model is empty',
    ends_early: 'the model ends too early: a value is missing',
    expected_value: 'expected a number, a name or "(" but found {found}',
    unmatched_parenthesis: 'this ")" has no matching "("',
    expected_operator: 'expected an operator but found {found}',
    unreadable: 'the model could not be read',
  } satisfies Record<ParseErrorCode, string>,
  tables: {
    /** After every message: where in the text (1-based). */
    place: { at: '{message} (at character {at})' },
  },
  described: ['found', 'character'],
  describeValue: describeToken,
};

/** A token's text as the parser names it: '' is the end, a number is "the number …", anything else is quoted. */
function describeToken(text: string): string {
  if (text === '') return 'the end';
  if (/^[\d.]/.test(text)) return `the number ${text}`;
  return text === '"' ? "'\"'" : `"${text}"`;
}
