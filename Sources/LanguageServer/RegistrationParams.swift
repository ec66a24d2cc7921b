/// `client/registerCapability` asking the client to report changes of `.trailwatch.yml` files.
struct RegistrationParams: Encodable {
  struct Registration: Encodable {
    struct Options: Encodable {
      struct FileSystemWatcher: Encodable {
        var globPattern: String
      }

      var watchers: [FileSystemWatcher]
    }

    var id: String
    var method: String
    var registerOptions: Options
  }

  var registrations: [Registration]
}
