/** Names of the values the data uses (GCDF sectors, statuses, flow types, claim properties) in each language. */
export type Names = Record<string, { en: string; es: string; pt: string }>;

const n = (en: string, es: string, pt: string) => ({ en, es, pt });

/** AidData GCDF 3.0 sector names (OECD DAC groups), as the dataset spells them. */
export const sectorNames: Names = {
  HEALTH: n('Health', 'Salud', 'Saúde'),
  EDUCATION: n('Education', 'Educación', 'Educação'),
  'OTHER SOCIAL INFRASTRUCTURE AND SERVICES': n(
    'Other social infrastructure',
    'Otra infraestructura social',
    'Outra infraestrutura social',
  ),
  ENERGY: n('Energy', 'Energía', 'Energia'),
  'TRANSPORT AND STORAGE': n(
    'Transport and storage',
    'Transporte y almacenamiento',
    'Transporte e armazenagem',
  ),
  'INDUSTRY, MINING, CONSTRUCTION': n(
    'Industry, mining, construction',
    'Industria, minería, construcción',
    'Indústria, mineração, construção',
  ),
  'GOVERNMENT AND CIVIL SOCIETY': n(
    'Government and civil society',
    'Gobierno y sociedad civil',
    'Governo e sociedade civil',
  ),
  'AGRICULTURE, FORESTRY, FISHING': n(
    'Agriculture, forestry, fishing',
    'Agricultura, silvicultura, pesca',
    'Agricultura, silvicultura, pesca',
  ),
  'EMERGENCY RESPONSE': n('Emergency response', 'Respuesta de emergencia', 'Resposta a emergências'),
  COMMUNICATIONS: n('Communications', 'Comunicaciones', 'Comunicações'),
  'TRADE POLICIES AND REGULATIONS': n(
    'Trade policies and regulations',
    'Políticas y regulaciones comerciales',
    'Políticas e regulamentos comerciais',
  ),
  'BUSINESS AND OTHER SERVICES': n(
    'Business and other services',
    'Empresas y otros servicios',
    'Empresas e outros serviços',
  ),
  'WATER SUPPLY AND SANITATION': n('Water and sanitation', 'Agua y saneamiento', 'Água e saneamento'),
  'OTHER MULTISECTOR': n('Multisector', 'Multisectorial', 'Multissetorial'),
  'DEVELOPMENTAL FOOD AID/FOOD SECURITY ASSISTANCE': n(
    'Food aid and food security',
    'Ayuda alimentaria y seguridad alimentaria',
    'Ajuda alimentar e segurança alimentar',
  ),
  'GENERAL ENVIRONMENTAL PROTECTION': n(
    'Environmental protection',
    'Protección ambiental',
    'Proteção ambiental',
  ),
  'DISASTER PREVENTION AND PREPAREDNESS': n(
    'Disaster prevention and preparedness',
    'Prevención y preparación ante desastres',
    'Prevenção e preparação para desastres',
  ),
  'RECONSTRUCTION RELIEF AND REHABILITATION': n(
    'Reconstruction and rehabilitation',
    'Reconstrucción y rehabilitación',
    'Reconstrução e reabilitação',
  ),
  'GENERAL BUDGET SUPPORT': n('Budget support', 'Apoyo presupuestario', 'Apoio orçamentário'),
  'OTHER COMMODITY ASSISTANCE': n('Commodity assistance', 'Asistencia en bienes', 'Assistência em bens'),
  'ACTION RELATING TO DEBT': n('Debt relief', 'Acciones relativas a la deuda', 'Ações relativas à dívida'),
  'BANKING AND FINANCIAL SERVICES': n(
    'Banking and finance',
    'Banca y servicios financieros',
    'Bancos e serviços financeiros',
  ),
  'POPULATION POLICIES/PROGRAMMES AND REPRODUCTIVE HEALTH': n(
    'Population and reproductive health',
    'Población y salud reproductiva',
    'População e saúde reprodutiva',
  ),
  'SUPPORT TO NON-GOVERNMENTAL ORGANIZATIONS (NGOS) AND GOVERNMENT ORGANIZATIONS': n(
    'Support to NGOs',
    'Apoyo a ONG',
    'Apoio a ONGs',
  ),
  UNALLOCATED: n('Unallocated', 'Sin asignar', 'Não alocado'),
};

