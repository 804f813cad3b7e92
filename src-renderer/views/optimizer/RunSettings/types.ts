import type { OptimizeProblem, OptimizerConfig } from '../../../../shared/core/optim/index';

export interface RunSettingsProps {
  problem: OptimizeProblem;
  /** The optimizer compared on the same problem, or null. */
  compare: OptimizerConfig | null;
  /** Update rules (LaTeX lines) from the core, for the main and the compared optimizer. */
  rule: string[];
  compareRule: string[];
  onSetting: <K extends 'loss' | 'reduction' | 'mode' | 'batch_size' | 'epochs' | 'shuffle' | 'seed'>(key: K, value: OptimizeProblem[K]) => void;
  onOptimizerType: (type: OptimizerConfig['type'], which: 'main' | 'compare') => void;
  onOptimizer: (config: OptimizerConfig, which: 'main' | 'compare', coalesceKey: string | null) => void;
  onCompareNone: () => void;
}
