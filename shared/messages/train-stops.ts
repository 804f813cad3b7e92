import { enTrainStops, type TrainStopCode } from './en-train-stops';
import { faTrainStops } from './fa-train-stops';
import { phrase, type EngineLocale, type EngineMessage, type Phrasebook, type ValueWriter } from './phrase';

export const trainStopBooks: Record<EngineLocale, Phrasebook<TrainStopCode>> = { en: enTrainStops, fa: faTrainStops };

/** Why a training run stopped, in `locale`; without a message as data, the English `fallback`. */
export function phraseTrainStop(locale: EngineLocale, message: EngineMessage<TrainStopCode> | null | undefined, write: ValueWriter, fallback: string): string {
  // A stop from an older core has no values: its English stays.
  return message?.values ? phrase(trainStopBooks[locale], message, write, fallback) : fallback;
}
