/// One instance of a resource or data block of a module instance.
struct InstanceReference: Equatable, Hashable {
  var module: Int
  var resource: Int
  var key: InstanceKey
}
