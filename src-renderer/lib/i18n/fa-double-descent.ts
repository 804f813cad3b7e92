import type { enDoubleDescent } from './en-double-descent';
import type { Translation } from './types';

/** Persian strings of the double-descent lab (a key of en-double-descent.ts without Persian here fails the typecheck). */
export const faDoubleDescent: Translation<typeof enDoubleDescent> = {
  'tool.double-descent': 'نزول دوگانه',

  'dd.title': 'نزول دوگانه',
  'dd.caption':
    'n نقطهٔ نویزی را با p ویژگی تصادفی ReLU به شکل φⱼ(x) = relu(wⱼx + bⱼ) و کمترین‌نُرمِ کمترین مربعات برازش دهید، برای p از ۱ تا P. خطای آزمون تا جایی که p به n، آستانهٔ درون‌یابی، می‌رسد به قله بالا می‌رود و پس از آن دوباره پایین می‌آید (Belkin و همکاران ۲۰۱۹؛ Nakkiran و همکاران ۲۰۲۰). کمی ریج قله را از میان می‌برد.',
  'dd.maxFeatures': 'ویژگی‌ها تا P',
  'dd.chosen': 'ویژگی‌های p نمایش‌داده‌شده',
  'dd.ridgeSwitch': 'ریج',
  'dd.ridgeOn': 'ریج روشن',
  'dd.ridgeOff': 'کمترین نُرم (ریج خاموش)',
  'dd.ridge': 'ریج λ',

  'dd.curve.heading': 'خطای آزمون و آموزش بر حسب تعداد ویژگی‌ها',
  'dd.curve.caption': 'روی هر نقطه کلیک کنید تا فرمولش را با عددها ببینید. خطای آزمون در برابر تابع واقعی بی‌نویز روی {points} نقطه سنجیده می‌شود.',
  'dd.curve.title': 'خطای آموزش و آزمون برای p از ۱ تا {max} ویژگی تصادفی ReLU',
  'dd.curve.x': 'ویژگی‌ها p',
  'dd.curve.y': 'مربع خطا',
  'dd.threshold': 'آستانه p = n = {n}',
  'dd.chosenMark': 'نمایش p = {p}',
  'dd.point': 'در p = {p}: {quantity} برابر {value}',

  'dd.fit.heading': 'برازش با p = {p} ویژگی',
  'dd.fit.caption': 'خط‌چین: تابع واقعی؛ نقطه‌ها: {n} نقطهٔ آموزشی؛ خط: مدل برازش‌شده. برای مقدار مدل در یک نقطه روی خط کلیک کنید.',
  'dd.fit.title': 'برازش با {p} ویژگی تصادفی ReLU',
  'dd.fit.line': 'برازش f̂',
  'dd.fit.point': 'f̂ در x = {x}',

  'dd.quantity.train_error': 'خطای آموزش',
  'dd.quantity.test_error': 'خطای آزمون',
  'dd.quantity.coefficient_norm': 'نُرم ضریب‌ها ‖c‖',
  'dd.quantity.fit': 'پیش‌بینی f̂(x)',
  'dd.rank': 'رتبهٔ {rank}',
  'dd.model': 'p = {p} ویژگی',

  'dd.summary.peak': 'خطای آزمون در p = {peak} بیشترین است ({value})؛ آستانهٔ درون‌یابی p = n = {n} است.',
  'dd.summary.peakRidge': 'با ریج λ = {ridge}، بیشترین خطای آزمون در p = {peak} است ({value})؛ در p = n = {n} برابر {atThreshold} است.',
  'dd.summary.beyond': 'در p = {max}، بسیار فراتر از آستانه، خطای آزمون {value} است.',
  'dd.summary.thresholdOutside': 'آستانهٔ درون‌یابی p = n = {n} فراتر از P = {max} است: برای دیدن قله P را بزرگ‌تر کنید.',
};
