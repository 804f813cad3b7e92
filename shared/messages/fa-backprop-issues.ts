import type { enBackpropIssues } from './en-backprop-issues';
import type { TranslatedBook } from './phrase';

/** Left-to-right isolate around a formula written into a Persian sentence. */
const LRI = '\u2066';
const PDI = '\u2069';

const DESCRIBED_FA: Readonly<Record<string, string>> = { nothing: 'خالی', 'an array': 'یک آرایه', 'an object': 'یک شیء', Infinity: 'بی‌نهایت', '-Infinity': 'منفی بی‌نهایت' };

/**
 * Persian phrasing of a backprop case's issues. The case's field names (input, filters,
 * kernel, stride ...), the pooling and activation ids and the grid forms stay as typed in
 * the JSON; the sentence around them is Persian.
 */
export const faBackpropIssues: TranslatedBook<typeof enBackpropIssues> & { describeValue: (text: string) => string } = {
  codes: {
    not_an_object: 'مسئله باید یک شیء JSON با input و filters باشد، اما {got} است',
    unknown_field: 'فیلد ناشناخته؛ فیلدهای معتبر: {known}',
    grid_required: 'لازم است: یک شبکهٔ عددی {field:gridForms}',
    grid_not_grid: 'باید یک شبکهٔ عددی {field:gridForms} باشد، اما {got} است',
    grid_depth: 'باید یک شبکهٔ عددی {field:gridForms} باشد، اما {depth} {unit:levelUnit} آرایهٔ تودرتو دارد',
    not_a_number: 'باید یک عدد باشد، اما {got} است',
    not_an_array: 'باید آرایه‌ای از {holds:items}‌ها باشد، اما {got} است',
    empty_level: 'خالی است؛ دست‌کم یک {holds:items} لازم است',
    level_length: '{what:owner} {count} {items:items} دارد، اما باید {expected} تا داشته باشد',
    too_many_channels: '{count} کانال دارد؛ حداکثر {max} کانال مجاز است',
    input_too_large: `${LRI}{height}×{width}${PDI} است؛ حداکثر ${LRI}{max}×{max}${PDI} مجاز است`,
    too_many_filters: '{count} فیلتر دارد؛ حداکثر {max} فیلتر مجاز است',
    kernel_too_large: `هسته ${LRI}{height}×{width}${PDI} است؛ حداکثر ${LRI}{max}×{max}${PDI} مجاز است`,
    filter_channels: '{count} {items:items} دارد، اما باید {expected} کانال داشته باشد (برای هر کانال ورودی یک هسته)',
    filter_channels_2d: '{count} {items:items} دارد، اما باید {expected} کانال داشته باشد (برای هر کانال ورودی یک هسته)؛ فیلترها را به شکل [F][C][kh][kw] بنویسید',
    bias_not_array: 'باید آرایه‌ای از عددها باشد، برای هر فیلتر یکی، اما {got} است',
    bias_length: '{count} {items:items} دارد، اما باید {expected} مقدار داشته باشد (برای هر فیلتر یکی)',
    not_int_or_pair: 'باید عدد صحیحی ≥ {min} (حداکثر {max}) یا [h, w] باشد، اما {got} است',
    not_one_of: 'باید یکی از این‌ها باشد: {options}؛ اما {got} است',
    conv_output_empty:
      `خروجی کانولوشن خالی می‌شود: هستهٔ مؤثر ${LRI}{kernelHeight}×{kernelWidth}${PDI} (یعنی ${LRI}(k - 1)·dilation + 1${PDI}) از ورودیِ لایه‌گذاری‌شدهٔ ${LRI}{paddedHeight}×{paddedWidth}${PDI} بزرگ‌تر است`,
    pool_not_object: 'باید شیئی مانند {"type": "max", "kernel": 2} باشد، اما {got} است',
    pool_type_required: 'لازم است: یکی از {options}',
    pool_kernel_required: 'برای ادغام {type} لازم است: عدد صحیحی ≥ ۱ یا [h, w]',
    pool_padding_too_large: `${LRI}{paddingHeight}×{paddingWidth}${PDI} از نصف هستهٔ ${LRI}{kernelHeight}×{kernelWidth}${PDI} بیشتر است (حدی که PyTorch می‌گذارد)`,
    pool_output_empty: `خروجی ادغام خالی می‌شود: هستهٔ ${LRI}{kernelHeight}×{kernelWidth}${PDI} از خروجیِ لایه‌گذاری‌شدهٔ کانولوشن ${LRI}{paddedHeight}×{paddedWidth}${PDI} بزرگ‌تر است`,
    pool_takes_no: 'فقط ادغام max و avg مقدار {key} می‌گیرد؛ {type} ندارد',
    upstream_not_finite: 'باید عددی متناهی باشد، اما {got} است',
    not_output_grid: 'باید شبکه‌ای هم‌شکل خروجی باشد: {form:outputShape}',
    output_grid_shape: '{got} است؛ باید هم‌شکل خروجی باشد: {form:outputShape}',
    loss_not_mse: 'باید "mse" باشد، اما {got} است',
    target_required: 'لازم است: شبکه‌ای هم‌شکل خروجی',
    upstream_invalid: 'باید یک عدد، شبکه‌ای هم‌شکل خروجی یا {"loss": "mse", "target": [...]} باشد، اما {got} است',
    unreadable: 'مسئله خوانده نشد: {detail}',
  },
  tables: {
    gridForms: { input: '[C][H][W] یا [H][W]', filters: '[F][C][kh][kw] یا [kh][kw]' },
    levelUnit: { level: 'سطح', levels: 'سطح' },
    items: {
      maps: 'نقشه',
      map: 'نقشه',
      filters: 'فیلتر',
      filter: 'فیلتر',
      channels: 'کانال',
      channel: 'کانال',
      rows: 'سطر',
      row: 'سطر',
      cells: 'خانه',
      cell: 'خانه',
      values: 'مقدار',
      value: 'مقدار',
    },
    owner: { grid: 'شبکه', map: 'نقشه', filter: 'فیلتر', channel: 'کانال', row: 'سطر' },
    outputShape: { either: '{shape} (یا {shape2d})', full: '{shape}' },
  },
  /** The core's describe() words in Persian (and a non-finite upstream); JSON strings, numbers, true/false, null and NaN stay as written. */
  describeValue: (text) => DESCRIBED_FA[text] ?? text,
};
