import type { enDerivationLatexWords, enDerivations } from './en-derivations';
import type { TranslatedBook } from './phrase';

/**
 * Persian phrasing of a derivation's plain line: the sentence and the words are Persian, the
 * equations, shapes, symbols (r, j, c, k_eff) and PyTorch names (affine=false, dim) stay as
 * values, left to right and isolated. A line that is only math ("r = 7 + (5 - 1)*1 = 11") reads
 * the same in both languages. H_out and W_out are said in words (ارتفاع، عرض).
 */
export const faDerivations: TranslatedBook<typeof enDerivations> = {
  codes: {
    scalar: '{label:label} = {h_eq:heq}{unit:unit}',
    symbol: '{prefix}{symbol} = {h_eq:heq}',
    symbol_axes: '{prefix}{symbol_h} = {h_eq:heq}؛ {symbol_w} = {w_eq:weq}',
    output: 'خروجی = {shape}: {axes:axes} = {h_eq:heq}',
    output_vector: 'خروجی = {shape}: اندازه = {h_eq:heq}',
    output_axes: 'خروجی = {shape}: ارتفاع = {h_eq:heq}؛ عرض = {w_eq:weq}',
    zero: '{label:label} = {zero} ({reason:reason})',
    same: '{label:label} = {value} ({reason:reason})',
    why: ' ({reason:reason})',
    exact_varies: ' (واحدها با هم فرق دارند: بزرگ‌ترین بازهٔ دقیق در میان واحدها؛ واحد {unit} از ورودی {rows:rows} و {columns:columns} را می‌بیند{partial:partial})',
    exact_same: ' (بازهٔ دقیق هر واحد، که با گام مؤثر جابه‌جا می‌شود؛ واحد {unit} از ورودی {rows:rows} و {columns:columns} را می‌بیند{partial:partial})',
    average_spacing: ' (میانگین فاصلهٔ واحدها، چون واحدها با هم فرق دارند)',
    origin_centre: ' (مرکز بازهٔ دقیق واحد {origin})',
    origin_empty: ' (واحد {origin} در راستای یکی از محورها چیزی نمی‌بیند: مرکزش در آن راستا همان جایی است که فاصلهٔ واحدها تعیین می‌کند)',
    flattened: ' (برداری که flatten شده چیدمان مکانی ندارد: میدان دیدش میدان دید کل بردار است که همهٔ لایه‌های بعدی آن را می‌خوانند)',
    already_whole: ' (ورودی از پیش به صورت یک کل دیده می‌شود)',
    whole_input: ' (هر واحد کل ورودی را می‌بیند: همهٔ واحدهای لایهٔ قبل را)',
    whole_width: ' (هر واحد کل عرض را می‌بیند: Linear روی محور آخر عمل می‌کند)',
    spread_largest: ' (بیشترین مقدار، در واحد خروجی {unit}؛ واحدها با هم فرق دارند{partial:partial})',
    origin_reads_none: ' (واحد {origin} در راستای یکی از محورها هیچ ورودی‌ای نمی‌خواند: مرکزش در آن راستا همان جایی است که فاصلهٔ واحدها تعیین می‌کند)',
  },
  tables: {
    label: { output: 'خروجی', params: 'پارامترها', macs: 'ضرب‌وجمع‌ها', memory: 'حافظه' },
    axes: { square: 'ارتفاع و عرض' },
    heq: { plain: '{h}', dropped: '{h_before} (آخرین پنجره از داخل لایه‌گذاری شروع می‌شد) = {h_result}' },
    weq: { plain: '{w}', dropped: '{w_before} (آخرین پنجره از داخل لایه‌گذاری شروع می‌شد) = {w_result}' },
    unit: {
      none: '',
      bytes: ' بایت',
      gamma_beta: ' (گاما و بتا)',
      gamma_beta_buffers: ' (گاما و بتا؛ میانگین و واریانس جاری {buffers} بافر هستند، نه پارامتر)',
    },
    reason: {
      no_params: '{type} پارامتری ندارد',
      acts_alone: '{type} روی هر واحد جداگانه عمل می‌کند',
      pooling_no_params: 'لایهٔ ادغام پارامتری ندارد',
      no_macs: 'فقط لایه‌های کانولوشن، کانولوشن ترانهاده و خطی ضرب‌وجمع شمرده می‌شوند',
      flatten_macs: 'flatten فقط ترتیب واحدها را عوض می‌کند',
      affine_none: '{affine} و {stats}',
      affine_buffers: '{affine}: گاما و بتا در کار نیست؛ میانگین و واریانس جاری {buffers} بافر هستند، نه پارامتر',
      softmax_shape: 'softmax شکل را نگه می‌دارد؛ واحدها را فقط در راستای {dim} با هم ترکیب می‌کند',
      dropout_shape: 'dropout هنگام آموزش واحدها را تصادفی صفر می‌کند؛ شکل‌ها تغییر نمی‌کنند',
      batchnorm_shape: 'نرمال‌سازی دسته‌ای هر واحد را با آمار کانال خودش مقیاس می‌کند',
      already_vector: 'از پیش یک بردار است',
    },
    rows: { none: 'هیچ سطری', some: 'سطرهای {row_first} تا {row_last}' },
    columns: { none: 'هیچ ستونی', some: 'ستون‌های {column_first} تا {column_last}' },
    partial: { all: '', ends: '؛ فقط واحدهای نزدیک دو سر: الگوی واحدها بلندتر از آن است که همه بررسی شوند' },
  },
};

/** The LaTeX words in Persian; H and W are the axes' symbols and output_size PyTorch's argument, as in the formulas. */
export const faDerivationLatexWords: Record<keyof typeof enDerivationLatexWords, string> = {
  'same as input': 'همانند ورودی',
  'output shape': 'شکل خروجی',
  first: 'اول',
  last: 'آخر',
  'H: ': 'H: ',
  'W: ': 'W: ',
  'output\\_size': 'output\\_size',
};
