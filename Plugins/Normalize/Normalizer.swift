/// Runs the passes of the `normalize` stage over one string.
///
/// ```
/// bytes ─► entities, debris, backslashes ─► tags ─► mojibake ─► characters,
///          white space ─► boilerplate ─► Unicode form ─► string
/// ```
///
/// Each pass reads UTF-8 bytes and writes a new buffer, and each one first
/// checks cheaply whether the text has anything for it (a `;`, a `<`, an `Ã`);
/// most news text skips all but the character pass and the normalizer.
struct Normalizer: Sendable {
    let debris: DebrisDecoder?
    let tags: TagStripper?
    let mojibake: MojibakeRepair?
    let cleaner: TextCleaner
    let boilerplate: BoilerplateFilter?
    /// Paragraphs were kept for the boilerplate filter and must now be joined.
    let joinParagraphs: Bool
    let form: NormalizeOptions.Form

    /// A normalizer for a document's text (`title == false`) or its title, which
    /// is always one line and never loses boilerplate.
    init(options: NormalizeOptions, title: Bool) {
        debris =
            options.html || options.backslashEscapes
            ? DebrisDecoder(html: options.html, backslashEscapes: options.backslashEscapes) : nil
        tags = options.html ? TagStripper() : nil
        mojibake = options.fixMojibake ? MojibakeRepair() : nil
        boilerplate = options.boilerplate && !title ? BoilerplateFilter(extra: options.boilerplatePatterns) : nil
        let paragraphBreaks = !title && options.paragraphBreaks
        joinParagraphs = boilerplate != nil && !paragraphBreaks
        cleaner = TextCleaner(
            collapse: options.whitespace == .collapse, paragraphBreaks: paragraphBreaks || boilerplate != nil,
            asciiQuotes: options.quotes == .ascii, asciiDashes: options.dashes == .ascii, form: options.form)
        form = options.form
    }

    /// `text`, normalized.
    ///
    /// One round of the passes is almost always enough. But a later pass can
    /// uncover work for an earlier one — removing a tag or a soft hyphen can
    /// put `amp;` after a space or join the halves of `â€™` — so when the
    /// result still has a reference, a tag or mojibake in it, the passes run
    /// again, up to three rounds. That keeps the stage idempotent.
    func normalize(_ text: String) -> String {
        var current = text
        for round in 1...3 {
            guard let next = normalizeOnce(current) else { return current }
            if round == 3 || !hasWorkLeft(next) { return next }
            current = next
        }
        return current
    }

    /// Whether an earlier pass would still change `text`.
    private func hasWorkLeft(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            if let debris, debris.applies(to: bytes) { return true }
            if let tags, tags.applies(to: bytes) { return true }
            if let mojibake, mojibake.applies(to: bytes), mojibake.repair(bytes) != nil { return true }
            return false
        }
    }

    /// One round of the passes; `nil` when it leaves `text` as it is.
    private func normalizeOnce(_ text: String) -> String? {
        var source = text
        let (bytes, needsNormalization) = source.withUTF8 { original in
            var current: [UInt8]?
            func apply(_ pass: (UnsafeBufferPointer<UInt8>) -> [UInt8]?) {
                let result = current.map { $0.withUnsafeBufferPointer(pass) } ?? pass(original)
                if let result { current = result }
            }
            if let debris { apply { debris.applies(to: $0) ? debris.decode($0) : nil } }
            if let tags { apply { tags.applies(to: $0) ? tags.strip($0) : nil } }
            if let mojibake { apply { mojibake.applies(to: $0) ? mojibake.repair($0) : nil } }
            var needsNormalization = false
            apply {
                let cleaned = cleaner.clean($0)
                needsNormalization = cleaned.needsNormalization
                return cleaned.bytes
            }
            if let boilerplate { apply { boilerplate.filter($0) } }
            if joinParagraphs { apply { joined($0) } }
            return (current, needsNormalization)
        }
        let cleaned = bytes.map { String(decoding: $0, as: UTF8.self) }
        guard needsNormalization else { return cleaned }
        let unnormalized = cleaned ?? text
        let normalized = NormalizationCheck.normalize(unnormalized, to: form)
        guard !UTF8Scan.equal(normalized, unnormalized) else { return cleaned }
        guard form == .nfkc else { return normalized }
        // NFKC can make what the character pass removes (`¨` becomes a space
        // and a combining mark, `⁄` and `ｈ` become ASCII): clean once more.
        var again = normalized
        let (bytes2, needs2) = again.withUTF8 { buffer in
            let cleaned = cleaner.clean(buffer)
            return (cleaned.bytes, cleaned.needsNormalization)
        }
        let recleaned = bytes2.map { String(decoding: $0, as: UTF8.self) } ?? normalized
        return needs2 ? NormalizationCheck.normalize(recleaned, to: form) : recleaned
    }

    /// `input` on one line: paragraph breaks (collapse) or line breaks (keep) become spaces.
    private func joined(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard input.contains(0x0A) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            if input[i] == 0x0A {
                out.append(0x20)
                if cleaner.collapse { while i + 1 < input.count && input[i + 1] == 0x0A { i += 1 } }
            } else {
                out.append(input[i])
            }
            i += 1
        }
        return out
    }
}
