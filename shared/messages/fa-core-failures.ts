import type { CoreFailureCode } from './en-core-failures';

/**
 * Persian phrasing of a failed core call, by its code: the English details (the schema's words,
 * a stack, the worker's exit reason) stay out; a refused request keeps the field it names in
 * Latin ({field}, as the code spells it).
 */
export const faCoreFailures: { codes: Record<CoreFailureCode, string>; tables: Record<string, never> } = {
  codes: {
    invalid_request: 'موتور محاسبه این درخواست را نپذیرفت: داده‌های آن درست نیست',
    invalid_request_field: 'موتور محاسبه این درخواست را نپذیرفت: مقدار {field} درست نیست',
    unknown_type: 'موتور محاسبه این درخواست را نمی‌شناسد؛ برنامه و موتور با هم نمی‌خوانند (برنامه را دوباره باز کنید)',
    cancelled: 'محاسبه لغو شد',
    timeout: 'موتور محاسبه در زمان مقرر پاسخ نداد؛ مسئله را کوچک‌تر کنید یا دوباره امتحان کنید',
    worker_crashed: 'موتور محاسبه از کار افتاد و دوباره راه‌اندازی شد؛ این محاسبه کامل نشد، دوباره اجرایش کنید',
    engine_stopped: 'موتور محاسبه متوقف شده است؛ آن را دوباره راه‌اندازی کنید',
    internal: 'خطای درونی در موتور محاسبه رخ داد (اشکالی در برنامه)؛ این محاسبه انجام نشد',
  },
  tables: {},
};
