/// A calendar day written `YYYY-MM-DD`: the form of a profile's `updated` date and of
/// a focus's target date. Checked for real (no 2026-02-30), without a clock or locale.
public enum CalendarDay {
    /// Whether `text` is exactly `YYYY-MM-DD` and names a day that exists.
    public static func isValid(_ text: String) -> Bool {
        guard let (year, month, day) = parts(text) else { return false }
        return (1...12).contains(month) && (1...days(inMonth: month, year: year)).contains(day)
    }

    /// Year, month and day of `YYYY-MM-DD` (digits only), not yet checked as a date.
    static func parts(_ text: String) -> (Int, Int, Int)? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
              fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]) else { return nil }
        return (year, month, day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
