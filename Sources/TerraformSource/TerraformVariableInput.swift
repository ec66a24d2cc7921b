/// Values for a root module's input variables from the command line, as Terraform takes them:
/// `-var-file FILE` files, then `-var NAME=VALUE` assignments, each later one winning; both override
/// `terraform.tfvars` and `*.auto.tfvars` in the module's directory.
public struct TerraformVariableInput: Sendable, Equatable {
  /// `NAME=VALUE` pairs in the order given.
  public var assignments: [(name: String, value: String)]
  /// Paths of `.tfvars` (or `.tfvars.json`) files in the order given.
  public var files: [String]

  public init(assignments: [(name: String, value: String)] = [], files: [String] = []) {
    self.assignments = assignments
    self.files = files
  }

  public static func == (lhs: TerraformVariableInput, rhs: TerraformVariableInput) -> Bool {
    lhs.files == rhs.files && lhs.assignments.map(\.name) == rhs.assignments.map(\.name)
      && lhs.assignments.map(\.value) == rhs.assignments.map(\.value)
  }

  /// Splits `NAME=VALUE` at the first `=`; nil when there is none or the name is empty.
  public static func assignment(_ text: String) -> (name: String, value: String)? {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
    return (String(text[..<equals]), String(text[text.index(after: equals)...]))
  }
}
