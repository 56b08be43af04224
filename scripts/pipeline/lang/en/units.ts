/**
 * Units of measurement a figure can be in, with what they measure and their size in that
 * dimension's base unit, so that "6,400 metres" and "21,000 feet", or "80 kg" and "176 pounds",
 * are compared as one quantity. General physical knowledge, not about any event; which words are
 * units at all comes from WordNet (`isKindOf(word, 'unit_of_measurement')`).
 */

/** A unit's dimension and its size in the dimension's base unit (metre, kilogram, square metre, litre, km/h). */
export interface Measure {
  dimension: 'length' | 'mass' | 'area' | 'volume' | 'speed' | 'temperature';
  factor: number;
  /** For temperatures: added after scaling, to reach degrees Celsius. */
  offset?: number;
}

const TABLE: Array<[Measure['dimension'], number, string[]]> = [
  ['length', 1, ['metre', 'meter', 'm']],
  ['length', 1000, ['kilometre', 'kilometer', 'km']],
  ['length', 0.01, ['centimetre', 'centimeter', 'cm']],
  ['length', 0.001, ['millimetre', 'millimeter', 'mm']],
  ['length', 1609.344, ['mile', 'mi']],
  ['length', 0.3048, ['foot', 'ft']],
  ['length', 0.0254, ['inch', 'in']],
  ['length', 0.9144, ['yard', 'yd']],
  ['mass', 1, ['kilogram', 'kilo', 'kg']],
  ['mass', 0.001, ['gram', 'g']],
  ['mass', 1000, ['tonne', 'ton', 't']],
  ['mass', 0.45359237, ['pound', 'lb']],
  ['area', 1, ['square metre', 'square meter']],
  ['area', 10_000, ['hectare', 'ha']],
  ['area', 4046.8564224, ['acre']],
  ['area', 1e6, ['square kilometre', 'square kilometer', 'km2']],
  ['area', 2_589_988.110336, ['square mile']],
  ['volume', 1, ['litre', 'liter', 'l']],
  ['volume', 3.785411784, ['gallon']],
  ['speed', 1, ['kph', 'km/h']],
  ['speed', 1.609344, ['mph']],
];

const MEASURES = new Map<string, Measure>();
for (const [dimension, factor, names] of TABLE) for (const n of names) MEASURES.set(n, { dimension, factor });
MEASURES.set('celsius', { dimension: 'temperature', factor: 1 });
MEASURES.set('fahrenheit', { dimension: 'temperature', factor: 5 / 9, offset: -32 * (5 / 9) });

/** The measure of a unit's lemma ("kilometre", "mph"), or undefined for a unit that is not converted (currencies). */
export function measureOf(unit: string): Measure | undefined {
  return MEASURES.get(unit.toLowerCase());
}

/** Currency signs written before a figure, by the currency they stand for. */
export const CURRENCY_SIGNS: Readonly<Record<string, string>> = { $: 'dollar', '€': 'euro', '£': 'pound', '¥': 'yen', '₹': 'rupee' };

/** English plurals WordNet's rules do not undo. */
export const IRREGULAR_PLURALS: Readonly<Record<string, string>> = { feet: 'foot', teeth: 'tooth', geese: 'goose', mice: 'mouse', children: 'child', women: 'woman', men: 'man' };
