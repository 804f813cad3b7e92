import type { en, MessageKey } from './en';
import type { enBackprop } from './en-backprop';
import type { enNetworkBuilder } from './en-network-builder';
import type { enOptimizer } from './en-optimizer';
import type { enOverfitting } from './en-overfitting';
import type { enReceptiveField } from './en-receptive-field';
import type { enShell } from './en-shell';
import type { enGradientFlow } from './en-gradient-flow';
import type { enDepth } from './en-depth';
import type { enStart } from './en-start';
import type { enBiasVariance } from './en-bias-variance';
import type { enDoubleDescent } from './en-double-descent';
import { faBiasVariance } from './fa-bias-variance';
import { faDoubleDescent } from './fa-double-descent';
import { faBackprop } from './fa-backprop';
import { faNetworkBuilder } from './fa-network-builder';
import { faOptimizer } from './fa-optimizer';
import { faOverfitting } from './fa-overfitting';
import { faReceptiveField } from './fa-receptive-field';
import { faShell } from './fa-shell';
import { faGradientFlow } from './fa-gradient-flow';
import { faDepth } from './fa-depth';
import type { Messages, Translation } from './types';
import { faStart } from './fa-start';

/** Keys of en.ts itself (the tool files have their own Persian files). */
type CoreKey = Exclude<MessageKey, keyof typeof enNetworkBuilder | keyof typeof enReceptiveField | keyof typeof enBackprop | keyof typeof enOptimizer | keyof typeof enOverfitting | keyof typeof enShell | keyof typeof enGradientFlow | keyof typeof enDepth | keyof typeof enStart | keyof typeof enBiasVariance | keyof typeof enDoubleDescent>;

/**
 * Persian catalog (فارسی), written for the course's students with its terms: لایه، کانولوشن،
 * میدان تأثیر، گرادیان، تکانه، نرخ یادگیری، تابع زیان ... PyTorch identifiers (Conv2d,
 * MaxPool2d, ReLU), file formats (JSON, CSV) and math symbols stay in Latin. Typed against
 * the English: a key added to en.ts without its Persian here fails `npm run typecheck`.
 * Arrows point right to left (←): a Persian reader reads "۶۴۰۰ ← ۱۰۲۴" from the right.
 */
