import type { enCodeProblems, enExportFailures, enExportNotes } from './en-code-problems';
import type { TranslatedBook } from './phrase';

/**
 * The reader's English descriptions of a value or token in Persian ("a tuple", "the end of the
 * code", "the name x (a variable; ...)", "'same' or 'valid'"); numbers, strings, True/False/None
 * and quoted tokens stay as written.
 */
function describeValueFa(text: string): string {
  if (text === 'a tuple') return 'یک تاپل';
  if (text === 'a list') return 'یک لیست';
  if (text === 'the end of the code') return 'پایان کد';
  const string = /^the string (.*)$/s.exec(text);
  if (string) return `رشتهٔ ${string[1]}`;
  const name = /^the name (\S+) \(a variable; only numbers, arithmetic on them and other literal values can be read\)$/.exec(text);
  if (name) return `نام ${name[1]} (یک متغیر؛ فقط عددها، حساب روی عددها و مقدارهای لفظی دیگر خوانده می‌شوند)`;
  const call = /^a call of (\S+)$/.exec(text);
  if (call) return `فراخوانی ${call[1]}`;
  if (/^'[^']*'( or '[^']*')+$/.test(text)) return text.split(' or ').join(' یا ');
  return text;
}

/**
 * Persian phrasing of the code importers' problems. PyTorch and Keras names, arguments and
 * Python code (padding='same', Sequential([...])) stay in Latin as they are written.
 */
