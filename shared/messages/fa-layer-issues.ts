import type { LayerIssuePhrasebook } from './layer-issues';
import type { enLayerIssues } from './en-layer-issues';
import { describeValueFa } from './fa-describe-value';

/** Left-to-right isolate around a formula or shape written into a Persian sentence. */
const LRI = '\u2066';
const PDI = '\u2069';

/** Persian phrasing of the core's layer issues (PyTorch's field names stay in Latin). */
export const faLayerIssues: LayerIssuePhrasebook<typeof enLayerIssues> = {
  prefixes: { layer: 'لایهٔ {layer} ({layerType}): ', input: 'ورودی: ' },
  codes: {
    invalid_value: '{field:field} باید {expected:expectation} باشد، اما {value} است',
    kernel_too_large: `{kernelKind:kernelKind} {effectiveKernel} از ورودیِ لایه‌گذاری‌شدهٔ ${LRI}{paddedHeight}×{paddedWidth}${PDI} بزرگ‌تر است`,
    too_large: '{quantity:quantity} {value} از {limit} (بزرگ‌ترین عدد صحیحی که دقیق نگه داشته می‌شود) بیشتر است؛ اندازه‌ها را کوچک‌تر کنید',
    groups_mismatch: 'کانال‌های ورودی {inChannels} و کانال‌های خروجی {outChannels} باید هر دو بر تعداد گروه‌ها {groups} بخش‌پذیر باشند',
    same_padding_stride:
      'لایه‌گذاری "same" فقط با گام ۱ ممکن است (PyTorch آن را برای کانولوشن با گام بزرگ‌تر پشتیبانی نمی‌کند)، اما گام {stride} است؛ لایه‌گذاری را به صورت عدد بدهید',
    output_padding_too_large: 'لایه‌گذاری خروجی {outputPadding} باید از گام {stride} یا اتساع {dilation} کوچک‌تر باشد (حداکثر {limit})',
    output_too_small: `اندازهٔ خروجی ${LRI}{outputHeight}×{outputWidth}${PDI} می‌شد؛ ${LRI}(H − 1)s − 2p + d(k − 1) + o + 1${PDI} (o لایه‌گذاری خروجی است) باید دست‌کم ۱ باشد، پس لایه‌گذاری {padding} را کم کنید`,
    pool_padding_too_large: 'لایه‌گذاری {padding} باید حداکثر نصف اندازهٔ هستهٔ {kernel} باشد (حداکثر {limit})',
    wrong_rank: `به ورودی ${LRI}[C, H, W]${PDI} نیاز دارد اما {inputShape} گرفت؛ آن را پیش از flatten/linear بگذارید یا به شبکه ورودی تصویری بدهید`,
    not_an_object: 'هر لایه باید شیئی با "type" باشد، اما {value} است',
    unknown_type: 'نوع لایهٔ ناشناخته {value}؛ نوع‌های معتبر: {validTypes}',
    invalid_spec: 'شبکه باید شیئی با "input" و "layers" باشد، اما {value} است',
    invalid_input: `شکل باید ${LRI}[C, H, W]${PDI} (یک تصویر) یا ${LRI}[N]${PDI} (یک بردار) از اعداد صحیح مثبت باشد، اما {value} است`,
    input_too_large: '{shape} شامل {size} مقدار است، بیش از آنچه دقیق شمرده می‌شود ({limit} با ۴ بایت برای هر مقدار)؛ ورودی کوچک‌تری بدهید',
    invalid_layers: '"layers" باید آرایه‌ای از لایه‌ها باشد، اما {value} است',
    unreadable: 'شبکه خوانده نشد ({reason})',
  },
  tables: {
    expectation: {
      positive_integer: 'یک عدد صحیح مثبت',
      positive_integer_or_pair: `یک عدد صحیح مثبت یا یک جفت [ارتفاع، عرض] از آن‌ها`,
      non_negative_integer_or_pair: `یک عدد صحیح نامنفی یا یک جفت [ارتفاع، عرض] از آن‌ها`,
      boolean: 'true یا false',
      finite_number: 'یک عدد متناهی',
      number_at_least: 'عددی دست‌کم {minimum}',
      number_between: 'عددی بین {minimum} و {maximum}',
      conv_padding: `یک عدد صحیح نامنفی، یک جفت [ارتفاع، عرض] از آن‌ها، "same" یا "valid"`,
      softmax_dim: 'عدد صحیحی از {minimum} تا {maximum} برای ورودی دسته‌ای با {rank} محور ({inputShape} به‌اضافهٔ محور دسته)',
    },
    quantity: {
      output_memory: 'حافظهٔ خروجی به بایت',
      parameter_count: 'تعداد پارامترها',
      buffer_count: 'تعداد بافرها',
      flop_count: 'تعداد FLOPها',
      total_parameter_count: 'مجموع پارامترها',
      total_buffer_count: 'مجموع بافرها',
      total_flop_count: 'مجموع FLOPها',
      total_memory: 'مجموع حافظهٔ فعال‌سازی‌ها به بایت',
    },
    kernelKind: { kernel: 'هستهٔ', dilated_kernel: 'هستهٔ متسع' },
    /** The layer editor's labels (src-renderer's `field.*`; a test holds them equal). */
    field: {
      affine: 'ضرایب آموختنی (affine)',
      bias: 'بایاس',
      ceil_mode: 'گرد کردن رو به بالا',
      count_include_pad: 'شمردن لایه‌گذاری',
      dilation: 'اتساع',
      dim: 'بُعد',
      eps: 'اپسیلون',
      groups: 'گروه‌ها',
      kernel: 'هسته',
      momentum: 'تکانه',
      negative_slope: 'شیب منفی',
      out_channels: 'کانال‌های خروجی',
      out_features: 'ویژگی‌های خروجی',
      output_padding: 'لایه‌گذاری خروجی',
      output_size: 'اندازهٔ خروجی',
      p: 'احتمال حذف',
      padding: 'لایه‌گذاری',
      stride: 'گام',
      track_running_stats: 'نگه‌داشتن آمار جاری',
    },
  },
  describeValue: describeValueFa,
};
