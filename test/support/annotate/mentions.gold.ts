// Hand-annotated fictional news paragraphs for measuring the mention finder. Conventions: titles,
// "the" and possessive "'s" are outside the mention; nationality adjectives ("Ostravian") and
// generic groups ("police", "the government") are not mentions; both parts of a dateline are places.
import type { MentionKind } from '../../../src/model.js';

export interface GoldParagraph {
  text: string;
  mentions: [string, MentionKind][];
}

/** The paragraphs the rules were developed against. */
export const MENTION_GOLD: readonly GoldParagraph[] = [
  {
    text:
      'VELMORA, Ostravia -- Dock workers at the port of Velmora walked out on Monday, the Harbour Workers Union said. ' +
      'Union leader Tomas Brell told reporters the strike would last until wages rose. ' +
      'Brell said 2,000 members had joined the picket lines. ' +
      'Labour Minister Anna Kovac called the walkout illegal.',
    mentions: [
      ['VELMORA', 'place'],
      ['Ostravia', 'place'],
      ['Velmora', 'place'],
      ['Harbour Workers Union', 'organization'],
      ['Tomas Brell', 'person'],
      ['Brell', 'person'],
      ['Anna Kovac', 'person'],
    ],
  },
  {
    text:
      'Kovac met representatives of the Velmora Port Authority on Tuesday. ' +
      'The talks in Velmora broke down after three hours, according to the Ostravian News Agency. ' +
      'President Radu Fenwick urged both sides to return to the table. ' +
      'Fenwick is due to visit Geneva next week.',
    mentions: [
      ['Kovac', 'person'],
      ['Velmora Port Authority', 'organization'],
      ['Velmora', 'place'],
      ['Ostravian News Agency', 'organization'],
      ['Radu Fenwick', 'person'],
      ['Fenwick', 'person'],
      ['Geneva', 'place'],
    ],
  },
  {
    text:
      'Gen. Marcus Tolland, commander of the Northern Defence Forces, said his troops had reached Kessar. ' +
      'The town, near the border with Valdoria, had been held by rebels since March. ' +
      'Tolland said the United Nations had been asked to send observers. ' +
      'A UN spokesman, Pierre Lagarde, confirmed the request.',
    mentions: [
      ['Marcus Tolland', 'person'],
      ['Northern Defence Forces', 'organization'],
      ['Kessar', 'place'],
      ['Valdoria', 'place'],
      ['Tolland', 'person'],
      ['United Nations', 'organization'],
      ['UN', 'organization'],
      ['Pierre Lagarde', 'person'],
    ],
  },
  {
    text:
      'Floods swept through Brenmoor Province on Wednesday, killing at least 40 people. ' +
      'The Red Crescent said it had sent 15 trucks of supplies from Tarsa. ' +
      'Governor Leila Hamdan declared a state of emergency. ' +
      'Residents of Brenmoor said the river rose within an hour.',
    mentions: [
      ['Brenmoor Province', 'place'],
      ['Red Crescent', 'organization'],
      ['Tarsa', 'place'],
      ['Leila Hamdan', 'person'],
      ['Brenmoor', 'place'],
    ],
  },
  {
    text:
      'Shares in Corvane Industries fell 9 percent after the company warned on profits. ' +
      'Chief executive Helena Marsh said demand in China had slowed. ' +
      'Analysts at Halbrook Capital Partners cut their forecasts. ' +
      'Marsh will face shareholders in London on Friday.',
    mentions: [
      ['Corvane Industries', 'organization'],
      ['Helena Marsh', 'person'],
      ['China', 'place'],
      ['Halbrook Capital Partners', 'organization'],
      ['Marsh', 'person'],
      ['London', 'place'],
    ],
  },
  {
    text:
      'The Ministry of Health in Ostravia reported 120 new cases of the virus. ' +
      'Health Minister Jonas Petrov urged calm. ' +
      'The World Health Organization sent a team to the capital, Velmora. ' +
      'Petrov said the team would arrive on Thursday.',
    mentions: [
      ['Ministry of Health', 'organization'],
      ['Ostravia', 'place'],
      ['Jonas Petrov', 'person'],
      ['World Health Organization', 'organization'],
      ['Velmora', 'place'],
      ['Petrov', 'person'],
    ],
  },
  {
    text:
      'Mr. Okafor, a lawyer for the families, said the court in Tarsa had ignored the evidence. ' +
      'The Supreme Court will hear the appeal in June. ' +
      'Judge Miriam Castell adjourned the hearing. ' +
      'Okafor said he would take the case to the European Court of Human Rights.',
    mentions: [
      ['Okafor', 'person'],
      ['Tarsa', 'place'],
      ['Supreme Court', 'organization'],
      ['Miriam Castell', 'person'],
      ['Okafor', 'person'],
      ['European Court of Human Rights', 'organization'],
    ],
  },
  {
    text:
      'Protesters gathered outside parliament in Kessar on Saturday. ' +
      'Opposition leader Dario Venn addressed the crowd. ' +
      'The Freedom Party has called for early elections. ' +
      'Venn told Reuters the government had lost its mandate.',
    mentions: [
      ['Kessar', 'place'],
      ['Dario Venn', 'person'],
      ['Freedom Party', 'organization'],
      ['Venn', 'person'],
      ['Reuters', 'organization'],
    ],
  },
  {
    text:
      'NORDHAVEN (AP) -- A fire at a chemical plant owned by Altmark Chemicals forced 300 residents from their homes. ' +
      'Fire chief Samuel Ortega said the blaze was under control. ' +
      'The plant lies on the banks of the Selva River. ' +
      'Ortega said an investigation would begin in the morning.',
    mentions: [
      ['NORDHAVEN', 'place'],
      ['AP', 'organization'],
      ['Altmark Chemicals', 'organization'],
      ['Samuel Ortega', 'person'],
      ['Selva River', 'place'],
      ['Ortega', 'person'],
    ],
  },
  {
    text:
      'U.S.-backed forces entered al-Hol camp on Sunday. ' +
      'The Syrian Democratic Forces said hundreds of fighters had surrendered. ' +
      'Commander Mazloum Abdi said the operation in Baghouz was nearly over. ' +
      'Aid agencies warned that conditions in the camp were dire.',
    mentions: [
      ['al-Hol', 'place'],
      ['Syrian Democratic Forces', 'organization'],
      ['Mazloum Abdi', 'person'],
      ['Baghouz', 'place'],
    ],
  },
  {
    text:
      "Prime Minister Elena Sorin's coalition collapsed on Thursday. " +
      'Her partners in the Green Alliance withdrew after a dispute over the budget. ' +
      'Sorin will meet King Aldric at the palace in Varno. ' +
      'The European Commission said it was watching the situation closely.',
    mentions: [
      ['Elena Sorin', 'person'],
      ['Green Alliance', 'organization'],
      ['Sorin', 'person'],
      ['Aldric', 'person'],
      ['Varno', 'place'],
      ['European Commission', 'organization'],
    ],
  },
  {
    text:
      'Talks between Ostravia and Valdoria resumed in Vienna. ' +
      'Foreign Minister Karl Jessen led the Ostravian delegation. ' +
      'Jessen said a deal on water rights was close. ' +
      'Diplomats from Germany and France attended as observers.',
    mentions: [
      ['Ostravia', 'place'],
      ['Valdoria', 'place'],
      ['Vienna', 'place'],
      ['Karl Jessen', 'person'],
      ['Jessen', 'person'],
      ['Germany', 'place'],
      ['France', 'place'],
    ],
  },
];

