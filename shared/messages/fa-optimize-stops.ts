import type { enOptimizeStops } from './en-optimize-stops';
import type { TranslatedBook } from './phrase';

/** Persian phrasing of why an optimizer run stopped early (parameter names as typed; NaN stays, infinity is ∞). */
export const faOptimizeStops: TranslatedBook<typeof enOptimizeStops> & Pick<typeof enOptimizeStops, 'described' | 'describeValue'> = {
  codes: {
    undefined_at_start: 'در گام {step} متوقف شد: y برای نمونهٔ {sample} در پارامترهای اولیه {value} است (مدل آن‌جا تعریف نشده است: لگاریتم یا جذر عددی منفی، یا تقسیم بر ۰؟)',
    y_diverged: 'در گام {step} متوقف شد: y برای نمونهٔ {sample} در پارامترهایی که تا این‌جا رسیده‌ایم {value} است؛ اجرا واگرا شد. نرخ یادگیری کوچک‌تر از {lr} را امتحان کنید (مثلاً {smaller}).',
    param_blew_up: 'در گام {step} متوقف شد: پارامتر {param} برابر {value} شد (فراتر از ±{limit})؛ اجرا واگرا شد. نرخ یادگیری کوچک‌تر از {lr} را امتحان کنید (مثلاً {smaller}).',
    param_not_finite: 'در گام {step} متوقف شد: پارامتر {param} برابر {value} شد؛ اجرا واگرا شد. نرخ یادگیری کوچک‌تر از {lr} را امتحان کنید (مثلاً {smaller}).',
    loss_blew_up: 'در گام {step} متوقف شد: تابع زیان برابر {value} شد (فراتر از ±{limit})؛ اجرا واگرا شد. نرخ یادگیری کوچک‌تر از {lr} را امتحان کنید (مثلاً {smaller}).',
    loss_not_finite: 'در گام {step} متوقف شد: تابع زیان برابر {value} شد؛ اجرا واگرا شد. نرخ یادگیری کوچک‌تر از {lr} را امتحان کنید (مثلاً {smaller}).',
  },
  tables: {},
  described: ['value'],
  describeValue: (text) => (text === 'Infinity' ? '∞' : text === '-Infinity' ? '−∞' : text),
};
