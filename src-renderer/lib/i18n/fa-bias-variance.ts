import { math } from './bidi';
import type { enBiasVariance } from './en-bias-variance';
import type { Translation } from './types';

/** Persian strings of the bias-variance lab and of what both regression labs share (a key of en-bias-variance.ts without Persian here fails the typecheck). */
export const faBiasVariance: Translation<typeof enBiasVariance> = {
  'tool.bias-variance': 'بایاس–واریانس',

  'bv.title': 'مصالحهٔ بایاس و واریانس',
  'bv.caption':
    'از یک تابع واقعی با نویز، R مجموعهٔ آموزشی بکشید، یک مدل را روی هر کدام برازش دهید و خطای مورد انتظار آن روی نقطه‌های تازه را به بایاس²، واریانس و نویز بشکنید. با هر حرکت لغزنده همه‌چیز دوباره محاسبه می‌شود؛ روی هر عدد کلیک کنید تا فرمولش را ببینید.',
  'bv.settings': 'تنظیمات',
  'bv.reset': 'بازگشت به آغاز',
  'bv.computing': 'در حال محاسبه…',
  'bv.failed': 'موتور محاسبه نتوانست این آزمایش را محاسبه کند: {message}',

  'lab.truth': 'تابع واقعی f(x)',
  'lab.truth.sin': `سینوس ${math('sin(2πx)')}`,
  'lab.truth.cubic': `درجه‌سه ${math('x³ − x')}`,
  'lab.truth.step': 'پله در میانهٔ دامنه',
  'lab.truth.formula': 'فرمولی از خودم…',
  'lab.formula': 'فرمول بر حسب x',
  'lab.formula.hint': 'بر حسب x، با pi، عملگرهای + − * / ^ و تابع‌های sin، cos، exp، log، sqrt، abs، tanh، sigmoid، relu و step.',
  'lab.domainLow': 'دامنه از',
  'lab.domainHigh': 'تا',
  'lab.domainLowInvalid': 'سر پایین باید کمتر از {high} باشد.',
  'lab.domainHighInvalid': 'سر بالا باید بیشتر از {low} باشد.',
  'lab.noise': 'نویز σ',
  'lab.trainSize': 'نقطه‌های آموزشی n',
  'lab.seed': 'بذر تصادفی',
  'lab.ridgeOff': 'خاموش',
  'lab.plotTruth': 'f واقعی',
  'lab.plotData': 'یک مجموعهٔ آموزشی',
  'lab.derivationHeading': 'چگونه محاسبه می‌شود: {quantity}، {model}',

  'bv.resamples': 'مجموعه‌های آموزشی R',
  'bv.family': 'مدل',
  'bv.family.polynomial': 'چندجمله‌ای',
  'bv.family.knn': 'k همسایه',
  'bv.degree': 'درجه',
  'bv.ridge': 'ریج λ',
  'bv.k': 'همسایه‌ها k',
  'bv.model.degree': 'درجهٔ {degree}',
  'bv.model.degreeRidge': 'درجهٔ {degree}، λ = {ridge}',
  'bv.model.k': 'همسایه‌ها k = {k}',

  'bv.fan.heading': 'برازش‌ها',
  'bv.fan.caption': '{count} خط نازک: مدلِ برازش‌شده روی هر مجموعهٔ آموزشی؛ پررنگ: میانگین آن‌ها f̄؛ خط‌چین: تابع واقعی. نقطه‌ها: نخستین مجموعهٔ آموزشی. برای دیدن عددهای هر نقطه روی خط پررنگ کلیک کنید.',
  'bv.fan.title': 'برازش‌های {model} روی {count} مجموعهٔ آموزشی',
  'bv.fan.mean': 'میانگین برازش f̄',
  'bv.fan.fit': 'برازش‌ها f_D',
  'bv.fan.x': 'ورودی x',
  'bv.fan.y': 'خروجی y',
  'bv.fan.point': 'f̄ در x = {x}',
  'bv.fan.pointHeading': 'چگونه محاسبه می‌شود: عددهای نقطهٔ x = {x}، {model}',

  'bv.curve.heading': 'بایاس²، واریانس و نویز بر حسب پیچیدگی',
  'bv.curve.caption': 'مجموع آن‌ها خطای مورد انتظار روی یک نقطهٔ تازه است. مدل بیش از حد ساده: بایاس زیاد. مدل بیش از حد انعطاف‌پذیر: واریانس زیاد. مدل انتخاب‌شده علامت خورده است.',
  'bv.curve.title': 'بایاس²، واریانس، نویز و خطای مورد انتظار بر حسب {axis}',
  'bv.curve.chosen': 'انتخاب‌شده',
  'bv.curve.best': 'کمترین خطای مورد انتظار',
  'bv.axis.degree': 'درجه',
  'bv.axis.k': 'k (همسایه‌های کمتر به سمت راست)',
  'bv.axis.error': 'مربع خطا',

  'bv.errors.heading': 'خطای آموزش و خطای آزمون',
  'bv.errors.caption': 'با بزرگ‌تر شدن مدل، خطای آموزش پیوسته کم می‌شود؛ خطای آزمون که روی نقطه‌های نویزی تازه سنجیده می‌شود، دوباره بالا می‌رود.',
  'bv.errors.title': 'خطای آموزش و آزمون بر حسب {axis}',

  'bv.quantity.bias2': 'بایاس²',
  'bv.quantity.variance': 'واریانس',
  'bv.quantity.noise': 'نویز σ²',
  'bv.quantity.expected_error': 'خطای مورد انتظار',
  'bv.quantity.test_error': 'خطای آزمون',
  'bv.quantity.train_error': 'خطای آموزش',
  'bv.quantity.mean_fit': 'میانگین برازش f̄(x)',
  'bv.quantity.truth': 'مقدار واقعی f(x)',
  'bv.quantity.test_target': 'هدف آزمون نویزی y*',
  'bv.quantity.bias2_at': 'بایاس² در این نقطه',
  'bv.quantity.variance_at': 'واریانس در این نقطه',
  'bv.complexity': 'مدل',

  'bv.summary.heading': 'در {model}',
  'bv.summary.sum': 'بایاس² + واریانس + نویز = خطای مورد انتظار',
  'bv.summary.agreement':
    'خطای مورد انتظار {expected} (بایاس² + واریانس + نویز) و خطای آزمونِ سنجیده‌شده روی {points} نقطهٔ نویزی تازه، {test}، تا حد خطای نمونه‌گیری با هم می‌خوانند: اختلافشان {difference} ({share}) است. خطای سنجیده‌شده از یک بار کشیدن هدف‌های نویزی به دست می‌آید؛ خطای مورد انتظار میانگین نویز را دقیق می‌گیرد.',
  'bv.summary.best': 'کمترین خطای مورد انتظار در {model} است.',

  'bv.table.heading': 'همهٔ عددها',
  'bv.table.caption': 'هر سطر یک مدل؛ روی هر عدد کلیک کنید تا فرمولش را با مقدارها ببینید.',
};
