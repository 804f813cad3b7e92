import type { enSchemaIssues } from './en-schema-issues';
import type { TranslatedBook } from './phrase';

/**
 * Persian phrasing of the boundary's refusals. Field names, paths, layer type ids, JSON and the
 * values a file holds stay as written (Latin); the sentence around them is Persian.
 */
/** The core's describeValue words for a layer's `type` ("nothing", "an object", "an array of 9 values"); JSON values stay as written. */
function describeValueFa(text: string): string {
  if (text === 'nothing') return 'هیچ';
  if (text === 'an object') return 'یک شیء';
  const array = /^an array of (\d+) values?$/.exec(text);
  if (array) return `آرایه‌ای با ${array[1]} مقدار`;
  const other = /^a (\w+)$/.exec(text);
  return other ? `یک ${other[1]}` : text;
}

export const faSchemaIssues: TranslatedBook<typeof enSchemaIssues> & { describeValue: (text: string) => string } = {
  codes: {
    zod_invalid_type: 'ورودی نامعتبر: باید {expected:typeName} باشد، اما {received:typeName} است',
    zod_invalid_option: 'گزینهٔ نامعتبر: باید یکی از {options} باشد',
    zod_too_small: 'خیلی کوچک است: {origin:origin} باید {relation:relation}{minimum} باشد',
    zod_too_big: 'خیلی بزرگ است: {origin:origin} باید {relation:relation}{maximum} باشد',
    zod_too_big_size: 'خیلی بلند است: {origin:origin} باید {relation:relation}{maximum} {unit:sizeUnit} داشته باشد',
    zod_unrecognized_keys: '{plural:keyWord} ناشناخته: {keys}',
    is_at_least: '{what:subject} باید دست‌کم {minimum} باشد',
    must_be_at_least: '{what:subject} باید دست‌کم {minimum} باشد',
    is_above: '{what:subject} باید بیشتر از {minimum} باشد',
    is_at_most: '{what:subject} باید حداکثر {maximum} باشد',
    is_at_most_scoped: '{what:subject}{scope:scope} باید حداکثر {maximum} باشد',
    is_whole: '{what:subject} باید عدد صحیح باشد',
    must_be_whole: '{what:subject} باید عدد صحیح باشد',
    must_be_number: '{what:subject} باید یک عدد باشد',
    entry_must_be_number: 'هر عضو {list} باید یک عدد باشد',
    entry_must_be_whole: 'هر عضو {list} باید عدد صحیح باشد',
    at_least_one: 'دست‌کم یک {unit:unitOne} لازم است',
    count_at_least: 'دست‌کم {count} {unit:units} لازم است',
    count_at_most: 'حداکثر {count} {unit:units} مجاز است',
    count_at_most_scoped: 'حداکثر {count} {unit:units}{scope:scope} مجاز است',
    text_at_most: '{what:subject} باید حداکثر {maximum} نویسه باشد',
    text_must_be_at_most: '{what:subject} باید حداکثر {maximum} نویسه باشد',
    text_longer_than: '{what:subject} از {maximum} نویسه بلندتر است',
    must_not_be_empty: '{what:subject} نباید خالی باشد',
    list_of: '{what:subject} باید فهرستی از {item:listItem} باشد',
    list_at_most: '{what:subject} حداکثر {maximum} عضو می‌تواند داشته باشد',
    is_boolean: '{what:subject} باید true یا false باشد',
    is_above_field: '{what} باید بیشتر از {other} باشد',
    truth_form: 'truth باید "sin"، "cubic"، "step" یا فرمولی بر حسب x باشد',
    truth_form_example: 'truth باید "sin"، "cubic"، "step" یا فرمولی بر حسب x باشد، مثلاً "sin(2*pi*x)"',
    domain_form: 'domain باید به شکل [low, high] باشد',
    domain_order: 'domain: ابتدای بازه باید از انتهای آن کوچک‌تر باشد',
    model_family: 'model.family باید polynomial (با degrees و ridge) یا knn (با ks) باشد',
    family_form: 'family باید polynomial یا knn باشد',
    unknown_fields: '{plural:fieldWord} ناشناخته: {fields}',
    spec_not_object: 'مشخصهٔ شبکه باید شیئی با "input" و "layers" باشد',
    spec_unknown_fields: 'فیلدهای ناشناخته: {fields}؛ مشخصهٔ شبکه فقط "input" و "layers" دارد',
    spec_input: 'input: باید به شکل [C, H, W] برای تصویر یا [N] برای بردار باشد، با عدد',
    spec_layers_not_array: 'layers: باید آرایه‌ای از شیءهای لایه باشد',
    spec_too_many_layers: 'layers: {count} لایه از حد مجاز {limit} لایه بیشتر است',
    layer_not_object: 'لایهٔ {layer}: باید شیئی با "type" باشد',
    layer_unknown_type: 'لایهٔ {layer}: نوع ناشناخته ({got})؛ نوع‌های معتبر: {valid}',
    layer_field_required: 'لایهٔ {layer} ({type}): {field}: لازم است',
    layer_unknown_fields: 'لایهٔ {layer} ({type}): {plural:fieldWord} ناشناخته: {fields}',
    layer_field_type: 'لایهٔ {layer} ({type}): {field}: باید {expected:typeName} باشد',
    layer_field_pair: 'لایهٔ {layer} ({type}): {field}: باید یک عدد یا [height, width] باشد',
  },
  tables: {
    subject: {
      'a width': 'پهنای هر لایه',
      noise: 'نویز',
      'the validation share': 'سهم داده‌های اعتبارسنجی',
      'the learning rate': 'نرخ یادگیری',
      'the seed': 'بذر تصادفی (seed)',
      depth: 'عمق',
      width: 'پهنا',
      batch: 'اندازهٔ دسته',
      steps: 'تعداد گام‌ها',
      'the deep width': 'پهنای شبکهٔ عمیق',
      'a formula': 'فرمول',
      'an answer': 'هر پاسخ',
      name: 'نام',
      'the input size': 'اندازهٔ ورودی',
      'the output size': 'اندازهٔ خروجی',
      'the code': 'کد',
      epoch: 'شمارهٔ دوره',
      bins: 'تعداد بازه‌ها',
    },
    scope: { here: ' در اینجا', twoD: ' در حالت دوبعدی' },
    unitOne: { hiddenLayer: 'لایهٔ پنهان' },
    units: { points: 'نقطه', epochs: 'دوره', hiddenLayers: 'لایهٔ پنهان', datasets: 'مجموعهٔ داده' },
    listItem: { numbers: 'عددها', wholeNumbers: 'عددهای صحیح', xy: 'شیءهایی به شکل {"x": [...], "y": [...]}' },
    fieldWord: { one: 'فیلد', many: 'فیلدهای' },
    keyWord: { one: 'کلید', many: 'کلیدهای' },
    typeName: {
      number: 'عدد',
      int: 'عدد صحیح',
      string: 'متن',
      boolean: 'true یا false',
      object: 'شیء',
      array: 'آرایه',
      tuple: 'آرایه',
      undefined: 'خالی',
      Infinity: 'بی‌نهایت',
      '-Infinity': 'منفی بی‌نهایت',
    },
    origin: { number: 'عدد', int: 'عدد صحیح', string: 'متن', array: 'آرایه', set: 'مجموعه', map: 'نگاشت', file: 'پرونده', value: 'مقدار' },
    relation: { exactly: 'دقیقاً ', at_least: 'دست‌کم ', above: 'بیشتر از ', at_most: 'حداکثر ', below: 'کمتر از ' },
    sizeUnit: { characters: 'نویسه', items: 'عضو', entries: 'عضو', bytes: 'بایت' },
  },
  describeValue: describeValueFa,
};
