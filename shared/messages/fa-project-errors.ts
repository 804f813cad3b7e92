import type { enProjectErrors } from './en-project-errors';
import type { TranslatedBook } from './phrase';

/**
 * Persian phrasing of project-file errors. The `detail` of a JSON syntax error or of invalid
 * content (the schema's words after the field's path) is the parser's own text and stays as it
 * comes, isolated; the sentence around it is Persian.
 */
export const faProjectErrors: TranslatedBook<typeof enProjectErrors> = {
  codes: {
    too_large: 'پرونده از {limitMb} مگابایت بزرگ‌تر است',
    not_json: 'پرونده JSON معتبری نیست ({detail})',
    not_a_project: 'پرونده پروژهٔ Layerwise نیست (در آن "format": "{format}" نیست)',
    newer_version: 'پرونده را نسخهٔ جدیدتری از Layerwise نوشته است (نسخهٔ پروژه {version}؛ این نسخه تا {supported} را می‌خواند)؛ برای باز کردن آن Layerwise را به‌روز کنید',
    invalid: '{reason:invalidReason}',
  },
  tables: {
    invalidReason: {
      version: '"version" باید عدد صحیحی از ۱ به بالا باشد',
      migration: 'ارتقای پرونده ممکن نشد: {detail}',
      schema: 'محتوای پرونده معتبر نیست: {detail}',
    },
  },
};
