#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import InfraModel

extension CalendarDate {
  /// Today in the local time zone: the day the user would write. From the C library, not Foundation's
  /// Calendar, which would load ICU at every start just for this.
  public static var today: CalendarDate {
    var now = time(nil)
    var parts = tm()
    guard localtime_r(&now, &parts) != nil else { return CalendarDate(year: 1970, month: 1, day: 1) }
    return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
  }
}
