/// The counts the overview shows, over every record read (not only those shown).
///
/// Memory grows with the number of distinct parties, subtypes, labels and
/// days, not with the number of articles.
struct ReportTally {
    var articles = 0
    /// Articles that carry an `intra_party_conflict` field.
    var withConflict = 0
    var flagged = 0
    /// Dead-letter records.
    var failed = 0
    var entities = 0
    var articlesWithEntities = 0
    var flaggedByParty: [String: Int] = [:]
    var flaggedBySubtype: [String: Int] = [:]
    var entitiesByLabel: [String: Int] = [:]
    /// Per day: articles, and flagged articles.
    var byDay: [ReportDay: (articles: Int, flagged: Int)] = [:]

    mutating func add(_ article: ReportArticle) {
        articles += 1
        entities += article.entities.count
        if !article.entities.isEmpty { articlesWithEntities += 1 }
        for entity in article.entities { entitiesByLabel[entity.label, default: 0] += 1 }
        if let conflict = article.conflict {
            withConflict += 1
            if conflict.label {
                flagged += 1
                flaggedByParty[conflict.party ?? "(no party)", default: 0] += 1
                flaggedBySubtype[conflict.subtype.map(ArticleView.displayName) ?? "(no subtype)", default: 0] += 1
            }
        }
        if let day = article.day {
            byDay[day, default: (0, 0)].articles += 1
            if article.isFlagged { byDay[day, default: (0, 0)].flagged += 1 }
        }
    }

    /// `counts` as bars, largest first, ties by name.
    static func ranked(_ counts: [String: Int]) -> [(label: String, value: Int)] {
        counts.map { (label: $0.key, value: $0.value) }
            .sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.label.utf8.lexicographicallyPrecedes($1.label.utf8)
            }
    }
}
