import type { enAnswerExpected, enAnswerReasons } from './en-answer-reasons';
import type { TranslatedBook } from './phrase';

/**
 * Persian phrasing of the answer marker's reasons. The derivation, shapes and PyTorch names
 * (out_channels, bias=False) are values or code and stay Latin, isolated; the sentence is Persian.
 */
export const faAnswerReasons: TranslatedBook<typeof enAnswerReasons> = {
  codes: {
    derivation: '{derivation}',
    channels_last: '{derivation} (کانال‌ها در آخر: {shape})',
    shape_unreadable: '"{text}" شکل نیست؛ آن را به صورت 62x62x64، 64x62x62 یا [64, 62, 62] بنویسید',
    channels_wrong: 'ارتفاع و عرض {spatial} درست است، اما تعداد کانال‌ها {channels} است، نه {answered}: {channel_reason:channelReason}؛ {derivation}',
    neighbour: '{typed} {quantity:quantity} لایهٔ {layer} ({type}) است، {where:where}؛ این ردیف: {derivation}',
    neighbour_modules:
      '{typed} {quantity:quantity} لایهٔ {layer} ({type}) است، {where:where}: در PyTorch، {first} و {second} دو ماژول جدا هستند و هر کدام ردیف خودش را دارد؛ این ردیف: {derivation}',
    axes_count: 'خروجی {axes} محور دارد ({expected:expected})، نه {answered}: {derivation}',
    count_unreadable: '"{text}" عدد صحیح نیست؛ آن را به صورت 51,264 یا 51264 بنویسید',
    buffers: '{answer} بافرهای {buffers}تایی (میانگین و واریانس جاری) را هم شمرده است، که PyTorch آن‌ها را بافر نگه می‌دارد نه پارامتر: {derivation}',
    missing_bias: 'هر واحد خروجی یک بایاس هم دارد (۱+ برای هر فیلتر یا خروجی): {derivation}',
    no_bias: 'این لایه بایاس ندارد (bias=False)، پس ۱+ برای هر فیلتر یا خروجی در کار نیست: {derivation}',
    rf_unreadable: '"{text}" میدان دید نیست؛ یک ضلع (11)، هر دو ضلع (11x11) یا مساحت (121 px) را بنویسید',
    rf_not_whole: 'واحدهای این لایه {size} پیکسل از ورودی را می‌بینند، نه همهٔ ورودی را: {derivation}',
    rf_side_as_area: 'یک عدد تنها ضلع خوانده می‌شود، پس {typed} یعنی {typed}x{typed} پیکسل؛ برای مساحت {size} = {typed} بنویسید {typed} px: {derivation}',
    rf_multiplied: 'میدان‌های دید در هم ضرب نمی‌شوند ({product} حاصل‌ضرب اندازه‌های کرنل است): {derivation}',
    rf_multiplied_bare:
      'میدان‌های دید در هم ضرب نمی‌شوند ({product} حاصل‌ضرب اندازه‌های کرنل است، و یک عدد تنها ضلع خوانده می‌شود، پس {typed} یعنی {typed}x{typed} پیکسل): {derivation}',
    rf_one_axis: '{right_axis:axis} {right} درست است، اما {wrong_axis:axis} {wrong} است، نه {typed}: {derivation}',
    rf_area: 'مساحت {size} = {area} پیکسل است: {derivation}',
    not_computed: 'لایهٔ {layer} هنوز عددی ندارد: نخستین لایه‌ای را که خطا دارد درست کنید',
    no_layer: 'شبکه لایهٔ {layer} ندارد',
  },
  tables: {
    channelReason: {
      filters: 'کانولوشن برای هر فیلتر یک کانال خروجی می‌دهد (out_channels = {channels})',
      kept: 'این لایه {channels} کانال ورودی‌اش را نگه می‌دارد',
    },
    quantity: { output: 'شکل خروجی', params: 'تعداد پارامترهای', rf: 'میدان دید' },
    where: { next: 'ردیف بعدی', previous: 'ردیف قبلی' },
    axis: { height: 'ارتفاع', width: 'عرض' },
    expected: { shape: '{shape}', shape_chw: '{chw} (کانال‌ها اول، مانند PyTorch) = {hwc} (کانال‌ها در آخر)' },
  },
};

export const faAnswerExpected: TranslatedBook<typeof enAnswerExpected> = {
  codes: {
    shape: '{shape}',
    shape_chw: '{chw} (کانال‌ها اول، مانند PyTorch) = {hwc} (کانال‌ها در آخر)',
    count: '{count}',
    rf: '{side} ({size} = {area} پیکسل)',
    rf_whole: 'همهٔ ورودی (r = {side})',
  },
  tables: {},
};
