import type { enTrainStops } from './en-train-stops';
import type { TranslatedBook } from './phrase';

/** Persian phrasing of why a training run stopped (NaN and Infinity stay as JavaScript writes them). */
export const faTrainStops: TranslatedBook<typeof enTrainStops> = {
  codes: {
    diverged: 'در گام {step} (دورهٔ {epoch}) متوقف شد: اتلاف {loss} شد؛ آموزش واگرا شد. نرخ یادگیری را کمتر از {lr} بگذارید.',
  },
  tables: {},
};
