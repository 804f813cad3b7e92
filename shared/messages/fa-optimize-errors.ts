import type { enOptimizeErrors } from './en-optimize-errors';
import type { TranslatedBook } from './phrase';

/** Persian phrasing of the optimizer's checks (column and parameter names stay as typed). */
export const faOptimizeErrors: TranslatedBook<typeof enOptimizeErrors> = {
  codes: {
    duplicate_column: 'نام ستون "{column}" دو بار آمده است؛ هر ستون نام خودش را لازم دارد',
    target_not_column: '"{target}" ستون نیست؛ ستون‌ها این‌ها هستند: {columns}',
    row_width: 'ردیف {row} {count} مقدار دارد؛ {needed} مقدار لازم است ({columns})',
    no_rows: 'داده هیچ ردیفی ندارد؛ دست‌کم یک نمونه اضافه کنید',
    too_many_params: 'مدل {count} پارامتر دارد؛ حداکثر {max} مجاز است',
    model_reads_target: 'مدل "{target}" را می‌خواند که ستون هدف است؛ مدل فقط ورودی‌ها ({inputs}) و پارامترها را می‌تواند بخواند',
    missing_param: 'مدل پارامتر "{param}" را دارد؛ مقدار اولیه‌اش را بدهید',
    column_as_param: '"{name}" ستونی از داده است، نه پارامتر',
    unknown_param: 'مدل پارامتری به نام "{name}" ندارد؛ پارامترهایش این‌ها هستند: {params}',
    nesterov_needs_pytorch_form: 'تکانهٔ نستروف به شکل PyTorch داده می‌شود: "form": "pytorch" یا "nesterov": false را بگذارید',
    too_many_steps: '{epochs} دوره {steps} گام می‌شود؛ حداکثر {max} گام مجاز است (این‌جا حداکثر {max_epochs} دوره)',
    too_much_work: '{epochs} دوره روی {rows} ردیف کار زیادی است؛ حداکثر {max} ارزیابی نمونه مجاز است',
  },
  tables: {},
};
