/// The version trailwatch reports.
public enum TrailwatchVersion {
  public static let current = "0.1.0"
  public static let informationURI = "https://github.com/trailwatch/trailwatch"
}
