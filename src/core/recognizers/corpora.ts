/** Every recognizer's corpus, in the order the pipeline runs them (numbers and periods are read by the others). */
import type { Corpus } from './corpus';
import { corpus as dates } from './dates/examples';
import { corpus as entities } from './entities/examples';
import { corpus as figures } from './figures/examples';
import { corpus as money } from './money/examples';
import { corpus as numbers } from './numbers/examples';
import { corpus as periods } from './periods/examples';

export const CORPORA: ReadonlyArray<Corpus<object>> = [numbers, periods, money, dates, figures, entities];
