import type { enRegressionIssues } from './en-regression-issues';
import type { TranslatedBook } from './phrase';

/**
 * Persian phrasing of the regression labs' issues (the bias-variance and double-descent labs'
 * settings). Field names, x and pi stay Latin; a formula that does not parse is phrased from
 * the parser's code by the expression parser's phrasebook.
 */
export const faRegressionIssues: TranslatedBook<typeof enRegressionIssues> & Pick<typeof enRegressionIssues, 'names'> = {
  codes: {
    required: 'لازم است',
    wrong_type: 'باید {expected:type} باشد',
    not_integer: 'باید عدد صحیح باشد، نه {value}',
    too_small: 'باید دست‌کم {min} باشد؛ اکنون {value} است',
    too_large: 'باید حداکثر {max} باشد؛ اکنون {value} است',
    unknown_field: 'تنظیمی به نام «{name}» وجود ندارد',
    unknown_choice: '«{value}» یکی از {choices} نیست',
    domain_order: 'در دامنهٔ [{low}، {high}] سر پایین باید اول بیاید و از سر بالا کوچک‌تر باشد',
    formula_syntax: '{detail}',
    unknown_name: 'فرمول «{name}» را می‌خواند (نویسهٔ {at})؛ فقط x و ثابت pi مجازند',
    truth_not_finite: 'تابع واقعی در x = {x} عددی متناهی نیست؛ فرمولی انتخاب کنید که روی کل دامنه تعریف شده باشد',
    duplicate: '{value} دو بار آمده است',
    too_few_one: 'دست‌کم {min} مقدار لازم دارد؛ {count} مقدار دارد',
    too_few: 'دست‌کم {min} مقدار لازم دارد؛ {count} مقدار دارد',
    too_many: 'حداکثر {max} مقدار می‌پذیرد؛ {count} مقدار دارد',
    length_mismatch: '{count} مقدار دارد؛ {expected} مقدار لازم است',
    conflicts_with_datasets: 'برابر {value} است، اما مجموعه‌های آموزشی داده‌شده {datasets} می‌دهند؛ آن را ننویسید یا با آن‌ها یکسانش کنید',
    too_much_work: 'این کار {work} واحد محاسبه می‌برد و حداکثر {max} مجاز است: نقطه‌های آموزشی یا ویژگی‌های کمتری بگیرید',
  },
  tables: {
    type: {
      number: 'یک عدد',
      integer: 'یک عدد صحیح',
      text: 'متن',
      list: 'یک فهرست',
      object: 'یک شیء',
    },
  },
  names: ['name'],
};
