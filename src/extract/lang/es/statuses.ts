import type { StatusWords } from '../pack.js';

// "Entró en operación" also in the Portuguese forms of the verb (entrou, entraram), as the extractor has always read it.
/** How Spanish says what stage a project is at. */
export const statuses: StatusWords = {
  words: {
    cancelled: ['cancelad[oa]s?', 'desistid[oa]', 'abandonad[oa]', 'descartad[oa]'],
    suspended: ['suspendid[oa]s?', 'paralizad[oa]s?', 'detenid[oa]s?', 'interrumpid[oa]s?'],
    operational: [
      'inaugur(?:ó|ado|ada|ados|adas)',
      'entr(?:ó|aron|ou|aram)\\s+en\\s+operaci[oó]n',
      'en\\s+operaci[oó]n',
      'comenz[oó]\\s+a\\s+operar',
      'puest[oa]\\s+en\\s+marcha',
    ],
    completed: [
      'conclu[ií]d[oa]s?',
      'terminad[oa]s?',
      'finalizad[oa]s?',
      'culminad[oa]s?',
      'complet(?:ó|ado|ada)',
    ],
    expanded: [
      'ampliaci[oó]n',
      'ampliad[oa]',
      'renovad[oa]',
      'renovaci[oó]n',
      'restaurad[oa]',
      'moderniza(?:d[oa]|ci[oó]n)',
      'rehabilitad[oa]',
    ],
    under_construction: [
      'en\\s+construcci[oó]n',
      'se\\s+construye',
      'est[aá]\\s+siendo\\s+construid[oa]',
      'primera\\s+piedra',
      'inici[oó]\\s+la\\s+construcci[oó]n',
      'avance\\s+de\\s+obra',
      'obras\\s+(?:de|del)\\b',
    ],
    signed: [
      'firm(?:ó|aron|ado|ada)',
      'suscri(?:bió|bieron|to|ta)',
      'firma\\s+del?\\s+(?:acuerdo|contrato|convenio)',
    ],
    announced: [
      'anunci(?:ó|aron|ado|ada)',
      'proyectad[oa]',
      'previst[oa]',
      'planead[oa]',
      'propuest[oa]',
      'construir[aá]',
      'construirá',
    ],
  },
};