export const faCodeProblems: TranslatedBook<typeof enCodeProblems> & Pick<typeof enCodeProblems, 'described' | 'describeValue'> = {
  codes: {
    string_not_closed: 'این رشته بسته نشده است',
    unexpected_character: 'نویسهٔ غیرمنتظرهٔ {character}',
    arithmetic_on_non_number: '"{operator}" فقط روی عددها حساب می‌کند ({operators})، اما {got} آمد',
    divides_by_zero: '{left} {operator} {right} تقسیم بر صفر است',
    negative_power_of_zero: 'صفر را نمی‌توان به توان منفی رساند',
    too_large_exact: '{left} {operator} {right} از بزرگ‌ترین عددی که این خواننده دقیق حساب می‌کند ({max}) بزرگ‌تر است',
    complex_result: '{left} {operator} {right} عددی مختلط است',
    too_large: '{left} {operator} {right} بزرگ‌تر از آن است که حساب شود',
    expected_paren_after: 'پس از {callee} انتظار "(" می‌رفت اما {found} آمد',
    expected_name: 'انتظار یک نام می‌رفت اما {found} آمد',
    sign_needs_number: 'پس از "{operator}" باید عدد بیاید، اما {got} آمد',
    unreadable_number: '{number} عددی نیست که این خواننده بفهمد',
    number_too_large_exact: '{number} از بزرگ‌ترین عددی که این خواننده دقیق حساب می‌کند ({max}) بزرگ‌تر است',
    expected_comma_or_close: 'انتظار "," یا "{close}" می‌رفت اما {found} آمد',
    unsupported_operator: '"{operator}" این‌جا حساب نمی‌شود؛ یک مقدار می‌تواند عددها را با {operators} و پرانتز ترکیب کند',
    expected_value: 'انتظار یک مقدار می‌رفت اما {found} آمد',
    star_args: '*args و **kwargs خوانده نمی‌شوند؛ آرگومان‌ها را یکی‌یکی بنویسید',
    keyword_twice: 'آرگومان نام‌دار {name} دو بار داده شده است',
    positional_after_keyword: 'آرگومان موضعی نمی‌تواند پس از آرگومان نام‌دار بیاید',
    expected_comma_or_paren_in_arguments: 'در آرگومان‌های {callee} انتظار "," یا ")" می‌رفت اما {found} آمد',
    too_many_positional: '{module} حداکثر {count} آرگومان موضعی می‌گیرد ({signature})، اما {given} آرگومان گرفت',
    unknown_argument: '{module} آرگومانی به نام "{name}" ندارد؛ آرگومان‌هایش این‌ها هستند: {signature}',
    argument_twice: '"{name}" هم با جایگاه و هم با نام به {module} داده شده است',
    must_be_number: '{where} باید عدد باشد، اما {got} است',
    must_be_whole: '{where} باید عدد صحیح باشد، اما {got} است',
    must_be_int: '{where} باید عدد صحیح (int) باشد، اما {got} است',
    must_be_int_not_float: '{where} باید عدد صحیح (int) باشد، اما {got} است (عدد اعشاری: در Python عملگر / همیشه عدد اعشاری می‌دهد و // عدد صحیح)',
    pair_length: '{where} باید یک عدد صحیح یا یک جفت (h, w) باشد، اما یک {sequence:sequence} با {count} عضو است',
    must_be_whole_or_pair: '{where} باید یک عدد صحیح یا یک جفت (h, w) باشد، اما {got} است',
    must_be_bool: '{where} باید True یا False باشد، اما {got} است',
    must_be_string: '{where} باید رشته باشد، اما {got} است',
    must_be_one_of: '{where} باید {allowed} باشد، اما {got} است',
    argument_not_supported: '{module} با {name}={got} این‌جا پشتیبانی نمی‌شود',
    adaptive_max_output_size: 'AdaptiveMaxPool2d فقط با output_size برابر ۱ (ادغام بیشینهٔ سراسری) پشتیبانی می‌شود',
    batchnorm_momentum_none: 'BatchNorm2d با momentum=None (میانگین تجمعی) مدل نشده است؛ عددی از ۰ تا ۱ بدهید',
    flatten_start_dim: 'Flatten فقط با start_dim=1 پشتیبانی می‌شود (محور دسته بماند)',
    flatten_end_dim: 'Flatten فقط با end_dim=-1 پشتیبانی می‌شود',
    no_sequential: 'در کد {language} هیچ Sequential(...) پیدا نشد',
    no_sequential_lines: 'در کد {language} هیچ Sequential(...) پیدا نشد ({lines} خط خوانده شد)',
    declared_input_mismatch: 'لایهٔ {layer}: {name} برابر {declared} است، اما ورودی‌اش {shape} است، پس باید {actual} باشد',
    sequential_keywords: 'Sequential لایه‌ها را به صورت آرگومان موضعی می‌گیرد',
    ordered_dict_list: 'به OrderedDict باید فهرستی از جفت‌های (نام، لایه) داد',
    ordered_dict_pair: 'هر عضو OrderedDict باید یک جفت (نام، لایه) باشد',
    unreadable: 'کد خوانده نشد ({detail})',
    expected_layer: 'انتظار لایه‌ای مانند {example} می‌رفت اما {got} آمد',
    layer_not_supported: '{callee} پشتیبانی نمی‌شود؛ لایه‌های پشتیبانی‌شده: {supported}',
    layer_needs: '{module} به {argument} نیاز دارد',
    keras_shape_tuple: '{where} باید تاپلی مانند (128, 128, 3) باشد',
    keras_shape_length: '{where} باید (height, width, channels) یا (features,) باشد، اما {count} عدد دارد',
    activation_not_supported: "تابع فعال‌سازی '{name}' پشتیبانی نمی‌شود؛ پشتیبانی‌شده‌ها: {supported}",
    zero_padding_place: 'ZeroPadding2D فقط درست پیش از Conv2D، MaxPooling2D یا AveragePooling2D خوانده می‌شود',
    keras_needs_shape: '{module} به shape=(height, width, channels) نیاز دارد',
    keras_needs_filters: '{module} به filters و kernel_size نیاز دارد',
    transpose_same_padding: "Conv2DTranspose با padding='same' خوانده نمی‌شود؛ padding='valid' (و برش) به کار ببرید یا مدل PyTorch را بنویسید",
    zero_padding_uneven: 'ZeroPadding2D با لایه‌گذاری متفاوت در هر طرف را نمی‌توان به صورت لایه‌گذاری PyTorch نوشت',
    batchnorm_center_scale: 'BatchNormalization با فقط یکی از center و scale معادلی در PyTorch ندارد (affine هر دو را تعیین می‌کند)',
    activation_needs_name: 'Activation به نام تابع فعال‌سازی نیاز دارد',
    relu_argument: 'ReLU با {name} پشتیبانی نمی‌شود (برای شیب از LeakyReLU استفاده کنید)',
    softmax_axis: 'Softmax فقط با axis=-1 (کانال‌ها) خوانده می‌شود',
    keras_layer_not_supported: '{callee} پشتیبانی نمی‌شود؛ لایه‌های Keras پشتیبانی‌شده: {supported}',
    same_needs_input: "padding='same' به اندازهٔ ورودی نیاز دارد؛ یکی از لایه‌های پیشین یا شکل ورودی مشکل دارد",
    same_pads_unevenly:
      "padding='same' روی ورودی {size} این‌جا نامتقارن لایه‌گذاری می‌کند (TensorFlow پیکسل اضافه را در انتها می‌گذارد) که لایه‌گذاری PyTorch نمی‌تواند بیانش کند؛ padding='valid' را با ZeroPadding2D به کار ببرید",
    keras_sequential_list: 'Sequential فهرستی از لایه‌ها می‌گیرد: Sequential([...])',
    model_add_layer: 'model.add به لایه‌ای مانند layers.Conv2D(...) نیاز دارد، اما {got} آمد',
    no_keras_sequential: 'در کد هیچ Sequential([...]) یا model.add(...) از keras پیدا نشد',
    zero_padding_at_end: 'ZeroPadding2D در انتها چیزی را پس از خود لایه‌گذاری نمی‌کند؛ آن را بردارید',
    not_text: 'کد باید متن باشد',
    looks_like_json: 'این شبیه مشخصات JSON یک شبکه است، نه کد {language}؛ برای وارد کردنش JSON را انتخاب کنید',
  },
  tables: {
    sequence: { tuple: 'تاپل', list: 'لیست' },
  },
  described: ['got', 'found', 'allowed'],
  describeValue: describeValueFa,
};

