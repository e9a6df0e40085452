import type { MoneyWords } from '../pack.js';

/** English money words. */
export const money: MoneyWords = {
  currencies: [
    ['US dollars', 'USD'],
    ['U.S. dollars', 'USD'],
    ['U.S. dollar', 'USD'],
    ['U.S.-dollar', 'USD'],
    ['US-dollar', 'USD'],
    ['dollars', 'USD'],
    ['dollar', 'USD'],
    ['Mexican pesos', 'MXN'],
    ['Argentine pesos', 'ARS'],
    ['Chilean pesos', 'CLP'],
    ['Colombian pesos', 'COP'],
    ['yuan', 'CNY'],
    ['renminbi', 'CNY'],
    ['euros', 'EUR'],
    ['euro', 'EUR'],
  ],
  pesoCountries: [
    ['\\bMexico\\b', 'MXN'],
    ['\\bArgentin(?:a|e|ian)\\b', 'ARS'],
    ['\\bChile(?:an)?\\b', 'CLP'],
    ['\\bColombi(?:a|an)\\b', 'COP'],
    ['\\bUrugua(?:y|yan)\\b', 'UYU'],
    ['\\bDominican Republic\\b', 'DOP'],
    ['\\bCuba(?:n)?\\b', 'CUP'],
  ],
  kinds: {
    loan: ['loans?', 'lent', 'lend(?:s|ing)?', 'credit(?:s| lines?)?', 'financing', 'financed', 'swap'],
    investment: ['invest(?:s|ed|ing|ment|ments)?', 'investor'],
    cost: ['cost(?:s|ing)?', 'valued', 'worth', 'budget', 'price'],
    trade: ['trade', 'exports?', 'imports?', 'exported', 'imported'],
  },
};
