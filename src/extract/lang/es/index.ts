import type { LanguagePack } from '../pack.js';
import { counts } from './counts.js';
import { examples } from './examples.js';
import { facilities } from './facilities.js';
import { funders } from './funders.js';
import { indicators } from './indicators.js';
import { money } from './money.js';
import { names } from './names.js';
import { numbers } from './numbers.js';
import { places } from './places.js';
import { qualifiers } from './qualifiers.js';
import { quotes } from './quotes.js';
import { relations } from './relations.js';
import { sentences } from './sentences.js';
import { statuses } from './statuses.js';
import { subjects } from './subjects.js';
import { times } from './times.js';
import { units } from './units.js';

/** What the extractor knows of Spanish: one file per concern, assembled here. */
export const es: LanguagePack = {
  code: 'es',
  numbers,
  units,
  counts,
  money,
  qualifiers,
  times,
  sentences,
  subjects,
  indicators,
  statuses,
  relations,
  funders,
  names,
  facilities,
  quotes,
  places,
  examples,
};
