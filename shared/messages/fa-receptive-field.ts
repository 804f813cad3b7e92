import type { enReceptiveFieldErrors, enReceptiveFieldNotes } from './en-receptive-field';
import type { TranslatedBook } from './phrase';

/**
 * Persian phrasing of the receptive-field explorer's refusals and notes. Field names of the
 * request (weights, maxChannels), constants (MAX_REGION_WORK) and shapes stay Latin as values.
 */
export const faReceptiveFieldErrors: TranslatedBook<typeof enReceptiveFieldErrors> = {
  codes: {
    not_whole: '{name} باید عدد صحیح ≥ ۰ باشد، اما {value} است',
    region_too_large: 'میدان یک واحد از لایهٔ {layer} بزرگ‌تر از آن است که خانه به خانه دنبال شود: حدود {work} بار دیدن خانه، بیش از {limit} بار مجاز ({constant})؛ ورودی کوچک‌تری به کار ببرید',
    unit_outside: 'واحد {unit} بیرون از لایهٔ {layer} است؛ خروجی این لایه {shape} است (سطرهای {first} تا {last_row}، ستون‌های {first} تا {last_column})',
    input_not_image: 'ورودی شبکه تصویر {shape} نیست',
    no_layer: 'لایهٔ {layer} وجود ندارد؛ شبکه لایه‌های {first} تا {count} را دارد ({input} ورودی است)',
    layer_not_computed: 'لایهٔ {layer} ({type}) محاسبه نشده است؛ اول شبکه را درست کنید',
    layer_not_image: 'لایهٔ {layer} ({type}) تصویر خروجی نمی‌دهد، پس واحدهایش جای مکانی ندارند',
    request_not_object: 'درخواست باید شیئی با spec، layer، y، x، weights و activations باشد، اما {value} است',
    weights_value: 'weights باید "uniform" یا "random" باشد، اما {value} است',
    activations_value: 'activations باید true یا false باشد، اما {value} است',
    channel_value: 'channel باید عدد صحیح ≥ ۰ باشد، اما {value} است',
    seed_value: 'seed باید عدد صحیحی از ۰ تا 2^32 - 1 باشد، اما {value} است',
    max_channels_value: 'maxChannels باید عدد صحیح ≥ ۱ باشد، اما {value} است',
    input_not_list: 'input باید فهرستی از عددها باشد (C x H x W)، اما {value} است',
    input_not_number: 'input[{index}] باید عددی متناهی باشد، اما {value} است',
    input_issue: '{issue}',
    input_layer: 'واحدی از لایهٔ {first} یا بعد از آن را انتخاب کنید؛ ورودی میدان دیدی ندارد که محاسبه شود',
    input_size: 'ورودی {count} عدد دارد؛ ورودی شبکه {shape} به {needed} عدد نیاز دارد (کانال به کانال، هر کانال سطر به سطر)',
    layer_unsupported: 'میدان دید مؤثر برای لایهٔ {layer} ({type}) پشتیبانی نمی‌شود؛ واحدی از لایه‌ای پیش از آن را انتخاب کنید',
    field_too_much_work: 'این میدان دید مؤثر حدود {work} ضرب‌وجمع لازم دارد، بیش از {limit} مجاز ({constant})؛ ورودی کوچک‌تر، کانال‌های کمتر ({option}) یا وزن‌های یکنواخت به کار ببرید',
    field_too_many_values: 'این میدان دید مؤثر هم‌زمان حدود {values} عدد نگه می‌دارد، بیش از {limit} مجاز ({constant})؛ ورودی کوچک‌تر یا کانال‌های کمتری به کار ببرید',
    no_channel: 'کانال {channel} در لایهٔ {layer} وجود ندارد؛ این لایه کانال‌های {first} تا {last} را دارد',
    sees_nothing: 'واحد {unit} از لایهٔ {layer} هیچ پیکسلی از ورودی را نمی‌بیند',
  },
  tables: {},
};

export const faReceptiveFieldNotes: TranslatedBook<typeof enReceptiveFieldNotes> = {
  codes: {
    uniform_weights: 'وزن‌ها {weights}، بایاس {bias}',
    he_weights: 'وزن‌های He-normal {weights}، بایاس {bias}، بذر {seed}',
    given_input: 'گذر رو به جلو روی ورودی داده‌شده ({shape})؛ ادغام بیشینه گرادیان را به جای بیشینه‌اش می‌فرستد',
    seeded_input: 'گذر رو به جلو روی ورودی تصادفی با بذر، در بازهٔ {range} (بذر {seed})؛ ادغام بیشینه گرادیان را به جای بیشینه‌اش می‌فرستد',
    activations_derivative: 'تابع‌های فعال‌سازی در مشتقشان در مقدار گذر رو به جلو ضرب می‌شوند',
    activations_identity: 'تابع‌های فعال‌سازی همانی در نظر گرفته شده‌اند',
    eval_mode: 'نرمال‌سازی دسته‌ای و dropout همانی در نظر گرفته شده‌اند (حالت ارزیابی، آمار تازه)',
    every_channel: 'وزن‌های یکنواخت روی ورودی‌ای که کانال‌هایش پیش از نخستین کانولوشن با هم فرق دارند: همهٔ کانال‌ها محاسبه شده‌اند',
    narrowed: 'وزن‌های تصادفی: لایه‌ها به حداکثر {channels} کانال محدود شده‌اند',
  },
  tables: {},
};
