import Foundation
import InfraModel

extension CalendarDate {
  /// Today in the local time zone: the day the user would write.
  public static var today: CalendarDate {
    let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
  }
}
