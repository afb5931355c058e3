/// Words that end in a period without ending a sentence.
enum Abbreviations {
    /// Titles and the like: a period after them never ends a sentence (`Mr. Sattar`).
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj", "cmdr",
        "adm", "brig", "cpl", "pvt", "rev", "fr", "hon", "pres", "supt", "insp", "det", "st", "mt", "ft", "messrs",
        "mme", "mlle", "sr", "jr", "no", "nos", "vol", "vols", "art", "fig", "figs", "pp", "para", "approx", "dept",
        "est", "vs", "v", "cf", "al", "ca", "e.g", "i.e", "viz", "op", "ch", "sec", "ed", "eds",
    ]

    /// Abbreviations that often end a sentence too (`… Acme Inc. The firm …`): a
    /// period after them ends one only when a common sentence opener follows.
    static let ambiguous: Set<String> = [
        "inc", "ltd", "co", "corp", "plc", "bros", "llc", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "u.s.a", "d.c", "n.y", "l.a", "bn", "m", "pct", "approx",
    ]

    /// Capitalized words that commonly open a sentence, used after an ambiguous abbreviation.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this", "that",
        "these", "those", "there", "his", "her", "their", "its", "our", "mr", "mrs", "ms", "dr", "if", "when", "while",
        "however", "meanwhile", "after", "before", "earlier", "later", "last", "shares", "analysts", "officials",
        "police", "sources", "some", "many", "most", "one", "two", "for", "as", "so", "yet", "also", "what", "who",
        "why", "how", "no", "not", "both", "each", "all", "its", "such", "since", "despite", "although", "though",
    ]

    /// The length in characters of the longest word in ``titles`` and ``ambiguous``.
    static let longest = titles.union(ambiguous).map(\.count).max() ?? 0

    /// Whether `word` (without its period, any case) never ends a sentence.
    static func isTitle(_ word: String) -> Bool { titles.contains(word.lowercased()) }
    static func isAmbiguous(_ word: String) -> Bool { ambiguous.contains(word.lowercased()) }
}
