// A deterministic, fictional news corpus of any size for benchmarks: several stories running over
// months, each article written from templates with relative dates ("on Monday"), names and figures,
// so every annotator has real work to do. Same seed, same corpus.

import { seededUnit } from '../src/seeded-random.js';

const PLACES = ['Velmora', 'Kastrel', 'Orvane', 'Duneport', 'Halvik', 'Serrano Bay', 'Ashgrove', 'Linden Cross'];
const PEOPLE = ['Ilse Varga', 'Tomas Brell', 'Mara Quillon', 'Anton Feske', 'Rhea Solberg', 'Piet Danvers', 'Nadia Okafor'];
const ORGS = ['Port Workers Union', 'Ministry of Labour', 'Harbour Authority', 'Red Crescent', 'Coastal Shipping Company', 'Supreme Court'];
const OUTLETS = ['coastal-wire', 'velmora-herald', 'northern-ledger', 'bay-courier'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EVENTS = ['walked off the job', 'blocked the harbour entrance', 'met behind closed doors', 'signed a draft agreement', 'marched to the town hall', 'evacuated the ferry terminal'];
const UNITS = ['workers', 'ships', 'trucks', 'families', 'protesters', 'containers'];

export interface SyntheticArticle {
  id: string;
  time: string;
  source: string;
  title: string;
  text: string;
}

function addDays(day: string, offset: number): Date {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date;
}

export function* syntheticArticles(count: number, seed = 1): Generator<SyntheticArticle> {
  const random = seededUnit(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < count; i++) {
    const published = addDays('2024-01-01', Math.floor(random() * 540));
    const day = published.toISOString().slice(0, 10);
    const back = 1 + Math.floor(random() * 5);
    const eventDay = WEEKDAYS[(published.getUTCDay() - back + 7) % 7]!;
    const place = pick(PLACES);
    const paragraphs: string[] = [];
    const sentences = 14 + Math.floor(random() * 16);
    for (let s = 0; s < sentences; s++) {
      const n = 2 + Math.floor(random() * 4000);
      switch (s % 6) {
        case 0:
          paragraphs.push(`${place.toUpperCase()} -- About ${n.toLocaleString('en-US')} ${pick(UNITS)} ${pick(EVENTS)} in ${place} on ${eventDay}, ${pick(ORGS)} officials said.`);
          break;
        case 1:
          paragraphs.push(`"We will not give up," said ${pick(PEOPLE)}, who spoke to reporters later ${eventDay} near the ${pick(ORGS)} offices.`);
          break;
        case 2:
          paragraphs.push(`The ${pick(ORGS)} said ${n} ${pick(UNITS)} had been affected since ${pick(MONTHS)} last year, the third time in a week.`);
          break;
        case 3:
          paragraphs.push(`${pick(PEOPLE)} of the ${pick(ORGS)} will meet ${pick(PEOPLE)} on ${pick(WEEKDAYS)} to discuss the ${n}-page proposal.`);
          break;
        case 4:
          paragraphs.push(`Hundreds of ${pick(UNITS)} waited outside ${pick(PLACES)} on ${day.slice(0, 4) === '2024' ? 'Tuesday' : 'Friday'}, and dozens more arrived two days later.`);
          break;
        default:
          paragraphs.push(`Officials in ${pick(PLACES)} said ${Math.floor(random() * 90) + 5} percent of the ${pick(UNITS)} had returned by ${pick(MONTHS)} ${1 + Math.floor(random() * 28)}.`);
      }
    }
    yield {
      id: `syn-${i}`,
      time: day,
      source: pick(OUTLETS),
      title: `${place}: ${pick(EVENTS)}`,
      text: paragraphs.join('\n\n'),
    };
  }
}
