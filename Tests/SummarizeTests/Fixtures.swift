/// Short, fictional articles for the summarize tests.
enum Fixtures {
    /// A BBC-shaped article: a title, then paragraphs.
    static let harbourTitle = "Valmora council backs harbour plan"
    static let harbour = """
        The Valmora council approved the harbour budget on Monday after a long debate.

        The harbour budget pays for two new cranes and a deeper harbour channel. Fishing crews said the \
        channel had been too shallow for years. The council also named a new harbour master, Ana Brel.

        Opponents said the budget was too large for a small town. The mayor said the harbour would pay \
        for itself within ten years. The vote on the harbour budget passed by one vote.
        """

    /// Quotes, titles and abbreviations that must not break sentences.
    static let quotesAndAbbreviations = """
        Mr. Sattar met Dr. Siddiqui at the U.S. consulate on Jan. 5 to discuss the party's future. \
        "We will not split the party," Mr. Sattar said. "The workers are united." Dr. Siddiqui disagreed. \
        He said the party's leaders in the U.S. and the U.K. had lost touch with the workers. \
        The party will meet again in Feb. to choose a leader.
        """

    /// Non-English texts: French (Latin script with accents), Urdu and Chinese.
    static let french = """
        Le conseil de Valmora a approuvé le budget du port lundi. Le budget du port finance deux grues. \
        Les pêcheurs ont salué la décision. Le maire a défendu le budget du port devant le conseil.
        """
    static let urdu =
        "کونسل نے بندرگاہ کا بجٹ منظور کر لیا۔ بجٹ سے دو نئی کرینیں خریدی جائیں گی۔ ماہی گیروں نے فیصلے کا خیرمقدم کیا۔"
    static let chinese = "市议会批准了港口预算。预算将用于购买两台新起重机。渔民欢迎这一决定。"
}
