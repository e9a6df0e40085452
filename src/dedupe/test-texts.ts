// Test texts for src/dedupe: a wire story, its republications, and a different story on the same topic.
// Written for these tests (not copied from any publisher).

export const wireHeadline = 'Chinese firm to build $2.1 billion lithium plant in northern Chile';
export const wireByline = 'By Ana María Ríos, Santiago';

export const wireParagraphs = [
  'Tianqi Lithium Corporation said on Tuesday it would invest 2.1 billion dollars in a lithium hydroxide plant near the port of Mejillones, in the Antofagasta region of northern Chile, the largest Chinese industrial project announced in the country this year.',
  'The plant is expected to produce 40,000 tonnes of battery-grade lithium hydroxide a year once it reaches full capacity in 2028, according to a company statement filed with the Shenzhen stock exchange.',
  "Chile's economy minister, Nicolás Grau, welcomed the announcement and said the government had granted the company preferential access to lithium from the Salar de Atacama under a new policy that requires producers to add value locally.",
  'Construction is due to start in the second half of next year and will employ about 1,500 workers at its peak, the statement said. The finished plant will need 300 permanent staff, most of them hired in the region.',
  'Environmental groups in Antofagasta have questioned the water use of the project, which will draw desalinated seawater through a 14-kilometre pipeline. The company said it would not use fresh water from the Atacama basin.',
  'Chinese companies have become the largest investors in the Chilean lithium chain over the past five years. Tianqi holds a 22 percent stake in SQM, the Chilean producer, and BYD and Tsingshan have announced their own cathode plants.',
  'Analysts said the decision reflected a race to secure supply close to the salt flats as prices for lithium carbonate fell by more than half from their peak in 2022, squeezing producers that buy raw material on the spot market.',
  'The project still needs an environmental permit from the regional authority, a process that typically takes between 12 and 18 months, and the approval of the Chilean Nuclear Energy Commission for the lithium quota.',
];

/** The wire story as one text: headline, byline, paragraphs, separated by blank lines. */
export const wireStory = [wireHeadline, wireByline, ...wireParagraphs].join('\n\n');

/** A different article on the same announcement: the same entities and figures, its own sentences. */
export const sameTopicStory = [
  'Tianqi bets on Chilean lithium hydroxide with Mejillones project',
  'By Carlos Pérez',
  'The Shenzhen-listed Tianqi Lithium Corporation plans to spend 2.1 billion dollars on a refinery in Mejillones, Antofagasta, turning Chilean lithium into hydroxide for electric vehicle batteries instead of shipping it abroad as carbonate.',
  'Economy minister Nicolás Grau told reporters in Santiago that the Salar de Atacama policy, which rewards companies that process lithium in Chile, was beginning to attract the kind of investment the government had hoped for.',
  'Tianqi, which already owns 22 percent of SQM, expects annual output of 40,000 tonnes from 2028. Up to 1,500 people would work on the site during construction and 300 afterwards, the company told the Shenzhen exchange.',
  'Residents and environmental organizations in the region worry about the pipeline that will bring desalinated water 14 kilometres inland, while the Chilean Nuclear Energy Commission must still approve the lithium quota that the plant depends on.',
  'BYD and Tsingshan, two other Chinese groups, have made similar promises in Chile in recent years, and some of those plans were later shelved when lithium carbonate prices collapsed from their 2022 highs.',
  'Regional authorities have between 12 and 18 months to rule on the environmental permit, officials in Antofagasta said on Tuesday.',
].join('\n\n');