/** Persian phrasing of the Keras export's notes. */
export const faExportNotes: TranslatedBook<typeof enExportNotes> = {
  codes: {
    pool_zero_padding: 'لایهٔ {layer}: Keras ادغام را با صفر لایه‌گذاری می‌کند (ادغام بیشینهٔ PyTorch با ‎-inf): شکل همان است، اما مقدارها در لبه ممکن است فرق کنند',
    transpose_padding: "لایهٔ {layer}: Conv2DTranspose لایه‌گذاری عددی ندارد؛ با padding='valid' صادر شد (برای همان شکل، پس از آن Cropping2D({cropping}) بگذارید)",
    ceil_mode: 'لایهٔ {layer}: ceil_mode معادلی در Keras ندارد؛ بدون آن صادر شد (خروجی ممکن است یکی کوچک‌تر شود)',
    pool_dilation: 'لایهٔ {layer}: ادغام در Keras اتساع ندارد؛ بدون آن صادر شد',
    adaptive_avg_pool: 'لایهٔ {layer}: AdaptiveAvgPool2d از {from} به {to} لایه‌ای در Keras ندارد؛ کنار گذاشته شد',
    running_statistics: 'لایهٔ {layer}: BatchNormalization در Keras همیشه آمار جاری را نگه می‌دارد',
    softmax_dim: 'لایهٔ {layer}: softmax روی بُعد {dim} به صورت softmax روی کانال‌ها (axis=-1) صادر شد',
    flatten_order: 'لایهٔ {layer}: Keras با کانال‌ها در آخر (H, W, C) مسطح می‌کند، پس ترتیب عضوهای بردار با PyTorch فرق دارد؛ اندازه‌اش همان است',
    linear_on_map: 'لایهٔ {layer}: Linear در PyTorch روی عرض نقشهٔ [C, H, W] عمل می‌کند؛ Dense در Keras روی کانال‌ها',
  },
  tables: {},
};

/** Persian phrasing of a refused PyTorch or Keras export. */
export const faExportFailures: TranslatedBook<typeof enExportFailures> = {
  codes: {
    blocked_pytorch: '{problem}؛ پیش از صادر کردن کد PyTorch آن را درست کنید (in_channels و in_features از شکل‌های محاسبه‌شده می‌آیند)',
    blocked_keras: '{problem}؛ پیش از صادر کردن کد Keras آن را درست کنید',
    layer_has_error: 'لایهٔ {layer} خطا دارد',
  },
  tables: {},
};
