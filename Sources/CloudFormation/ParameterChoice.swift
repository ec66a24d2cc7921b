/// The value a branch takes for one template parameter.
struct ParameterChoice: Equatable {
  var value: String
  /// Whether it is the value trailwatch assumes anyway: the default, or the value given for the
  /// deployment. Other choices are `AllowedValues` a deployment may pick instead.
  var isDefault: Bool
}