export const statusNames: Names = {
  announced: n('Announced', 'Anunciado', 'Anunciado'),
  signed: n('Signed', 'Firmado', 'Assinado'),
  approved: n('Approved', 'Aprobado', 'Aprovado'),
  under_construction: n('Under construction', 'En construcción', 'Em construção'),
  completed: n('Completed', 'Terminado', 'Concluído'),
  operational: n('Operational', 'En operación', 'Em operação'),
  expanded: n('Expanded', 'Ampliado', 'Ampliado'),
  suspended: n('Suspended', 'Suspendido', 'Suspenso'),
  cancelled: n('Cancelled', 'Cancelado', 'Cancelado'),
  proposed: n('Proposed', 'Propuesto', 'Proposto'),
  accepted: n('Accepted', 'Aceptado', 'Aceito'),
  rejected: n('Rejected', 'Rechazado', 'Rejeitado'),
};

export const flowNames: Names = {
  commitment: n('Commitment', 'Compromiso', 'Compromisso'),
  loan: n('Loan', 'Préstamo', 'Empréstimo'),
  cost: n('Cost', 'Costo', 'Custo'),
  amount: n('Amount', 'Monto', 'Montante'),
  investment: n('Investment', 'Inversión', 'Investimento'),
  grant: n('Grant', 'Donación', 'Doação'),
};

export const propertyNames: Names = {
  ...flowNames,
  count: n('Count', 'Cantidad', 'Quantidade'),
  share: n('Share', 'Proporción', 'Participação'),
  recipient: n('Recipient', 'Receptor', 'Recebedor'),
  sector: n('Sector', 'Sector', 'Setor'),
  commitment_year: n('Commitment year', 'Año del compromiso', 'Ano do compromisso'),
  length: n('Length', 'Longitud', 'Comprimento'),
  status: n('Status', 'Estado', 'Situação'),
  capacity: n('Capacity', 'Capacidad', 'Capacidade'),
  located_in: n('Located in', 'Ubicado en', 'Localizado em'),
  voltage: n('Voltage', 'Tensión', 'Tensão'),
  volume: n('Volume', 'Volumen', 'Volume'),
  area: n('Area', 'Superficie', 'Área'),
  lender: n('Lender', 'Prestamista', 'Credor'),
  donor: n('Donor', 'Donante', 'Doador'),
  energy: n('Energy', 'Energía', 'Energia'),
  trade: n('Trade', 'Comercio', 'Comércio'),
  jobs: n('Jobs', 'Empleos', 'Empregos'),
  growth_multiple: n('Growth (times)', 'Crecimiento (veces)', 'Crescimento (vezes)'),
  operator: n('Operator', 'Operador', 'Operador'),
  investor: n('Investor', 'Inversor', 'Investidor'),
  contractor: n('Contractor', 'Contratista', 'Empreiteira'),
  throughput: n('Throughput', 'Movimiento', 'Movimentação'),
  part_of: n('Part of', 'Parte de', 'Parte de'),
  quote: n('Quote', 'Cita', 'Citação'),
  financier: n('Financier', 'Financiador', 'Financiador'),
  date: n('Date', 'Fecha', 'Data'),
};

/** Kinds of mechanisms and policies in the registry (`attributes.kind`). */
export const kindNames: Names = {
  forum: n('Forum', 'Foro', 'Fórum'),
  fund: n('Fund', 'Fondo', 'Fundo'),
  'loan programme': n('Loan programme', 'Programa de préstamos', 'Programa de empréstimos'),
  initiative: n('Initiative', 'Iniciativa', 'Iniciativa'),
  'financial mechanism': n('Financial mechanism', 'Mecanismo financiero', 'Mecanismo financeiro'),
  'action plan': n('Action plan', 'Plan de acción', 'Plano de ação'),
  programme: n('Programme', 'Programa', 'Programa'),
  'policy paper': n('Policy paper', 'Documento de política', 'Documento de política'),
};

/**
 * The registry's mechanisms and policies (data/reference/organizations.tsv) by id, named in each language as
 * their own texts name them. Entities found in documents keep the name they were found with.
 */
