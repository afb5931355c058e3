import Foundation
import Testing

@testable import TextpipeReport

@Suite("Report style")
struct ReportStyleTests {
    /// The `--name:#hex` colours of the light scheme (`:root`) and of the dark one (in the media query).
    private func schemes() -> (light: [String: String], dark: [String: String]) {
        var css = ""
        ReportStyle.css.withUTF8Buffer { css = String(decoding: $0, as: UTF8.self) }
        let parts = css.components(separatedBy: "@media (prefers-color-scheme:dark)")
        func colours(_ text: String) -> [String: String] {
            let block = text.components(separatedBy: "}")[0]
            var result: [String: String] = [:]
            for match in block.matches(of: #/--([a-z-]+):(#[0-9a-f]{3,6})/#) {
                result[String(match.output.1)] = String(match.output.2)
            }
            return result
        }
        return (colours(parts[0]), colours(parts.count > 1 ? parts[1] : ""))
    }

    private func luminance(_ hex: String) -> Double {
        var digits = Array(hex.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        let channels = stride(from: 0, to: 6, by: 2).map {
            Double(Int(String(digits[$0..<($0 + 2)]), radix: 16) ?? 0) / 255
        }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    private func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test(arguments: ["light", "dark"])
    func coloursHaveTheContrastTheStyleSheetPromises(scheme: String) throws {
        let colours = scheme == "light" ? schemes().light : schemes().dark
        let foreground = try #require(colours["fg"])
        for background in ["evidence", "per", "org", "loc", "misc", "other", "bg", "card"] {
            let ratio = contrast(foreground, try #require(colours[background], "--\(background)"))
            #expect(ratio >= 7.9, "text on --\(background) is \(ratio):1")
        }
        for text in ["muted", "accent", "flag"] {
            for background in ["bg", "card"] {
                let ratio = contrast(try #require(colours[text]), try #require(colours[background]))
                #expect(ratio >= 6.3, "--\(text) on --\(background) is \(ratio):1")
            }
        }
    }
}