/**
 * Written after the rules were settled and scored once without changing the rules for them: the
 * honest estimate of how the finder does on text it has not seen.
 */
export const MENTION_HELD_OUT: readonly GoldParagraph[] = [
  {
    text:
      'Rescue teams in Pellmar pulled two survivors from the rubble late on Sunday, the city fire department said. ' +
      'Mayor Ilse Dragan thanked volunteers who had driven from Torvik overnight. ' +
      'The Ostravian Red Cross said its blood banks were running low.',
    mentions: [
      ['Pellmar', 'place'],
      ['Ilse Dragan', 'person'],
      ['Torvik', 'place'],
      ['Ostravian Red Cross', 'organization'],
    ],
  },
  {
    text:
      'Investors sold shares of Brightwater Energy after its chief financial officer, Paul Hendry, resigned. ' +
      'Hendry had led the company since 2015. ' +
      'A statement from the Valdorian Securities Commission said it had opened an inquiry.',
    mentions: [
      ['Brightwater Energy', 'organization'],
      ['Paul Hendry', 'person'],
      ['Hendry', 'person'],
      ['Valdorian Securities Commission', 'organization'],
    ],
  },
  {
    text:
      'Villagers near Mount Arvel were told to leave their homes as the volcano rumbled. ' +
      'Geologist Rana Obeid of the National Seismic Institute said an eruption was possible within days. ' +
      'Obeid said the last major eruption, in 1911, buried the town of Sarn.',
    mentions: [
      ['Mount Arvel', 'place'],
      ['Rana Obeid', 'person'],
      ['National Seismic Institute', 'organization'],
      ['Obeid', 'person'],
      ['Sarn', 'place'],
    ],
  },
  {
    text:
      'The opposition Civic Renewal Party won 41 seats, official results showed on Monday. ' +
      'Its leader, Martin Kloss, promised to form a government by March. ' +
      'Kloss spent the evening at party headquarters in Velmora.',
    mentions: [
      ['Civic Renewal Party', 'organization'],
      ['Martin Kloss', 'person'],
      ['Kloss', 'person'],
      ['Velmora', 'place'],
    ],
  },
  {
    text:
      'Two aid workers kidnapped in northern Kessaria were released on Friday, the charity Hope Without Borders said. ' +
      'The workers, a Canadian and a Kenyan, were handed to officials in Dunmore. ' +
      'Ambassador Grace Osei flew to Dunmore to meet them.',
    mentions: [
      ['Kessaria', 'place'],
      ['Hope Without Borders', 'organization'],
      ['Dunmore', 'place'],
      ['Grace Osei', 'person'],
      ['Dunmore', 'place'],
    ],
  },
  {
    text:
      'Striking teachers marched through central Tarsa on Tuesday. ' +
      'The National Teachers Federation says pay has fallen by a fifth since 2020. ' +
      'Education Minister Viktor Halas said the budget could not stretch further. ' +
      'Halas is expected to meet union officials in Geneva next week.',
    mentions: [
      ['Tarsa', 'place'],
      ['National Teachers Federation', 'organization'],
      ['Viktor Halas', 'person'],
      ['Halas', 'person'],
      ['Geneva', 'place'],
    ],
  },
  {
    text:
      "Nora Lindqvist's lawyers asked the High Court to delay her extradition to Valdoria. " +
      'Lindqvist, a former adviser to the central bank, denies the charges. ' +
      'The court in Kessar will rule on Thursday.',
    mentions: [
      ['Nora Lindqvist', 'person'],
      ['High Court', 'organization'],
      ['Valdoria', 'place'],
      ['Lindqvist', 'person'],
      ['Kessar', 'place'],
    ],
  },
  {
    text:
      'A tanker ran aground off the coast of Brenmoor, spilling oil into the Gulf of Tessa. ' +
      'The ship, owned by Meridian Shipping, was carrying crude from Nigeria. ' +
      'Coast guard commander Erik Vale said the leak had been contained.',
    mentions: [
      ['Brenmoor', 'place'],
      ['Gulf of Tessa', 'place'],
      ['Meridian Shipping', 'organization'],
      ['Nigeria', 'place'],
      ['Erik Vale', 'person'],
    ],
  },
  {
    text:
      'ARDENNE, Valdoria (Reuters) - Farmers blocked roads into Ardenne with tractors on Wednesday. ' +
      'They are protesting against import rules agreed by the European Union. ' +
      'Agriculture Minister Lucia Marin said she would travel to Brussels to seek changes.',
    mentions: [
      ['ARDENNE', 'place'],
      ['Valdoria', 'place'],
      ['Reuters', 'organization'],
      ['Ardenne', 'place'],
      ['European Union', 'organization'],
      ['Lucia Marin', 'person'],
      ['Brussels', 'place'],
    ],
  },
  {
    text:
      'Prosecutors charged Dmitri Sorokin, a businessman from Kessar, with bribery. ' +
      'Sorokin is accused of paying officials at the Ministry of Transport for road contracts. ' +
      'His company, Sorokin Holdings, denied wrongdoing.',
    mentions: [
      ['Dmitri Sorokin', 'person'],
      ['Kessar', 'place'],
      ['Sorokin', 'person'],
      ['Ministry of Transport', 'organization'],
      ['Sorokin Holdings', 'organization'],
    ],
  },
];