export const bodyNames: Names = {
  'mech:china-celac-forum': n('China–CELAC Forum', 'Foro China-CELAC', 'Fórum China-CELAC'),
  'mech:china-lac-fund': n(
    'China–LAC Cooperation Fund',
    'Fondo de Cooperación China-América Latina',
    'Fundo de Cooperação China-América Latina',
  ),
  'mech:china-lac-infra-loans': n(
    'China–LAC special infrastructure loans',
    'Préstamos especiales para infraestructura China-América Latina',
    'Empréstimos especiais para infraestrutura China-América Latina',
  ),
  'mech:bri': n(
    'Belt and Road Initiative',
    'Iniciativa de la Franja y la Ruta',
    'Iniciativa Cinturão e Rota',
  ),
  'mech:swap': n('Bilateral currency swap line', 'Swap bilateral de monedas', 'Swap cambial bilateral'),
  'mech:panda-bonds': n('Panda bonds', 'Bonos panda', 'Títulos panda'),
  'mech:capacity-fund': n(
    'Production Capacity Cooperation Investment Fund',
    'Fondo de Inversión para la Cooperación en Capacidad Productiva',
    'Fundo de Investimento para a Cooperação em Capacidade Produtiva',
  ),
  'policy:jap-2025-2027': n(
    'China–CELAC Joint Action Plan 2025–2027',
    'Plan de Acción Conjunto China-CELAC 2025-2027',
    'Plano de Ação Conjunto China-CELAC 2025-2027',
  ),
  'policy:five-major-projects': n(
    'Five Major Projects',
    'Cinco Grandes Programas',
    'Cinco Grandes Programas',
  ),
  'policy:five-major-projects:unity': n('Unity Programme', 'Programa de Unidad', 'Programa de Unidade'),
  'policy:five-major-projects:development': n(
    'Development Programme',
    'Programa de Desarrollo',
    'Programa de Desenvolvimento',
  ),
  'policy:five-major-projects:civilization': n(
    'Civilization Programme',
    'Programa de Civilización',
    'Programa de Civilização',
  ),
  'policy:five-major-projects:peace': n('Peace Programme', 'Programa de Paz', 'Programa de Paz'),
  'policy:five-major-projects:people': n(
    'People-to-People Connectivity Programme',
    'Programa de Conectividad entre los Pueblos',
    'Programa de Conectividade entre os Povos',
  ),
  'policy:lac-paper-2008': n(
    "China's Policy Paper on Latin America and the Caribbean (2008)",
    'Documento de Política de China sobre América Latina y el Caribe (2008)',
    'Documento de Política da China para a América Latina e o Caribe (2008)',
  ),
  'policy:lac-paper-2016': n(
    "China's Policy Paper on Latin America and the Caribbean (2016)",
    'Documento de Política de China sobre América Latina y el Caribe (2016)',
    'Documento de Política da China para a América Latina e o Caribe (2016)',
  ),
  'policy:lac-paper-2025': n(
    "China's Policy Paper on Latin America and the Caribbean (2025)",
    'Documento de Política de China sobre América Latina y el Caribe (2025)',
    'Documento de Política da China para a América Latina e o Caribe (2025)',
  ),
};

/** The measures of indicator ids (`indicator:<measure>:<actor>:<place>`, src/extract/indicators.ts). */
export const measureNames: Names = {
  'solar-pv-capacity': n(
    'solar PV capacity',
    'capacidad solar fotovoltaica',
    'capacidade solar fotovoltaica',
  ),
  'wind-capacity': n('wind power capacity', 'capacidad eólica', 'capacidade eólica'),
  'hydropower-capacity': n('hydropower capacity', 'capacidad hidroeléctrica', 'capacidade hidrelétrica'),
  'fdi-stock': n('direct investment stock', 'stock de inversión directa', 'estoque de investimento direto'),
  fdi: n('direct investment', 'inversión directa', 'investimento direto'),
  trade: n('trade', 'comercio', 'comércio'),
  exports: n('exports', 'exportaciones', 'exportações'),
  imports: n('imports', 'importaciones', 'importações'),
  loans: n('loans', 'préstamos', 'empréstimos'),
  'infrastructure-projects': n(
    'infrastructure projects',
    'proyectos de infraestructura',
    'projetos de infraestrutura',
  ),
  jobs: n('jobs', 'empleos', 'empregos'),
  capacity: n('capacity', 'capacidad', 'capacidade'),
  investment: n('investment', 'inversión', 'investimento'),
};

/** How an indicator's place reads after its measure ("in Latin America and the Caribbean"). */
export const indicatorPlaces: Names = {
  lac: n(
    'in Latin America and the Caribbean',
    'en América Latina y el Caribe',
    'na América Latina e no Caribe',
  ),
};

/** Entity types (src/domain/entity.ts). */
export const typeNames: Names = {
  country: n('Country', 'País', 'País'),
  organization: n('Organization', 'Organización', 'Organização'),
  person: n('Person', 'Persona', 'Pessoa'),
  place: n('Place', 'Lugar', 'Lugar'),
  project: n('Project', 'Proyecto', 'Projeto'),
  mechanism: n('Mechanism', 'Mecanismo', 'Mecanismo'),
  policy: n('Policy', 'Política', 'Política'),
  event: n('Event', 'Evento', 'Evento'),
  indicator: n('Indicator', 'Indicador', 'Indicador'),
};

/** Where a claim comes from (`origin.kind`). */
export const originNames: Names = {
  extractor: n('Extraction', 'Extracción', 'Extração'),
  import: n('Dataset import', 'Importación de datos', 'Importação de dados'),
  person: n('Editor', 'Editor', 'Editor'),
};
