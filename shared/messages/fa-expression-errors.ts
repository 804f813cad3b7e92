import type { enExpressionErrors } from './en-expression-errors';
import type { TranslatedBook } from './phrase';

/**
 * Persian phrasing of the model parser's errors. Names, operators and function names are
 * what the student types, so they stay in Latin letters, isolated; the sentence is Persian.
 */
export const faExpressionErrors: TranslatedBook<typeof enExpressionErrors> & Pick<typeof enExpressionErrors, 'described' | 'describeValue'> = {
  codes: {
    not_text: 'مدل باید متن باشد',
    too_long: 'مدل از {max} نویسه بلندتر است',
    number_too_large: 'عدد {number} بیش از اندازه بزرگ است',
    member_access: 'دسترسی به عضو (".") مجاز نیست: عددی مانند 0.5 یا یک نام بنویسید',
    brackets: 'کروشه مجاز نیست: از پرانتز ( ) استفاده کنید',
    comma: '"," مجاز نیست: هر تابع یک آرگومان می‌گیرد و اعشار با "." نوشته می‌شود',
    unexpected_character: '{character} غیرمنتظره است: از عددها، نام‌ها، + - * / ^، پرانتز و {functions} استفاده کنید',
    too_many_parts: 'مدل بیش از {max} جزء دارد',
    too_deep: 'تودرتویی مدل از {max} سطح بیشتر است',
    missing_multiplication: 'میان {number} و {found} علامت "*" بنویسید',
    reserved_name: '"{name}" را نمی‌توان نام گذاشت',
    unknown_function: 'تابع "{name}" شناخته نیست؛ تابع‌ها این‌ها هستند: {functions}',
    unclosed_call: 'برای بستن {name}( انتظار ")" می‌رفت اما {found} آمد',
    function_without_call: '{name} تابع است: بنویسید {name}(...)',
    missing_operator: 'میان "{name}" و {found} عملگری لازم است',
    unclosed_parenthesis: 'برای بستن "(" در نویسهٔ {opened_at} انتظار ")" می‌رفت اما {found} آمد',
    empty: 'مدل خالی است',
    ends_early: 'مدل زود تمام می‌شود: مقداری کم است',
    expected_value: 'انتظار عدد، نام یا "(" می‌رفت اما {found} آمد',
    unmatched_parenthesis: 'این ")" پرانتز بازِ متناظری ندارد',
    expected_operator: 'انتظار عملگر می‌رفت اما {found} آمد',
    unreadable: 'مدل خوانده نشد',
  },
  tables: {
    place: { at: '{message} (در نویسهٔ {at})' },
  },
  described: ['found', 'character'],
  describeValue: (text) => {
    if (text === '') return 'پایان متن';
    if (/^[\d.]/.test(text)) return `عدد ${text}`;
    return text === '"' ? "'\"'" : `"${text}"`;
  },
};
