/**
 * The one order for text the generator and the site sort by (ids, file names, rules): by UTF-16
 * code unit, as `Array.prototype.sort` does. Never the locale's collation, which follows the process
 * locale (Danish puts "Aa" after "Z"), so a build under another LC_ALL would differ.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
