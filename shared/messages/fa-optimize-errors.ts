import type { enOptimizeErrors } from './en-optimize-errors';
import type { TranslatedBook } from './phrase';
import { describeValueFa } from './fa-describe-value';

/**
 * Persian phrasing of the optimizer's checks (column and parameter names stay as typed; the
 * JSON forms a field expects, {"a": 1}, stay in Latin as they are typed).
 */
export const faOptimizeErrors: TranslatedBook<typeof enOptimizeErrors> & Pick<typeof enOptimizeErrors, 'described' | 'describeValue'> = {
  codes: {
    duplicate_column: 'نام ستون "{column}" دو بار آمده است؛ هر ستون نام خودش را لازم دارد',
    target_not_column: '"{target}" ستون نیست؛ ستون‌ها این‌ها هستند: {columns}',
    row_width: 'ردیف {row} {count} مقدار دارد؛ {needed} مقدار لازم است ({columns})',
    no_rows: 'داده هیچ ردیفی ندارد؛ دست‌کم یک نمونه اضافه کنید',
    too_many_params: 'مدل {count} پارامتر دارد؛ حداکثر {max} مجاز است',
    model_reads_target: 'مدل "{target}" را می‌خواند که ستون هدف است؛ مدل فقط ورودی‌ها ({inputs:list}) و پارامترها را می‌تواند بخواند',
    missing_param: 'مدل پارامتر "{param}" را دارد؛ مقدار اولیه‌اش را بدهید',
    column_as_param: '"{name}" ستونی از داده است، نه پارامتر',
    unknown_param: 'مدل پارامتری به نام "{name}" ندارد؛ پارامترهایش این‌ها هستند: {params:list}',
    nesterov_needs_pytorch_form: 'تکانهٔ نستروف به شکل PyTorch داده می‌شود: "form": "pytorch" یا "nesterov": false را بگذارید',
    too_many_steps: '{epochs} دوره {steps} گام می‌شود؛ حداکثر {max} گام مجاز است (این‌جا حداکثر {max_epochs} دوره)',
    too_much_work: '{epochs} دوره روی {rows} ردیف کار زیادی است؛ حداکثر {max} ارزیابی نمونه مجاز است',
    problem_not_object: 'مسئله باید شیئی با model، params، data، target و optimizer باشد، اما {got} است',
    model_not_text: 'فرمول مدل باید متن باشد، مثلاً "a*x1^2 + b"، اما {got} است',
    params_not_object: 'مقدار اولیهٔ هر پارامتر لازم است، مثلاً {"a": 1}، اما {got} آمده است',
    expected_number: 'باید عدد باشد، اما {got} است',
    data_not_object: 'داده باید به شکل {"columns": [...], "rows": [[...], ...]} باشد، اما {got} است',
    columns_not_list: 'باید فهرستی از نام ستون‌ها باشد، اما {got} است',
    column_not_text: 'نام ستون باید متن باشد، اما {got} است',
    rows_not_list: 'باید فهرستی از ردیف‌ها باشد که هر کدام فهرستی از عددهاست، اما {got} است',
    row_not_list: 'باید فهرستی از عددها باشد، اما {got} است',
    target_not_text: 'نام ستون هدف لازم است، اما {got} آمده است',
    expected_one_of: 'باید یکی از {options} باشد، اما {got} است',
    optimizer_not_object: 'باید شیئی مانند {"type": "sgd", "lr": 0.1} باشد، اما {got} است',
    expected_boolean: 'باید true یا false باشد، اما {got} است',
    expected_whole_number: 'باید عدد صحیحی دست‌کم {min} باشد، اما {got} است',
    request_not_object: 'درخواست باید شیئی با x، y و مسئله باشد، اما {got} است',
    axis_not_object: 'باید به شکل {"param": name, "min": number, "max": number} باشد، اما {got} است',
    param_not_text: 'نام یک پارامتر لازم است، اما {got} آمده است',
    resolution_not_number: 'تعداد نقطه‌ها در هر ضلع باید عدد باشد (حداکثر {max} نقطه به کار می‌رود)، اما {got} است',
    at_not_object: 'مقدار هر پارامتر لازم است، مثلاً {"a": 1}، اما {got} آمده است',
    axis_not_param: '"{param}" پارامتر مدل نیست؛ یکی از این‌ها را انتخاب کنید: {params}',
    axis_range: 'بازهٔ محور {axis} باید متناهی باشد و min < max (اما از {min} تا {max} است)',
    same_axes: 'برای دو محور، دو پارامتر متفاوت انتخاب کنید',
    step_not_whole: 'شمارهٔ گام باید عدد صحیحی دست‌کم ۱ باشد، اما {got} است',
    no_such_step: 'گام {step} وجود ندارد؛ این اجرا {count} گام دارد',
  },
  tables: {
    list: { none: 'هیچ‌کدام' },
  },
  described: ['got'],
  describeValue: describeValueFa,
};
