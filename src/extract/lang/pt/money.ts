import type { MoneyWords } from '../pack.js';

/** Portuguese money words. */
export const money: MoneyWords = {
  currencies: [
    ['dólares norte-americanos', 'USD'],
    ['dólares', 'USD'],
    ['pesos', 'PESO'],
    ['reais', 'BRL'],
    ['real', 'BRL'],
    ['euros', 'EUR'],
  ],
  pesoCountries: [
    ['\\bM[eé]xic(?:o|an[oa]s?)\\b', 'MXN'],
    ['\\bmexican[oa]s?\\b', 'MXN'],
    ['\\bArgentin(?:a|os?|as?)\\b', 'ARS'],
    ['\\bChile\\b', 'CLP'],
    ['\\bchilen[oa]s?\\b', 'CLP'],
    ['\\bColombia\\b', 'COP'],
    ['\\bcolombian[oa]s?\\b', 'COP'],
    ['\\bUruguay\\b', 'UYU'],
    ['\\buruguay[oa]s?\\b', 'UYU'],
    ['\\bRep[uú]blica Dominicana\\b', 'DOP'],
    ['\\bCuba\\b', 'CUP'],
    ['\\bcuban[oa]s?\\b', 'CUP'],
  ],
  kinds: {
    loan: ['empréstimos?', 'emprestou', 'financiamento', 'financiad[oa]'],
    investment: ['investimentos?', 'investir[aá]?', 'investiu', 'investe', 'investid[oa]s?', 'aporte'],
    cost: ['custa', 'custou', 'custará', 'custo', 'orçamento', 'valor'],
    trade: ['comércio', 'exportações', 'importações', 'exportou', 'importou'],
  },
};
