import type { AnswerReasonPhrasebook } from './answer-reasons';
import type { enAnswerReasons } from './en-answer-reasons';

/** Left-to-right isolate around a formula or shape written into a Persian sentence. */
const LRI = '\u2066';
const PDI = '\u2069';
/** The layer's derivation (math, written left to right). */
const FORMULA = `${LRI}{formula}${PDI}`;

/** Persian phrasing of the answer marks (shapes and formulas stay left to right; PyTorch's names in Latin). */
export const faAnswerReasons: AnswerReasonPhrasebook<typeof enAnswerReasons> = {
  codes: {
    formula: FORMULA,
    channels_last: `${FORMULA} (کانال‌ها در آخر: ${LRI}{shape}${PDI})`,
    unreadable_shape: `«{text}» یک شکل نیست؛ آن را به صورت ${LRI}62x62x64${PDI}، ${LRI}64x62x62${PDI} یا ${LRI}[64, 62, 62]${PDI} بنویسید`,
    channels_wrong_filters: `ارتفاع و عرض ${LRI}{hw}${PDI} درست است، اما تعداد کانال‌ها {channels} است، نه {answered}: کانولوشن به ازای هر فیلتر یک کانال خروجی می‌دهد (${LRI}out_channels = {channels}${PDI})؛ ${FORMULA}`,
    channels_wrong_kept: `ارتفاع و عرض ${LRI}{hw}${PDI} درست است، اما تعداد کانال‌ها {channels} است، نه {answered}: این لایه همان {channels} کانالِ ورودی‌اش را نگه می‌دارد؛ ${FORMULA}`,
    neighbour: `{typed} {quantity:quantity}ِ لایهٔ {layer} ({type})، {where:where}، است؛ این سطر: ${FORMULA}`,
    neighbour_modules: `{typed} {quantity:quantity}ِ لایهٔ {layer} ({type})، {where:where}، است: PyTorch لایه‌های {first} و {second} را دو ماژول جدا می‌سازد و هر کدام سطر خودش را دارد؛ این سطر: ${FORMULA}`,
    axes_wrong: `خروجی {axes} محور دارد (${LRI}{shape}${PDI})، نه {answered}: ${FORMULA}`,
    unreadable_count: `«{text}» یک عدد صحیح نیست؛ آن را به صورت ۵۱٬۲۶۴ یا ۵۱۲۶۴ بنویسید`,
    counts_buffers: `{answered} بافرهای {buffers}تایی (میانگین و واریانس متحرک) را هم شمرده است، که PyTorch آن‌ها را بافر نگه می‌دارد، نه پارامتر: ${FORMULA}`,
    bias_missing: `هر واحد خروجی یک بایاس هم دارد (به ازای هر فیلتر یا خروجی ۱+): ${FORMULA}`,
    no_bias: `این لایه بایاس ندارد (${LRI}bias=False${PDI})، پس ۱+ به ازای هر فیلتر یا خروجی در کار نیست: ${FORMULA}`,
    unreadable_rf: `«{text}» یک میدان دید نیست؛ یک ضلع (۱۱)، هر دو ضلع (${LRI}11x11${PDI}) یا مساحت (۱۲۱ px) را بنویسید`,
    not_whole: `واحدهای این لایه ${LRI}{size}${PDI} پیکسلِ ورودی را می‌بینند، نه کل ورودی را: ${FORMULA}`,
    side_not_area: `یک عدد به معنای ضلع خوانده می‌شود، پس {typed} یعنی ${LRI}{typed}x{typed}${PDI} پیکسل؛ برای مساحتِ ${LRI}{size} = {typed}${PDI} بنویسید {typed} px: ${FORMULA}`,
    rf_multiply: `میدان‌های دید در هم ضرب نمی‌شوند ({product} حاصل‌ضربِ اندازهٔ هسته‌هاست): ${FORMULA}`,
    rf_multiply_bare: `میدان‌های دید در هم ضرب نمی‌شوند ({product} حاصل‌ضربِ اندازهٔ هسته‌هاست؛ و یک عدد به معنای ضلع خوانده می‌شود، پس {typed} یعنی ${LRI}{typed}x{typed}${PDI} پیکسل): ${FORMULA}`,
    rf_one_axis: `{axis:axis} {right} درست است، اما {other:axis} {wrong} است، نه {answered}: ${FORMULA}`,
    area_is: `مساحت ${LRI}{size} = {area}${PDI} پیکسل است: ${FORMULA}`,
    not_computed: 'لایهٔ {layer} هنوز عددی ندارد: نخستین لایه‌ای را که خطا دارد درست کنید',
    no_layer: 'شبکه لایهٔ {layer} ندارد',
  },
  tables: {
    quantity: { output: 'شکلِ خروجی', params: 'تعداد پارامترهای', rf: 'میدان دیدِ' },
    where: { next: 'سطرِ بعدی', previous: 'سطرِ قبلی' },
    axis: { height: 'ارتفاع', width: 'عرض' },
  },
  expected: {
    none: '',
    shape_chw: `${LRI}{chw}${PDI} (کانال‌ها اول، مانند PyTorch) = ${LRI}{hwc}${PDI} (کانال‌ها در آخر)`,
    shape: `${LRI}{shape}${PDI}`,
    count: '{count}',
    rf_whole: `کل ورودی (${LRI}r = {side}${PDI})`,
    rf_field: `{side} (${LRI}{size} = {area}${PDI} پیکسل)`,
  },
};
