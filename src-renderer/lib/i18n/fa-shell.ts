import type { enShell } from './en-shell';
import type { Translation } from './types';

/** Persian strings of the app shell and the shared components (see en-shell.ts). */
export const faShell: Translation<typeof enShell> = {
  'theme.label': 'پوسته',
  'theme.light': 'روشن',
  'theme.dark': 'تیره',
  'theme.system': 'مانند سیستم',
  'motion.label': 'حرکت',
  'motion.system': 'حرکت: مانند سیستم',
  'motion.reduce': 'حرکت: خاموش',
  'motion.full': 'حرکت: روشن',
  'shell.settings': 'نمایش',
  'tabs.scrollBack': 'نمایش زبانه‌های قبلی',
  'tabs.scrollForward': 'نمایش زبانه‌های بعدی',
  'builder.presetLoadShort': 'بارگذاری',

  'panel.close': 'بستن',
  'popover.close': 'بستن',

  'legend.negative': 'منفی',
  'legend.zero': 'صفر',
  'legend.positive': 'مثبت',
  'legend.diverging': '{label}: قرمز منفی، سفید صفر، آبی مثبت',
  'legend.divergingDark': '{label}: قرمز منفی، تیره صفر، آبی مثبت',
  'legend.sequential': '{label}: از {min} (روشن) تا {max} (تیره)',
  'legend.sequentialDark': '{label}: از {min} (تیره) تا {max} (روشن)',

  'number.invalid': 'یک عدد وارد کنید',
  'number.integer': 'یک عدد صحیح وارد کنید',
  'number.range': 'عددی از {min} تا {max} وارد کنید',
  'number.atLeast': 'عددی دست‌کم {min} وارد کنید',
  'number.atMost': 'عددی حداکثر {max} وارد کنید',
  'number.above': 'عددی بزرگ‌تر از {min} وارد کنید',
  'number.below': 'عددی کوچک‌تر از {max} وارد کنید',

  'derivations.layerTitle': 'لایهٔ {index}، {type}: عددهایش چگونه به دست می‌آیند',
  'derivations.loading': 'در حال آوردن محاسبه…',
  'derivations.none': 'این لایه عددی برای محاسبه ندارد.',
};
