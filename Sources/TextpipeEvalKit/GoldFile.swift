import ArgumentParser
import Foundation

/// A problem in a gold file, with the line it is on: printed as one
/// compiler-style line, `FILE:LINE: error: MESSAGE`, then exit 65 (data error).
public struct GoldFileError: Error, CustomStringConvertible, Equatable {
    public var path: String
    /// 1-based; 0 when the problem is the file itself (it cannot be read).
    public var line: Int
    public var message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line): error: \(message)" : "\(path): error: \(message)"
    }
}

/// Gold data in JSON Lines, read the one way every evaluation reads it.
public enum GoldFile {
    /// Each non-blank line of `path` as a JSON object, with its 1-based line number
    /// (blank lines count, so the number is the one an editor shows).
    ///
    /// - Throws: ``GoldFileError`` for an unreadable file or a line that is not a JSON object.
    public static func jsonObjects(path: String) throws(GoldFileError) -> [(line: Int, object: [String: Any])] {
        let data = try contents(path: path)
        var objects: [(line: Int, object: [String: Any])] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { !$0.isJSONWhitespace }) {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                throw GoldFileError(
                    path: path, line: index + 1, message: "not a JSON object (each line holds one record)")
            }
            objects.append((index + 1, object))
        }
        return objects
    }

    /// The bytes of a gold file.
    ///
    /// - Throws: ``GoldFileError`` (line 0) when it cannot be read.
    public static func contents(path: String) throws(GoldFileError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw GoldFileError(path: path, line: 0, message: "cannot read it: \(error.localizedDescription)")
        }
    }

    /// Runs `body`, turning a ``GoldFileError`` into its one line on stderr and exit 65,
    /// so no command prints a gold-file problem with a usage text or a stack of errors.
    public static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GoldFileError {
            Terminal.error(error.description)
            throw ExitCode(ExitStatus.dataError)
        }
    }
}

extension UInt8 {
    fileprivate var isJSONWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0D || self == 0x0A }
}

/// The counts behind precision, recall and F1, and the three figures from them,
/// as conlleval defines them: a ratio with nothing to count is 0.
public struct PrecisionRecall: Sendable, Equatable {
    /// Predicted and in the gold data.
    public var correct: Int
    public var predicted: Int
    public var gold: Int

    public init(correct: Int = 0, predicted: Int = 0, gold: Int = 0) {
        self.correct = correct
        self.predicted = predicted
        self.gold = gold
    }

    public var precision: Double { predicted > 0 ? Double(correct) / Double(predicted) : 0 }
    public var recall: Double { gold > 0 ? Double(correct) / Double(gold) : 0 }
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    public static func + (a: PrecisionRecall, b: PrecisionRecall) -> PrecisionRecall {
        PrecisionRecall(correct: a.correct + b.correct, predicted: a.predicted + b.predicted, gold: a.gold + b.gold)
    }
}
