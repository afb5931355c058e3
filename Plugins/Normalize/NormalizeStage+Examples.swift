import Textpipe

extension NormalizeStage {
    /// Snippets from AG News, Reuters-21578 and BBC News, as those corpora have them.
    public static let examples: [StageExample] = [
        StageExample(
            "AG News: entity debris without its '&'",
            input: #"""
                {"title": "Eriksson doesn #39;t feel any extra pressure following scandal", "text": "England coach Sven-Goran Eriksson said Tuesday he isn #39;t under any extra pressure in the aftermath of a scandal that damaged the Football Association #39;s reputation. "}
                """#,
            expected: #"""
                {"title": "Eriksson doesn't feel any extra pressure following scandal", "text": "England coach Sven-Goran Eriksson said Tuesday he isn't under any extra pressure in the aftermath of a scandal that damaged the Football Association's reputation."}
                """#),
        StageExample(
            "AG News: escaped tags in a title, backslash escapes before '$'",
            input: #"""
                {"title": "Jamaican Government to Provide Free Internet Access in Poor &lt;b&gt;...&lt;/b&gt;", "text": "Jamaica #39;s government on Tuesday announced a US\\$5 million (Jamaican \\$308 million) plan to provide free Internet access in poor communities across the island."}
                """#,
            expected: #"""
                {"title": "Jamaican Government to Provide Free Internet Access in Poor ...", "text": "Jamaica's government on Tuesday announced a US$5 million (Jamaican $308 million) plan to provide free Internet access in poor communities across the island."}
                """#),
        StageExample(
            "AG News: a backslash for a line break, ' #36;' for '$'",
            input: #"""
                {"text": "SPACE.com - TORONTO, Canada -- A second\\team of rocketeers competing for the  #36;10 million Ansari X Prize, a contest for\\privately funded suborbital space flight, has officially announced the first\\launch date for its manned rocket."}
                """#,
            expected: #"""
                {"text": "SPACE.com - TORONTO, Canada -- A second team of rocketeers competing for the $10 million Ansari X Prize, a contest for privately funded suborbital space flight, has officially announced the first launch date for its manned rocket."}
                """#),
        StageExample(
            "AG News: a link tag with attributes is removed, its text kept",
            input: #"""
                {"text": " NEW YORK (Reuters) - Staples Inc. &lt;A HREF=\"http://www.investor.reuters.com/FullQuote.aspx?ticker=SPLS.O target=/stocks/quickinfo/fullquote\"&gt;SPLS.O&lt;/A&gt;, the top U.S.  office products retailer, on Tuesday reported a 39 percent jump  in quarterly profit."}
                """#,
            expected: #"""
                {"text": "NEW YORK (Reuters) - Staples Inc. SPLS.O, the top U.S. office products retailer, on Tuesday reported a 39 percent jump in quarterly profit."}
                """#),
        StageExample(
            "Reuters: hard-wrapped lines joined, indented paragraphs kept, ticker kept, &#3; removed",
            input: #"""
                {"text": "Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the money market\nborrowing and investment activities of both companies.\n    BP North America is a subsidiary of British Petroleum Co\nPlc &lt;BP>, which also owns a 55 pct interest in Standard Oil.\n\n Reuter\n&#3;"}
                """#,
            expected: #"""
                {"text": "Standard Oil Co and BP North America Inc said they plan to form a venture to manage the money market borrowing and investment activities of both companies.\n\nBP North America is a subsidiary of British Petroleum Co Plc <BP>, which also owns a 55 pct interest in Standard Oil.\n\nReuter"}
                """#),
        StageExample(
            "BBC: runs of spaces collapse, in the title too",
            input: #"""
                {"title": "Job cuts 'false economy'  - TUC", "text": "VOTE   Was Germaine Greer right to leave Celebrity Big Brother?   Yes  No   Results are indicative and may not reflect public opinion\n\n\n"}
                """#,
            expected: #"""
                {"title": "Job cuts 'false economy' - TUC", "text": "VOTE Was Germaine Greer right to leave Celebrity Big Brother? Yes No Results are indicative and may not reflect public opinion"}
                """#),
        StageExample(
            "Mojibake: UTF-8 that was read as Windows-1252",
            input: #"""
                {"text": "Itâ€™s a cafÃ© society, said the Â£15.8m signing."}
                """#,
            expected: #"""
                {"text": "It’s a café society, said the £15.8m signing."}
                """#),
        StageExample(
            "AG News: Windows-1252 debris, with quotes: ascii",
            options: "{ quotes: ascii }",
            input: #"""
                {"text": "Newsday #146;s Stephen Williams reports on seeing Sony #146;s NW-HD1 audio player in a store:  #147; #145;How #146;s it compare to the iPod? #146; I asked a salesman."}
                """#,
            expected: #"""
                {"text": "Newsday's Stephen Williams reports on seeing Sony's NW-HD1 audio player in a store: \"'How's it compare to the iPod?' I asked a salesman."}
                """#),
        StageExample(
            "Boilerplate paragraphs removed, with boilerplate: true",
            options: "{ boilerplate: true }",
            input: #"""
                {"text": "Chelsea have sacked Adrian Mutu after he failed a drugs test.\n\nRead More: Mutu faces two-year ban\n\nThe 25-year-old tested positive for a banned substance in October.\n\nAdvertisement"}
                """#,
            expected: #"""
                {"text": "Chelsea have sacked Adrian Mutu after he failed a drugs test.\n\nThe 25-year-old tested positive for a banned substance in October."}
                """#),
        StageExample(
            "One line, with paragraph_breaks: false",
            options: "{ paragraph_breaks: false }",
            input: #"""
                {"text": "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)."}
                """#,
            expected: #"""
                {"text": "Ad sales boost Time Warner profit Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m)."}
                """#),
        StageExample(
            "Too short once cleaned, with min_chars: 20",
            options: "{ min_chars: 20 }",
            input: #"""
                {"text": "&nbsp;\n Reuter\n&#3;"}
                """#,
            expected: nil),
    ]
}
