import { defaultLexicon } from '../../reference/lexicon.js';
import { registeredPacks } from './index.js';
import { runPackContract } from './pack-contract.js';

// Every registered language pack passes the same contract.
for (const pack of registeredPacks) runPackContract(pack, defaultLexicon());
