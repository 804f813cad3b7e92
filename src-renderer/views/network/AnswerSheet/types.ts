import type { LayerAnswerMarks } from '../../../../shared/core/network/answers';
import type { NetworkOverview } from '../../../../shared/core/network/info';
import type { NetworkSpec } from '../../../../shared/core/network/spec';
import type { Answers } from '../../../../shared/project/tools';
import type { AnswerQuantity } from '../../../lib/state/builder.svelte';

export interface AnswerSheetProps {
  spec: NetworkSpec;
  /** Latest summary (may describe a slightly older spec while the core computes): names a linear layer by its input size. */
  summary: NetworkOverview | null;
  /** The typed answers as saved in the project. */
  answers: Answers;
  /** The core's marks for them (may lag one keystroke behind). */
  marks: readonly LayerAnswerMarks[] | null;
  onAnswer: (index: number, quantity: AnswerQuantity, text: string) => void;
  onSeal: () => void;
  onClear: () => void;
}