const faCore: Translation<Pick<typeof en, CoreKey>> = {
  'app.language': 'زبان',
  'app.digits': 'رقم‌ها',
  'app.digits.native': 'رقم‌های فارسی',
  'app.digits.latin': 'رقم‌های لاتین',
  'app.defaultProjectName': 'تمرین ۱',
  'app.name': 'Layerwise',
  'list.separator': '، ',
  'app.documentTitle': '{name}{dirtyMarker} — Layerwise',
  'app.dirtyMarker': ' •',
  'app.unsavedChanges': 'تغییرات ذخیره‌نشده',
  'app.toolbar': 'پرونده',

  'file.new': 'جدید',
  'file.open': 'باز کردن…',
  'file.save': 'ذخیره',
  'file.saveAs': 'ذخیره با نام…',
  'file.undo': 'واگرد',
  'file.redo': 'ازنو',
  'file.confirmDiscard': '«{name}» تغییرات ذخیره‌نشده دارد. از آن‌ها صرف‌نظر شود؟',
  'file.openError.not_json': 'این پرونده پروژهٔ Layerwise نیست: JSON معتبری نیست.',
  'file.openError.not_a_project': 'این پرونده پروژهٔ Layerwise نیست.',
  'file.openError.newer_version': 'این پروژه با نسخهٔ جدیدتری از Layerwise ذخیره شده است.',
  'file.openError.invalid': 'این پروندهٔ پروژه خطا دارد و باز نشد.',
  'file.openError.too_large': 'این پرونده برای باز شدن بیش از حد بزرگ است.',
  'file.openError.read': 'پرونده خوانده نشد.',
  'file.openErrorDetail': '{file}: {message}',
  'file.saveError': 'پروژه ذخیره نشد: {message}',
  'file.projectKept': 'پروژهٔ باز شما تغییری نکرد.',
  'file.migrated': '«{file}» با نسخهٔ قدیمی‌تری از Layerwise نوشته شده است (نسخهٔ پروژه {version})؛ با قالب فعلی ذخیره خواهد شد.',
  'file.untitled': 'بی‌نام',

  'banner.dismiss': 'بستن',
  'engine.stopped': 'موتور محاسبه پس از چند بار از کار افتادن متوقف شد: {reason}',
  'engine.restarting': 'موتور محاسبه در حال راه‌اندازی دوباره است…',
  'engine.restart': 'راه‌اندازی دوبارهٔ موتور',
  'engine.callFailed': 'موتور نتوانست این شبکه را محاسبه کند: {message}',

  'tool.bar': 'ابزارها',
  'tool.network': 'شبکه',
  'tool.optimizer': 'بهینه‌ساز',
  'tool.overfitting': 'بیش‌برازش',
  'tool.receptive-field': 'میدان تأثیر',
  'tool.backprop': 'پس‌انتشار کانولوشن',

  'network.title': 'شبکه',
  'network.caption': 'لایه‌های «{name}»: شکل خروجی، پارامترها، ضرب‌وجمع‌ها، حافظهٔ فعال‌سازی و میدان تأثیر هر لایه.',
  'network.computing': 'در حال محاسبه…',
  'network.empty': 'این شبکه هنوز لایه‌ای ندارد. از پایین یک لایه اضافه کنید.',
  'network.column.index': '#',
  'network.column.layer': 'لایه',
  'network.column.output': 'خروجی (C×H×W)',
  'network.column.params': 'پارامترها',
  'network.buffers': '{count} بافر',
  'network.buffersHint': 'بافرها: میانگین و واریانس متحرکِ نرمال‌سازی دسته‌ای (batch norm). این‌ها حالتِ لایه‌اند، نه پارامتر (parameters() در PyTorch آن‌ها را نمی‌شمارد)؛ پس نه در ستون پارامترها می‌آیند و نه در جمع کل.',
  'network.column.macs': 'ضرب‌وجمع',
  'network.column.memory': 'حافظه',
  'network.column.rfSize': 'میدان تأثیر',
  'network.column.rfJump': 'گام مؤثر',
  'network.column.rfCenter': 'مرکز',
  'network.input': 'ورودی',
  'network.totals': 'مجموع',
  'network.notComputed': 'محاسبه نشد',
  'network.notComputedHint': 'محاسبه نشد: یکی از لایه‌های قبلی خطا دارد',
  'network.wholeInput': 'کل ورودی',
  'network.notApplicable': '—',
  'network.upTo': 'حداکثر {size}',
  'network.bytesExact': '{bytes} بایت',
  'network.cellHint': 'انتخاب کنید تا ببینید این عدد چگونه محاسبه می‌شود، با مقدارهای جای‌گذاری‌شده.',
  'network.editLayer': 'ویرایش لایهٔ {index}',

  'quantity.output': 'شکل خروجی',
  'quantity.params': 'تعداد پارامترها',
  'quantity.macs': 'تعداد ضرب‌وجمع‌ها',
  'quantity.memory': 'حافظهٔ فعال‌سازی',
  'quantity.rf_size': 'میدان تأثیر',
  'quantity.rf_jump': 'گام مؤثر (jump)',
  'quantity.rf_center': 'مرکز میدان تأثیر',

  'derivation.title': 'چگونه محاسبه می‌شود: لایهٔ {index}، {quantity}',
  'derivation.loading': 'در حال بارگذاری محاسبه…',
  'derivation.unavailable': 'برای این عدد محاسبه‌ای در دسترس نیست.',
  'derivation.close': 'بستن',
  'derivation.formula': 'فرمول',
  'derivation.substituted': 'با جای‌گذاری عددها',
  'derivation.plainText': 'به صورت متن',

  'editor.title': 'ویرایش لایه‌ها',
  'editor.input': 'شکل ورودی',
  'editor.inputHint': 'C، H، W برای تصویر یا N برای بردار',
  'editor.layerHeading': 'لایهٔ {index}',
  'editor.type': 'نوع',
  'editor.selectLayer': 'لایهٔ موردنظر برای ویرایش',
  'editor.addLayer': 'افزودن لایه بعد از این',
  'editor.addLayerAtEnd': 'افزودن لایه',
  'editor.newLayerType': 'نوع لایهٔ جدید',
  'editor.removeLayer': 'حذف لایهٔ {index}',
  'editor.moveUp': 'انتقال به بالا',
  'editor.moveDown': 'انتقال به پایین',
  'editor.default': 'پیش‌فرض {value}',
  'editor.defaultKernel': 'پیش‌فرض: برابر هسته',
  'editor.required': 'الزامی است',
  'editor.notANumber': 'یک عدد وارد کنید',
  'editor.notANumberOrPair': 'یک عدد یا دو عدد «ارتفاع، عرض» وارد کنید',
  'editor.notAShape': 'عددهایی جداشده با ویرگول وارد کنید، مثلاً ۳، ۱۲۸، ۱۲۸',
  'editor.notPadding': 'یک عدد، «ارتفاع، عرض»، same یا valid وارد کنید',
  'editor.yes': 'بله',
  'editor.no': 'خیر',
  'editor.noLayers': 'بدون لایه',

  'field.out_channels': 'کانال‌های خروجی',
  'field.kernel': 'هسته',
  'field.stride': 'گام',
  'field.padding': 'لایه‌گذاری',
  'field.dilation': 'اتساع',
  'field.groups': 'گروه‌ها',
  'field.bias': 'بایاس',
  'field.output_padding': 'لایه‌گذاری خروجی',
  'field.ceil_mode': 'گرد کردن رو به بالا',
  'field.count_include_pad': 'شمردن لایه‌گذاری',
  'field.output_size': 'اندازهٔ خروجی',
  'field.eps': 'اپسیلون',
  'field.momentum': 'تکانه',
  'field.affine': 'ضرایب آموختنی (affine)',
  'field.track_running_stats': 'نگه‌داشتن آمار جاری',
  'field.negative_slope': 'شیب منفی',
  'field.dim': 'بُعد',
  'field.p': 'احتمال حذف',
  'field.out_features': 'ویژگی‌های خروجی',

  'layer.conv2d': 'Conv2d',
  'layer.convtranspose2d': 'ConvTranspose2d',
  'layer.maxpool2d': 'MaxPool2d',
  'layer.avgpool2d': 'AvgPool2d',
  'layer.globalmaxpool2d': 'ادغام بیشینهٔ سراسری',
  'layer.globalavgpool2d': 'ادغام میانگین سراسری',
  'layer.adaptiveavgpool2d': 'AdaptiveAvgPool2d',
  'layer.batchnorm2d': 'BatchNorm2d',
  'layer.relu': 'ReLU',
  'layer.leakyrelu': 'LeakyReLU',
  'layer.sigmoid': 'Sigmoid',
  'layer.tanh': 'Tanh',
  'layer.gelu': 'GELU',
  'layer.softmax': 'Softmax',
  'layer.dropout': 'Dropout',
  'layer.dropout2d': 'Dropout2d',
  'layer.flatten': 'Flatten',
  'layer.linear': 'Linear',

  'args.kernel': '{value}',
  'args.stride': 'گام {value}',
  'args.padding': 'لایه‌گذاری {value}',
  'args.paddingSame': 'لایه‌گذاری same',
  'args.paddingValid': 'لایه‌گذاری valid',
  'args.dilation': 'اتساع {value}',
  'args.groups': 'گروه {value}',
  'args.noBias': 'بدون بایاس',
  'args.ceil': 'گرد به بالا',
  'args.outChannels': '{value} فیلتر',
  'args.outFeatures': '← {value}',
  'args.linear': '{in} ← {out}',
  'args.p': 'احتمال {value}',
  'args.outputSize': '← {value}',

  'units.bytes': '{value} بایت',
  'units.kib': '{value} کیلوبایت',
  'units.mib': '{value} مگابایت',
  'units.gib': '{value} گیگابایت',
};

export const fa: Messages = {
  ...faCore,
  ...faNetworkBuilder,
  ...faReceptiveField,
  ...faBackprop,
  ...faOptimizer,
  ...faOverfitting,
  ...faShell,
  ...faGradientFlow,
  ...faDepth,
  ...faStart,
  ...faBiasVariance,
  ...faDoubleDescent,
};
