/// A calendar day, as days since 1970-01-01 (proleptic Gregorian, as ISO 8601 counts).
struct ReportDay: Hashable, Comparable, Sendable {
    var daysSinceEpoch: Int

    static func < (lhs: ReportDay, rhs: ReportDay) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// The fields a run's input may carry a date in, first found wins.
    static let fieldNames = ["date", "published", "published_at"]

    /// The day an ISO 8601 date or date-time starts with (`2005-03-01`,
    /// `2005-03-01T09:30:00Z`); `nil` for anything else.
    ///
    /// The time and zone are ignored: a report groups by the day the source
    /// printed, not by the reader's time zone.
    init?(iso8601 string: String) {
        let bytes = Array(string.utf8.prefix(11))
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
            let day = Self.number(bytes[8..<10]), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        daysSinceEpoch = Self.days(year: year, month: month, day: day)
    }

    init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// `YYYY-MM-DD`.
    var iso8601: String {
        let (year, month, day) = civil
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    /// `YYYY-MM`.
    var month: String {
        let (year, month, _) = civil
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))"
    }

    /// The first day of this day's month.
    var firstOfMonth: ReportDay {
        let (year, month, _) = civil
        return ReportDay(daysSinceEpoch: Self.days(year: year, month: month, day: 1))
    }

    /// The first day of the next month.
    var firstOfNextMonth: ReportDay {
        let (year, month, _) = civil
        return month == 12
            ? ReportDay(daysSinceEpoch: Self.days(year: year + 1, month: 1, day: 1))
            : ReportDay(daysSinceEpoch: Self.days(year: year, month: month + 1, day: 1))
    }

    // Howard Hinnant's days_from_civil and civil_from_days, exact for every year.
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private var civil: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
