/// Files the client saw change on disk (a `.trailwatch.yml` the server asked it to watch).
struct DidChangeWatchedFilesParams: Codable {
  struct FileEvent: Codable {
    var uri: String
    /// 1 created, 2 changed, 3 deleted.
    var type: Int
  }

  var changes: [FileEvent]
}
