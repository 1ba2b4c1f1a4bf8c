/**
 * Capitals, accented and final letters of the Greek and Latin alphabets, and what a name search folds them to, one
 * for one. PostgreSQL's lower() folds only ASCII under the C locale (PGlite's and many servers'), so the fold is
 * spelled out here. The index task_citizen_name_key (migration 0013) is built on this exact expression: changing
 * these strings needs a migration that rebuilds it.
 */
const FROM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏΪΫάέήίόύώϊϋΐΰς';
const TO = 'abcdefghijklmnopqrstuvwxyzαβγδεζηθικλμνξοπρστυφχψωαεηιουωιυαεηιουωιυιυσ';

if ([...FROM].length !== [...TO].length) throw new Error('Expected the name fold to map one letter to one letter');

const fold = new Map([...FROM].map((c, i) => [c, [...TO][i]!]));

/** The SQL expression a citizen name is searched by: the name folded to plain lower case (index and query share it). */
export const citizenNameKeySql = (column: string): string => `translate(${column}, '${FROM}', '${TO}')`;

/**
 * The same with the first word moved last: names are stored first name first ("Μαρία Παπαδοπούλου"), and a clerk
 * types either the surname or the whole name, so both orders are searched by their start.
 */
export const citizenSurnameKeySql = (column: string): string =>
  citizenNameKeySql(`regexp_replace(${column}, '^(\\S+)\\s+(.+)$', '\\2 \\1')`);

/** A name (or the start of one) folded as citizenNameKeySql folds the stored names: "Παπαδόπουλος" → "παπαδοπουλοσ". */
export const citizenNameKey = (name: string): string =>
  [...name.normalize('NFC').trim()].map((c) => fold.get(c) ?? c).join('');
