/** English phrasing of why a training run stopped (shared/core/dense/train.ts): word for word its `message` (a test holds them equal). */
export const enTrainStops = {
  codes: {
    diverged: 'Stopped at step {step} (epoch {epoch}): the loss became {loss}; the run diverged. Try a smaller learning rate than {lr}.',
  },
  tables: {},
};

export type TrainStopCode = keyof typeof enTrainStops.codes;
