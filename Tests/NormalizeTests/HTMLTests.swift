import Normalize
import Testing
import Textpipe
import TextpipeTestKit

@Suite struct HTMLEntityTests {
    @Test(arguments: [
        ("a&amp;b", "a&b"),
        ("Caf&eacute; &Eacute;lys&eacute;e", "Café Élysée"),
        ("&lt;not a tag&gt;", "<not a tag>"),
        ("&quot;Hi&quot;", "\"Hi\""),
        ("it&#39;s", "it's"),
        ("it&#x2019;s", "it’s"),
        ("it&#X2019;s", "it’s"),
        ("a&nbsp;&nbsp;b", "a b"),
        ("&euro;5 &pound;6 &yen;7", "€5 £6 ¥7"),
        ("&alpha;&Omega;&hellip;&mdash;&trade;", "αΩ…—™"),
        ("AT&T and R&D", "AT&T and R&D"),
        ("&bogus; stays", "&bogus; stays"),
        ("&amp without semicolon", "&amp without semicolon"),
        ("double &amp;lt;escaped&amp;gt;", "double <escaped>"),
        ("&amp;amp;", "&"),
        ("&amp;#39;", "'"),
    ])
    func decodes(input: String, expected: String) throws {
        #expect(scalars(try normalized(input)) == scalars(expected))
    }

    @Test(arguments: [
        ("&#128;", "€"), ("&#130;", "‚"), ("&#133;", "…"), ("&#145;&#146;", "‘’"),
        ("&#147;&#148;", "“”"), ("&#150;&#151;", "–—"), ("&#153;", "™"),
    ])
    func numbersInTheC1RangeAreWindows1252(input: String, expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test func invalidNumbersAreRemoved() throws {
        #expect(try normalized("a&#0;b&#xD800;c&#x110000;d") == "abcd")
        #expect(try normalized("a&#129;b") == "ab")  // undefined in Windows-1252: a C1 control, removed
    }

    @Test func allHTML4EntitiesAreKnown() throws {
        let names = [
            "nbsp", "iexcl", "thorn", "yuml", "OElig", "Scaron", "circ", "zwj", "permil", "euro", "fnof", "Alpha",
            "thetasym", "upsih", "piv", "bull", "weierp", "alefsym", "crarr", "hArr", "forall", "there4", "otimes",
            "sdot", "lceil", "lang", "loz", "diams",
        ]
        for name in names {
            #expect(try normalized("&\(name);", options: "{ form: none }") != "&\(name);", "&\(name);")
        }
    }

    @Test func htmlFalseLeavesEntities() throws {
        #expect(
            try normalized("a&amp;b <b>x</b> isn #39;t", options: "{ html: false }") == "a&amp;b <b>x</b> isn #39;t")
    }
}

@Suite struct AGNewsDebrisTests {
    @Test(arguments: [
        ("he isn #39;t under", "he isn't under"),
        ("the Football Association #39;s reputation", "the Football Association's reputation"),
        ("competing for the  #36;10 million", "competing for the $10 million"),
        ("US #36;5", "US$5"),
        ("In  quot;helping the poor quot; they", "In \"helping the poor\" they"),
        ("Johnson  amp; Johnson", "Johnson & Johnson"),
        ("up to   hellip;. more", "up to …. more"),
        ("#39;Tis the season", "'Tis the season"),
        ("Sony #146;s player", "Sony’s player"),
        ("the flag  #151; a banner", "the flag — a banner"),
    ])
    func decodesDebris(input: String, expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test(arguments: [
        "Issue #1; see below", "ranked #100; then", "room #12; floor", "Up; Lower;", "the amplifier; quotes;",
        "color #666666; done", "tagged #52345; x",
    ])
    func leavesTextThatOnlyLooksLikeDebris(input: String) throws {
        #expect(try normalized(input) == input)
    }
}

@Suite struct BackslashTests {
    @Test(arguments: [
        (#"A second\team of rocketeers"#, "A second team of rocketeers"),
        (#"Sasser."\\"Graham said"#, "Sasser.\"\n\n\"Graham said"),
        (#"over \$1 billion"#, "over $1 billion"),
        (#"skepticism from the \open source community"#, "skepticism from the open source community"),
        (#"officials announced last \ night."#, "officials announced last night."),
        (#"\Flooding causes chaos"#, "Flooding causes chaos"),
        (#"now. \"#, "now."),
    ])
    func readsEscapes(input: String, expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test func canBeTurnedOff() throws {
        #expect(
            try normalized(#"C:\Windows\System32"#, options: "{ backslash_escapes: false }") == #"C:\Windows\System32"#)
        #expect(try normalized(#"C:\Windows\System32"#) == "C: Windows System32")
    }
}

@Suite struct TagTests {
    @Test(arguments: [
        ("<b>bold</b> text", "bold text"),
        ("line<br>break", "line break"),
        ("one<p>two</p>three", "one\n\ntwo\n\nthree"),
        ("a<br/>b<BR>c<br />d", "a b c d"),
        (#"see <A HREF="http://x.com/?a=1&b=2">the site</A> now"#, "see the site now"),
        (#"<a href='x>y'>link</a>"#, "link"),
        ("<FONT face=\"verdana\" size=\"-2\"><B>-The Washington Post</B></FONT>", "-The Washington Post"),
        ("&lt;p&gt;&lt;/p&gt;&lt;p&gt; CHICAGO (Reuters) -", "CHICAGO (Reuters) -"),
        ("x<!-- a comment -->y", "xy"),
        ("a<script>var x = '<b>';</script>b", "ab"),
        ("cell<td>cell", "cell cell"),
    ])
    func removesTags(input: String, expected: String) throws {
        #expect(try normalized(input) == expected)
    }

    @Test(arguments: [
        "a < b and c > d", "Texas Instruments Inc. <TXN.N>, STMicroelectronics", "x<y", "<3 love",
        "Sears <S> and Union Carbide <U> rose", "Du Pont <DD> said", "Phillips <P> said",
        "<unknowntag>", "a <b", "an arrow ->",
    ])
    func keepsWhatIsNotATag(input: String) throws {
        #expect(try normalized(input) == input)
    }

    @Test func upperCaseTickersGoWhenTheTextIsHTML() throws {
        #expect(try normalized("<B>Sears</B> <S> rose") == "Sears rose")
    }
}
